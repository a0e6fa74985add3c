/**
 * How a population is split between W evaluation threads (population-parallel evaluation; a speed-up,
 * not a paper algorithm). The unit of work is a member, or a ± pair for antithetic layouts
 * (docs/ALGORITHMS.md §1.2): a pair never straddles two threads. Each thread evaluates a sub-population
 * in the strategy's own layout, so its network sees pairs exactly where it would in the whole population.
 *
 * Why pair 0 travels with every slice: the host MLP forward of an antithetic population computes the
 * first layer once for the centre, which it takes as pair 0's midpoint (nets/host-mlp.ts). For the
 * members of a slice to get the very same float values as in the whole population, every slice starts
 * with pair 0 (its scores dropped where another thread owns them). The host MLP forward computes only
 * the centre from such a repeated pair (`centreOnlyPairs`), other networks evaluate it again; the even
 * split counts it as work, and the balancer (balance.ts) then moves pairs to where time is spare.
 */
import type { PopulationLayout } from '../../nets/types';

export interface PopulationSlice {
  /** Members (indices into the whole population) of the sub-population, in its row order. */
  readonly members: Int32Array;
  /** Whether the score of row i of the sub-population belongs to this slice (false: pair 0 repeated). */
  readonly owned: Uint8Array;
}

/** Work units of a population: pairs for antithetic layouts, members otherwise. */
export function unitCount(popSize: number, layout: PopulationLayout): number {
  return layout === 'none' ? popSize : popSize / 2;
}

/** The number of threads a split can use: at most one per unit of work (and at least 1). */
export function usableThreads(requested: number, popSize: number, layout: PopulationLayout): number {
  return Math.max(1, Math.min(Math.floor(requested), unitCount(popSize, layout)));
}

/**
 * Unit ranges [start, end) per thread, balancing what each thread evaluates: threads other than the
 * first also evaluate `extra` units (pair 0 again under antithetic layouts). Where the work does not
 * divide evenly the first threads get the extra unit. With `lead` the first thread (the ES thread) gets
 * that many units and the others share the rest: the split evaluator starts from the even split and
 * moves units while the round runs (balance.ts), since that thread also builds the [P, d] block.
 */
function unitRanges(units: number, threads: number, extra: number, lead?: number): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  if (lead !== undefined && threads > 1) {
    // The first thread's share is given; the others split the rest as evenly as they can.
    const first = Math.max(1, Math.min(units - (threads - 1), Math.round(lead)));
    const rest = units - first,
      others = threads - 1;
    ranges.push([0, first]);
    for (let i = 0, at = first; i < others; i++) {
      const end = first + Math.ceil((rest * (i + 1)) / others);
      ranges.push([at, end]);
      at = end;
    }
    return ranges;
  }
  const total = units + extra * (threads - 1);
  for (let t = 0; t < threads; t++) {
    const share = Math.ceil((total * (t + 1)) / threads) - Math.ceil((total * t) / threads);
    const own = Math.max(1, t === 0 ? share : share - extra);
    const end = t === threads - 1 ? units : Math.min(units - (threads - 1 - t), start + own);
    ranges.push([start, end]);
    start = end;
  }
  return ranges;
}

/**
 * Splits a population of `popSize` members in `layout` into `threads` slices (see usableThreads). With
 * `leadUnits` the first slice (the ES thread's) has that many units and the others share the rest evenly;
 * without it every thread evaluates about the same number.
 */
export function splitPopulation(
  popSize: number,
  layout: PopulationLayout,
  threads: number,
  leadUnits?: number,
): PopulationSlice[] {
  const w = usableThreads(threads, popSize, layout);
  const half = popSize / 2;
  const ranges = unitRanges(unitCount(popSize, layout), w, layout === 'none' ? 0 : 1, leadUnits);
  return ranges.map(([start, end], t) => {
    if (layout === 'none') {
      const members = Int32Array.from({ length: end - start }, (_, i) => start + i);
      return { members, owned: new Uint8Array(members.length).fill(1) };
    }
    const pairs = t === 0 ? range(start, end) : [0, ...range(start, end)];
    const ownedPair = pairs.map((_, i) => (t > 0 && i === 0 ? 0 : 1));
    const members: number[] = [];
    const owned: number[] = [];
    if (layout === 'interleaved') {
      pairs.forEach((k, i) => {
        members.push(2 * k, 2 * k + 1);
        owned.push(ownedPair[i], ownedPair[i]);
      });
    } else {
      members.push(...pairs, ...pairs.map((k) => k + half));
      owned.push(...ownedPair, ...ownedPair);
    }
    return { members: Int32Array.from(members), owned: Uint8Array.from(owned) };
  });
}

/**
 * Leading pairs of `slice` that only supply the population's centre (pair 0 repeated in a slice that does
 * not own it): 0 or 1. The host MLP forward skips their outputs (nets/types.ts `centreOnlyPairs`).
 */
export function centreOnlyPairs(slice: PopulationSlice, layout: PopulationLayout): number {
  return layout === 'none' || slice.owned.length === 0 || slice.owned[0] ? 0 : 1;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}
