/**
 * The round table of one chain of the shown run:
 * every finished round with its weights remaining and final test performance, and a "Use this ticket
 * for…" button that opens the transfer setup for that round's mask M_k and the chain's θ0 (docs/ALGORITHMS.md §5).
 */
import { useState } from 'react';
import type { RoundRecord } from '../../core/experiments/events';
import { distinct } from '../masks/mask-images';
import { methodName } from '../../core/names';
import { OptionSelect } from '../settings/OptionSelect';

export interface TicketTableProps {
  readonly records: readonly RoundRecord[];
  readonly vision: boolean;
  /** The round currently chosen (highlighted), if any. */
  readonly chosen: { seed: number; method: string; roundNum: number } | null;
  readonly onUse: (rec: RoundRecord) => void;
  readonly disabled?: boolean;
}

export function TicketTable({ records, vision, chosen, onUse, disabled }: TicketTableProps) {
  const methods = distinct(records, 'method'),
    seeds = distinct(records, 'seed');
  const [m, setM] = useState<string>(),
    [sd, setSd] = useState<number>();
  const method =
    m !== undefined && methods.includes(m) ? m : (chosen?.method ?? (methods.includes('snr') ? 'snr' : methods[0]));
  const seed = sd !== undefined && seeds.includes(sd) ? sd : (chosen?.seed ?? seeds[0]);
  const chain = records.filter((r) => r.method === method && r.seed === seed).sort((a, b) => a.roundNum - b.roundNum);
  const perf = (v: number) => (vision ? `${(100 * v).toFixed(1)} %` : v.toFixed(1));
  return (
    <section className="ticket-table" aria-labelledby="ticket-table-h">
      <h3 id="ticket-table-h">Finished rounds</h3>
      <div className="view-controls" role="group" aria-label="Chain">
        <OptionSelect label="Pruning method" value={method} options={methods} onChange={setM} format={methodName} />
        <OptionSelect label="Seed" value={seed} options={seeds} onChange={setSd} />
      </div>
      {/* no inner scroll box: on a phone the rounds scroll with the page */}
      <div className="table-wide">
        <table className="data-table">
          <caption className="sr-only">
            Rounds of {methodName(method)}, seed {seed}
          </caption>
          <thead>
            <tr>
              <th scope="col">round</th>
              <th scope="col">weights remaining</th>
              <th scope="col">final test {vision ? 'accuracy' : 'return'}</th>
              <th scope="col">
                <span className="sr-only">action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {chain.map((r) => {
              const isChosen = chosen?.method === r.method && chosen.seed === r.seed && chosen.roundNum === r.roundNum;
              return (
                <tr key={r.roundNum} className={isChosen ? 'chosen' : undefined} aria-current={isChosen || undefined}>
                  <th scope="row">{r.roundNum}</th>
                  <td>{(100 * (1 - r.sparsityFrac)).toFixed(1)} %</td>
                  <td>{perf(r.finalPerf)}</td>
                  <td>
                    {/* The accessible name starts with the visible words (WCAG 2.5.3), then says which ticket. */}
                    <button type="button" className="link-button" disabled={disabled} onClick={() => onUse(r)}>
                      {isChosen ? 'Chosen ✓' : 'Use this ticket for…'}
                      <span className="sr-only">
                        {' '}
                        (round {r.roundNum}, {methodName(r.method)}, seed {r.seed})
                      </span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
