/**
 * How far a run got, counted in rounds. A run trains one chain of rounds per seed and pruning method
 * (docs/ALGORITHMS.md, the IMP loop), so it has reached round r when every chain has finished round r: the
 * minimum over chains of each chain's highest finished round. The one definition behind both counts of it —
 * the summary stored next to a run, updated round by round (storage/run-summary.ts), and the run panel's
 * count over the rounds it shows (state/stored-progress.ts) — so the Runs list and the run panel agree.
 */

/** One chain of a run: a seed and the method id its round records carry (config.ts recordMethodIds). */
export interface ChainKey {
  readonly seed: number;
  readonly method: string;
}

/** The chains of a run: every seed × method, seed-major (the order of the stored summary). */
export function chainKeys(seeds: readonly number[], methods: readonly string[]): ChainKey[] {
  return seeds.flatMap((seed) => methods.map((method) => ({ seed, method })));
}

/** Each chain's highest finished round (1-based) among `records`; 0 for a chain with none. */
export function chainRoundNums(
  chains: readonly ChainKey[],
  records: readonly (ChainKey & { readonly roundNum: number })[],
): number[] {
  const key = (c: ChainKey) => `${c.seed}\u0000${c.method}`;
  const highest = new Map<string, number>();
  for (const r of records) highest.set(key(r), Math.max(highest.get(key(r)) ?? 0, r.roundNum));
  return chains.map((c) => highest.get(key(c)) ?? 0);
}

/** The last round every chain finished, from each chain's highest finished round; 0 with no chains. */
export function roundsEveryChainDone(chainRounds: readonly number[]): number {
  return chainRounds.length === 0 ? 0 : Math.min(...chainRounds);
}
