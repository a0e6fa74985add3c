/**
 * Chart data of the tour's connectivity and flatness view (paper Fig. 6; docs/ALGORITHMS.md §6–§7) from a
 * tour analysis file: error barriers against weights remaining, one curve per kind of pair, and the
 * sharpness of the minima against weights remaining, one curve per chain; every point a mean over seeds
 * or seed pairs. Also the transfer table (Fig. 4–5; §5), one row per transfer at its sparsest round.
 */
import type { LmcRow, SharpnessRow, TourAnalysis } from './analysis-file';
import { transferSummaries } from './transfer-sentence';
import { meanOf } from './run-curves';
import { methodName } from '../names';
import { chainWords } from './words';

export interface Curve {
  readonly key: string;
  /** Student-facing name. */
  readonly name: string;
  /** [weights remaining %, value] in descending remaining order. */
  readonly points: readonly (readonly [number, number])[];
}

function meanByRemaining<T>(rows: readonly T[], x: (r: T) => number, y: (r: T) => number): [number, number][] {
  const groups = new Map<number, number[]>();
  for (const r of rows) groups.set(x(r), [...(groups.get(x(r)) ?? []), y(r)]);
  return [...groups.entries()].sort((a, b) => b[0] - a[0]).map(([k, vs]) => [k, meanOf(vs)]);
}

const isGd = (chain: string) => chain.startsWith('gd_');

/**
 * Which barrier reading the file's curves show: 'excess' (over the straight line between the endpoints'
 * errors, docs/ALGORITHMS.md §6) when every row carries it, else 'endpoint'. Charts name the one they show.
 */
export function barrierReading(a: TourAnalysis): 'excess' | 'endpoint' {
  const rows = a.lmc ?? [];
  return rows.length > 0 && rows.every((r) => r.excessBarrier !== undefined) ? 'excess' : 'endpoint';
}

/** The ES chain a section describes: `preferred` when the rows have it, else their first ES chain. */
export function esChainOf(chains: readonly string[], preferred: string): string | null {
  const es = chains.filter((c) => !isGd(c));
  return es.includes(preferred) ? preferred : (es[0] ?? null);
}

/**
 * The one ES chain whose barriers the minima step shows, in its sentence and in its chart alike: averaging
 * the magnitude and signal-to-noise chains in the chart while the sentence reads one of them made the two
 * disagree (2.7 % against 3.5 % for the first consecutive rounds of the shipped file).
 */
export const barrierEsChain = (a: TourAnalysis, preferred = 'magnitude'): string | null =>
  esChainOf(
    (a.lmc ?? []).map((r) => r.chain),
    preferred,
  );

/** Short legend words of a chain ("magnitude ticket"). */
const shortChain = (chain: string) => chainWords(chain).replace(/^the /, '');

/**
 * Barrier curves: independent ES runs, ES vs GD from the same start, consecutive rounds (ES, then GD). The
 * ES curves read `barrierEsChain` only, and their names say which ticket that is.
 */
export function barrierCurves(a: TourAnalysis): Curve[] {
  const rows = a.lmc ?? [];
  const excess = barrierReading(a) === 'excess';
  const es = barrierEsChain(a);
  const which = es ? ` (${shortChain(es)})` : '';
  const consecutive = (r: LmcRow) => r.pair === 'rounds' && r.roundB === r.roundA + 1;
  const defs: { key: string; name: string; keep: (r: LmcRow) => boolean }[] = [
    { key: 'seeds', name: `two ES runs, different starts${which}`, keep: (r) => r.pair === 'seeds' && r.chain === es },
    {
      key: 'es-gd',
      name: `ES vs gradient descent, same start${which}`,
      keep: (r) => r.pair === 'es-gd' && r.chain === es,
    },
    { key: 'rounds-es', name: `consecutive rounds, ES${which}`, keep: (r) => consecutive(r) && r.chain === es },
    { key: 'rounds-gd', name: 'consecutive rounds, gradient descent', keep: (r) => consecutive(r) && isGd(r.chain) },
  ];
  return defs
    .map((d) => ({
      key: d.key,
      name: d.name,
      points: meanByRemaining(
        rows.filter(d.keep),
        (r) => r.remainingPctA,
        (r) => (excess ? r.excessBarrier! : r.barrier),
      ),
    }))
    .filter((c) => c.points.length > 0);
}

/**
 * Sharpness curves, one per chain (ES chains first), named for the legend. A GD chain's name starts "GD · ",
 * so the ES chain's gets "ES · ": without it a student must guess which of the two curves is ES.
 */
export function sharpnessCurves(a: TourAnalysis): Curve[] {
  const rows = a.sharpness ?? [];
  const chains = [...new Set(rows.map((r) => r.chain))].sort((x, y) => Number(isGd(x)) - Number(isGd(y)));
  return chains.map((chain) => ({
    key: chain,
    name: isGd(chain) ? methodName(chain) : `ES · ${methodName(chain)}`,
    points: meanByRemaining(
      rows.filter((r: SharpnessRow) => r.chain === chain),
      (r) => r.remainingPct,
      (r) => r.a,
    ),
  }));
}

export interface TransferTableRow {
  readonly label: string;
  readonly remainingPct: number;
  readonly ticket: number;
  readonly baseline: number;
  readonly native: number | null;
  readonly seeds: number;
}

/** Per transfer at its sparsest round: mean over seeds of the ticket, the random mask and the target's own ticket. */
export function transferTable(a: TourAnalysis): TransferTableRow[] {
  const rows = a.transfer ?? [];
  return transferSummaries(rows).map((s) => {
    const at = rows.filter((r) => r.label === s.label && r.roundNum === s.roundNum);
    const natives = at.filter((r) => r.native !== undefined).map((r) => r.native!);
    return {
      label: s.label,
      remainingPct: s.remainingPct,
      ticket: meanOf(at.map((r) => r.ticket)),
      baseline: meanOf(at.map((r) => r.baseline)),
      native: natives.length === at.length ? meanOf(natives) : null,
      seeds: at.length,
    };
  });
}
