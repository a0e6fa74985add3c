/**
 * One-click presets (docs/ARCHITECTURE.md convention 14): the paper's settings and the lab's REDUCED BUDGET
 * proposals, labelled as such, with what deviates from the paper and the expected cost shown before the
 * user starts anything. Clicking a preset loads it into the form (it does not start a run). Students read
 * what a preset does and how it differs in plain words; the settings in the paper's terms, library versions
 * and document sections they came from sit behind one "Source" disclosure (settings/provenance.ts).
 */
import { memo } from 'react';
import { PRESETS } from '../../core/runs/presets';
import { useExperimentStore } from '../../state/experiment-store';
import { selectImpActive, useImpStore } from '../../state/imp-store';
import { splitProvenance } from '../settings/provenance';
import type { Preset } from '../../core/runs/presets';

/** The chosen preset's description and differences, each split into its meaning and its sources. */
function PresetText({ preset }: { preset: Preset }) {
  const about = splitProvenance(preset.description);
  const differs = preset.deviations.map(splitProvenance);
  const sources = [about.provenance, ...differs.map((d) => d.provenance)].filter((p) => p !== '');
  return (
    <>
      <p data-testid="preset-description">{about.meaning}</p>
      {differs.length > 0 && (
        <>
          <p className="small">
            <strong>Differs from the paper:</strong>
          </p>
          <ul className="small">
            {differs.map((d) => (
              <li key={d.meaning}>{d.meaning}</li>
            ))}
          </ul>
        </>
      )}
      {sources.length > 0 && (
        <details className="source-note">
          <summary>Source</summary>
          {sources.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </details>
      )}
    </>
  );
}

export const PresetBar = memo(function PresetBar() {
  const presetId = useExperimentStore((s) => s.presetId);
  const applyPreset = useExperimentStore((s) => s.applyPreset);
  const running = useImpStore(selectImpActive);
  const chosen = PRESETS.find((p) => p.id === presetId);
  return (
    <section className="presets" aria-labelledby="presets-h">
      <h3 id="presets-h">Presets</h3>
      <div className="preset-grid" role="group" aria-label="Presets">
        {PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            className={`preset${p.id === presetId ? ' selected' : ''}`}
            aria-pressed={p.id === presetId}
            disabled={running}
            onClick={() => applyPreset(p.id)}
            data-preset={p.id}
          >
            <span className={`tag ${p.paper ? 'tag-paper' : 'tag-reduced'}`}>
              {p.paper ? 'PAPER SETTINGS' : 'REDUCED BUDGET'}
            </span>
            <span className="preset-label">{p.label}</span>
            <span className="preset-cost">{p.notInBrowser ? 'Too big for the browser' : p.expectedCost}</span>
          </button>
        ))}
      </div>
      {chosen ? (
        <div className="preset-details">
          <PresetText preset={chosen} />
          <p className="small">
            <strong>Expected cost:</strong> {chosen.expectedCost}
          </p>
          {chosen.costNote && (
            <details className="small">
              <summary>How the cost was measured</summary>
              <p>{chosen.costNote}</p>
            </details>
          )}
          {chosen.notInBrowser && (
            <p className="notice small" data-testid="not-in-browser">
              <strong>Not runnable in the browser:</strong> {chosen.notInBrowser}
            </p>
          )}
        </div>
      ) : (
        <p className="muted small">Custom settings (edited from a preset).</p>
      )}
    </section>
  );
});
