/**
 * One-click presets (docs/ARCHITECTURE.md convention 14): the paper's settings and the lab's REDUCED BUDGET
 * proposals, labelled as such, with what deviates from the paper and the expected cost shown before the
 * user starts anything. Clicking a preset loads it into the form (it does not start a run).
 */
import { memo } from 'react';
import { PRESETS } from '../../core/runs/presets';
import { useExperimentStore } from '../../state/experiment-store';
import { selectImpActive, useImpStore } from '../../state/imp-store';
import { SourcedText } from '../settings/SourcedText';

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
          {/* what the preset is first; the document and version it cites behind "Source" */}
          <SourcedText text={chosen.description} />
          {chosen.deviations.length > 0 && (
            <>
              <p className="small">
                <strong>Differs from the paper:</strong>
              </p>
              <ul className="small">
                {chosen.deviations.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </>
          )}
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
