/**
 * Which round records an analysis reads: the one selection rule shared by the CLI (`--method`,
 * `--method-b`, `--seeds`, `--rounds`, `--runs A,B`) and the analysis panel (its chain, seed and round
 * pickers). It works on a run's index — the (seed, chain, round) triples a run folder's rounds.csv or a
 * stored run's records list — so the CLI can load only what is selected.
 *
 * Chains: GD-IMP runs name their chains `gd_<method>`, so a preferred or requested `magnitude` finds
 * `gd_magnitude` in a GD run (and the reverse), which lets one command line work on ES and GD folders.
 * Comparing two runs pairs the same seed and round of one chain in each: the chain asked for, or the
 * first default chain whose counterpart the second run has; with neither, the comparison is refused.
 */
import type { SelectSpec } from './types';

export interface RoundKey {
  readonly seed: number;
  readonly method: string;
  readonly roundNum: number;
}

/** What the user asked for; anything left out takes the default. */
export interface Selection {
  /** Chain ids (default: the analysis's preferred chains present in the run). */
  readonly chains?: readonly string[];
  /** Seeds (default: every seed, or every seed both runs share). */
  readonly seeds?: readonly number[];
  /** 1-based rounds (default: every round the chain holds, or both chains hold). */
  readonly rounds?: readonly number[];
  /** Chain of the second run (default: the first chain's GD or ES counterpart). */
  readonly chainB?: string;
}

export interface ResolvedSelection {
  readonly chains: readonly string[];
  readonly seeds: readonly number[];
  /** Records to read from the first run. */
  readonly keys: readonly RoundKey[];
  /** Second run (comparisons only): its chain and the records to read (same seed and round as `keys`). */
  readonly chainB?: string;
  readonly keysB?: readonly RoundKey[];
}

/** A selection that does not fit the run; the message names the field. */
export class SelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectionError';
  }
}

/** How the refusal starts when neither run names a chain and no default chain is in both (the CLI names its flags). */
export const NO_DEFAULT_PAIR = 'no default chain of the first run has a counterpart in the second run';

/** Distinct chain ids of an index, in first-seen order. */
export function chainsOf(index: readonly RoundKey[]): string[] {
  return [...new Set(index.map((k) => k.method))];
}

/** Distinct seeds of an index, ascending. */
export function seedsOf(index: readonly RoundKey[]): number[] {
  return [...new Set(index.map((k) => k.seed))].sort((a, b) => a - b);
}

const stripGd = (id: string) => (id.startsWith('gd_') ? id.slice(3) : id);

/** `wanted` as it is named in `have`: itself, else its GD (`gd_<id>`) or ES (`<id>`) counterpart. */
export function matchChain(have: readonly string[], wanted: string): string | undefined {
  if (have.includes(wanted)) return wanted;
  const other = wanted.startsWith('gd_') ? stripGd(wanted) : `gd_${wanted}`;
  return have.includes(other) ? other : undefined;
}

/** The counterpart of chain `a` in another run, preferring the other trainer's chain (ES ↔ GD). */
function counterpart(have: readonly string[], a: string): string | undefined {
  const other = a.startsWith('gd_') ? stripGd(a) : `gd_${a}`;
  return have.includes(other) ? other : have.includes(a) ? a : undefined;
}

function roundsOfChain(index: readonly RoundKey[], seed: number, method: string): number[] {
  return index
    .filter((k) => k.seed === seed && k.method === method)
    .map((k) => k.roundNum)
    .sort((a, b) => a - b);
}

function chosenChains(spec: SelectSpec, index: readonly RoundKey[], given: readonly string[] | undefined): string[] {
  const have = chainsOf(index);
  if (!have.length) throw new SelectionError('the run has no finished rounds');
  if (given?.length) {
    const out = given.map((g) => {
      const m = matchChain(have, g);
      if (!m) throw new SelectionError(`chain "${g}" is not a chain of this run (chains: ${have.join(', ')})`);
      return m;
    });
    if (spec.chains === 'one' && out.length > 1)
      throw new SelectionError(`this analysis takes one chain (got ${out.join(', ')})`);
    return [...new Set(out)];
  }
  const preferred = spec.prefer.map((p) => matchChain(have, p)).filter((m): m is string => m !== undefined);
  const list = preferred.length ? preferred : spec.prefer.length ? [have[0]] : have;
  return spec.chains === 'one' ? list.slice(0, 1) : list;
}

function chosenSeeds(available: readonly number[], given: readonly number[] | undefined, what: string): number[] {
  if (!given?.length) return [...available];
  for (const s of given)
    if (!available.includes(s)) throw new SelectionError(`seed ${s} is not in ${what} (seeds: ${available.join(',')})`);
  return [...given];
}

function chosenRounds(have: readonly number[], given: readonly number[] | undefined, what: string): number[] {
  if (!given?.length) return [...have];
  for (const k of given) {
    if (!Number.isInteger(k) || k < 1) throw new SelectionError(`rounds are 1-based round numbers (got ${k})`);
    if (!have.includes(k))
      throw new SelectionError(`round ${k} of ${what} is not in the run (rounds: ${have.join(',') || 'none'})`);
  }
  return [...given];
}

/**
 * Resolves a selection against a run's index (and a second run's, to compare): the chains, seeds and the
 * exact records to read. Throws a SelectionError naming the field when something asked for is missing.
 */
export function resolveSelection(
  spec: SelectSpec,
  index: readonly RoundKey[],
  sel: Selection = {},
  indexB?: readonly RoundKey[],
): ResolvedSelection {
  if (!indexB) {
    const chains = chosenChains(spec, index, sel.chains);
    const seeds = chosenSeeds(seedsOf(index), sel.seeds, 'this run');
    const keys: RoundKey[] = [];
    for (const method of chains)
      for (const seed of seeds)
        for (const roundNum of chosenRounds(roundsOfChain(index, seed, method), sel.rounds, `seed ${seed} ${method}`))
          keys.push({ seed, method, roundNum });
    return { chains, seeds, keys };
  }
  if (!spec.compare) throw new SelectionError('this analysis does not compare two runs');
  const haveB = chainsOf(indexB);
  // Without a chain given, the first of the first run's default chains that the second run also has (e.g.
  // magnitude, not snr, vs GD). Never any other chain: a comparison of chains nobody asked for (a random
  // baseline, say) would read like the default one, so with no default chain in both runs it is refused.
  const defaults = chosenChains({ ...spec, chains: 'many' }, index, undefined);
  const candidates = sel.chains?.length ? chosenChains({ ...spec, chains: 'one' }, index, sel.chains) : defaults;
  const a = (!sel.chains?.length && !sel.chainB && candidates.find((c) => counterpart(haveB, c))) || candidates[0];
  const chainB = sel.chainB ? matchChain(haveB, sel.chainB) : counterpart(haveB, a);
  if (!chainB)
    throw new SelectionError(
      sel.chainB
        ? `"${sel.chainB}" is not a chain of the second run (chains: ${haveB.join(', ')})`
        : sel.chains?.length
          ? `no counterpart of ${a} is a chain of the second run (chains: ${haveB.join(', ')})`
          : `${NO_DEFAULT_PAIR} (default ${defaults.join(', ')}; the first run's chains: ${chainsOf(index).join(', ')}; ` +
            `the second run's: ${haveB.join(', ')}); choose a chain of each run`,
    );
  const shared = seedsOf(index).filter((s) => seedsOf(indexB).includes(s));
  if (!shared.length)
    throw new SelectionError(
      `the two runs share no seed (first: ${seedsOf(index).join(',')}, second: ${seedsOf(indexB).join(',')})`,
    );
  const seeds = chosenSeeds(shared, sel.seeds, 'both runs');
  const keys: RoundKey[] = [],
    keysB: RoundKey[] = [];
  for (const seed of seeds) {
    const inB = roundsOfChain(indexB, seed, chainB);
    const both = roundsOfChain(index, seed, a).filter((k) => inB.includes(k));
    for (const roundNum of chosenRounds(both, sel.rounds, `seed ${seed} in both runs (${a} / ${chainB})`)) {
      keys.push({ seed, method: a, roundNum });
      keysB.push({ seed, method: chainB, roundNum });
    }
  }
  return { chains: [a], seeds, keys, chainB, keysB };
}

/** The records of `keys`, in the keys' order. */
export function pickRecords<T extends RoundKey>(records: readonly T[], keys: readonly RoundKey[]): T[] {
  const byKey = new Map(records.map((r) => [`${r.seed}/${r.method}/${r.roundNum}`, r]));
  return keys.map((k) => {
    const r = byKey.get(`${k.seed}/${k.method}/${k.roundNum}`);
    if (!r) throw new SelectionError(`round ${k.roundNum} of seed ${k.seed} ${k.method} is not available`);
    return r;
  });
}

/**
 * A list of integers as typed in a flag or a text field: "1,4,8", a range "0-2", or both mixed
 * ("1-3,8"). Empty text is the empty list (= the default). Throws a SelectionError naming `what`.
 */
export function parseIntList(text: string, what: string): number[] {
  const out: number[] = [];
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      if (b < a || b - a > 999) throw new SelectionError(`${what}: range "${part}" must be ascending and short`);
      for (let k = a; k <= b; k++) out.push(k);
    } else if (/^\d+$/.test(part)) out.push(Number(part));
    else throw new SelectionError(`${what}: "${part}" is not a whole number (use e.g. "1,4,8" or "1-5")`);
  }
  return [...new Set(out)];
}
