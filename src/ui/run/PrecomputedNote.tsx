/**
 * The line under the sparsity chart that says where the precomputed curves come from (they must be
 * clearly labelled as precomputed): which preset, how many seeds and when, a show/hide switch, and the
 * commands and machine behind it in a "How it was made" disclosure (students read the result, not the CLI);
 * a bundle that failed to load says why (and the chart carries on without it).
 */
import type { PrecomputedEntry } from '../../state/precomputed-store';
import { usePrecomputedStore } from '../../state/precomputed-store';
import { PRESETS } from '../../core/runs/presets';
import './sweep.css';

export function PrecomputedNote({ entry, visible }: { entry: PrecomputedEntry; visible: boolean }) {
  const toggle = usePrecomputedStore((s) => s.toggleVisible);
  if (entry.status === 'loading')
    return (
      <p className="muted small" data-precomputed="loading">
        Loading the precomputed result of this preset…
      </p>
    );
  if (entry.status === 'error' || !entry.overlay) {
    return (
      <p className="small" role="alert" data-precomputed="error">
        Precomputed result not shown: {entry.message ?? 'unknown error'}
      </p>
    );
  }
  const o = entry.overlay,
    p = o.provenance;
  const day = o.date.slice(0, 10);
  const preset = PRESETS.find((x) => x.id === o.presetId)?.label ?? o.label;
  return (
    <div className="small precomputed-note" data-precomputed="ready">
      <label className="inline-check">
        <input type="checkbox" checked={visible} onChange={toggle} /> Show the precomputed result (dotted, faded):{' '}
        {preset}, {o.seeds.length} seed{o.seeds.length === 1 ? '' : 's'}, run on {day} — not this tab&apos;s run
      </label>
      <details className="provenance">
        <summary>How the precomputed result was made</summary>
        <p>Made on the command line with the same code as this page:</p>
        <ul>
          {o.commands.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
          <li>
            seeds {o.seeds.join(', ')}; run {o.date}
            {p?.backend ? ` on tfjs ${p.backend}` : ''}
          </li>
          {p?.machine && (
            <li>
              bundled on {p.machine}
              {p.gitCommit ? ` at commit ${p.gitCommit.slice(0, 12)}` : ''}
            </li>
          )}
        </ul>
      </details>
    </div>
  );
}
