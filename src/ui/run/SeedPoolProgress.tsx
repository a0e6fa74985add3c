/**
 * Per-seed progress of a multi-seed sweep across workers: one small bar per seed with its
 * status and generations, under the run's overall progress. Renders nothing for a run in one worker.
 */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useImpStore } from '../../state/imp-store';
import './sweep.css';

export const SeedPoolProgress = memo(function SeedPoolProgress() {
  const { workers, seedRuns } = useImpStore(useShallow((s) => ({ workers: s.workers, seedRuns: s.seedRuns })));
  const seeds = Object.keys(seedRuns)
    .map(Number)
    .sort((a, b) => a - b);
  if (workers < 2 || !seeds.length) return null;
  return (
    <div className="seed-pool small" data-testid="seed-pool" aria-label={`Seeds across ${workers} workers`}>
      <p className="muted">
        {seeds.length} seeds across {workers} workers (each seed its own stored run):
      </p>
      <ul className="seed-pool-list">
        {seeds.map((seed) => {
          const r = seedRuns[seed];
          const done = Math.min(r.totalGens, r.finishedGens + r.currentGen);
          const pct = r.totalGens ? (100 * done) / r.totalGens : r.status === 'done' ? 100 : 0;
          return (
            <li key={seed} data-seed={seed} data-status={r.status}>
              <span>seed {seed}</span>
              <span
                className="progress-bar"
                role="progressbar"
                aria-label={`seed ${seed} progress`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(pct)}
              >
                <span className="progress-fill" style={{ width: `${pct.toFixed(1)}%` }} />
              </span>
              <span>
                {r.status}
                {r.totalGens ? ` · ${done.toLocaleString()} / ${r.totalGens.toLocaleString()} gens` : ''}
                {r.error ? ` — ${r.error}` : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
});
