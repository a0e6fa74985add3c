/** "Benchmark backends": evaluations/s of the chosen network on each available backend, as a table. */
import { memo } from 'react';
import { selectValidation, useExperimentStore } from '../../state/experiment-store';
import { selectImpActive, useImpStore } from '../../state/imp-store';
import { benchmarkBackends } from '../run/imp-client';

export const BenchmarkTable = memo(function BenchmarkTable() {
  const bench = useImpStore((s) => s.bench);
  const active = useImpStore(selectImpActive);
  const canRun = useExperimentStore((s) => selectValidation(s).config !== null);
  return (
    <details className="bench">
      <summary>Benchmark backends</summary>
      <p className="muted small">
        Times the current network and task (one population per generation) on every backend that passes the self-check.
      </p>
      <button
        type="button"
        disabled={active || !canRun || bench.status === 'running'}
        onClick={() => void benchmarkBackends()}
      >
        {bench.status === 'running' ? 'Measuring…' : 'Run benchmark'}
      </button>
      {bench.error && (
        <p className="field-error" role="alert">
          {bench.error}
        </p>
      )}
      {bench.rows.length > 0 && (
        <div className="table-scroll">
          <table data-testid="bench-table">
            <thead>
              <tr>
                <th scope="col">Backend</th>
                <th scope="col">Evaluations/s</th>
                <th scope="col">ms / generation</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {bench.rows.map((r) => (
                <tr key={r.backend}>
                  <td>{r.backend}</td>
                  <td>{r.ok ? Math.round(r.evalsPerSec).toLocaleString() : '—'}</td>
                  <td>{r.ok ? r.msPerGeneration.toFixed(1) : '—'}</td>
                  <td>{r.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
});
