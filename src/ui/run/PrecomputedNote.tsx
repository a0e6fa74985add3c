/**
 * The line under the sparsity chart that says where the precomputed curves come from (they must be
 * clearly labelled as precomputed): the command(s) that produced them and the date, a show/hide switch, and the
 * full provenance on demand; a bundle that failed to load says why (and the chart carries on without it).
 */
import type { PrecomputedEntry } from '../../state/precomputed-store';
import { usePrecomputedStore } from '../../state/precomputed-store';
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
  return (
    <div className="small precomputed-note" data-precomputed="ready">
      <label className="inline-check">
        <input type="checkbox" checked={visible} onChange={toggle} /> show precomputed curves (dotted, faded): {o.label}
      </label>
      <details>
        <summary>
          precomputed ({o.commands[0] ? <code>{o.commands[0]}</code> : 'command not recorded'}
          {o.commands.length > 1 ? ` + ${o.commands.length - 1} more` : ''}, {day}) — not this tab&apos;s run; all
          commands
        </summary>
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
