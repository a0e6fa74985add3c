/**
 * One-sentence results computed from a run's round records (docs/ALGORITHMS.md §10): the dense network
 * trained by ES (round 1), the ticket against random re-initialisation (R1), signal-to-noise against
 * magnitude pruning (R3), the decomposition of the ticket effect into mask, layer ratios and starting
 * weights (§3.7), and the result of any finished run. Every number in a sentence is read from the records.
 */
import type { RoundRecord } from '../experiments/events';
import type { ExperimentConfig } from '../runs/config';
import { getStrategy } from '../es/registry';
import { ADDITIVE_PARTS, decomposeAt } from '../analysis/decomposition';
import {
  chainsOf,
  deepestComparable,
  direction,
  meanOf,
  metricOf,
  pairedDiffs,
  tiedSplitText,
  type ChainsAtRound,
  type Direction,
} from './run-curves';
import { missing, sentence, verdictOf, type Sentence } from './sentence';
import { chainWords, countText, gapText, measuredText, perfText, remainingText, seedsText, type Metric } from './words';

/** A run as the sentences read it. */
export interface RunData {
  readonly records: readonly RoundRecord[];
  readonly config: Pick<ExperimentConfig, 'task' | 'es' | 'budget'> & Partial<Pick<ExperimentConfig, 'trainer'>>;
}

const hasChains = (run: RunData, chains: readonly string[]): string | null => {
  const present = chainsOf(run.records);
  const absent = chains.filter((c) => !present.includes(c));
  return absent.length ? `this run does not include ${absent.map(chainWords).join(' or ')}` : null;
};

/** Round 1 (dense, shared by every chain): test performance after the first and the last generation. */
export function denseTrainingSentence(run: RunData): Sentence {
  const metric = metricOf(run.config);
  const bySeed = new Map<number, RoundRecord>();
  for (const r of run.records) if (r.roundNum === 1 && !bySeed.has(r.seed)) bySeed.set(r.seed, r);
  const rounds = [...bySeed.values()].filter((r) => r.evals.length > 0 && Number.isFinite(r.finalPerf));
  if (!rounds.length) return missing('the dense round (round 1) has not finished yet');
  const first = meanOf(rounds.map((r) => r.evals[0].perf));
  const last = meanOf(rounds.map((r) => r.finalPerf));
  const firstGen = rounds[0].evals[0].gen;
  const es = getStrategy(run.config.es.id).label;
  const measure = metric === 'accuracy' ? 'test accuracy' : 'test return';
  return sentence(
    `In round 1, ${es} trained all ${countText(rounds[0].esDim)} weights of the dense network from ` +
      `${perfText(first, metric)} ${measure} after generation ${firstGen} to ${perfText(last, metric)} after ` +
      `${rounds[0].generations} generations of ${run.config.es.popSize} trial networks each, without computing a ` +
      `gradient (${rounds.length > 1 ? `mean of ${seedsText(rounds.length)}` : seedsText(1)}).`,
    null,
    { first, last, weights: rounds[0].esDim, generations: rounds[0].generations, seeds: rounds.length },
  );
}

const seedNote = (at: ChainsAtRound) =>
  at.seeds.length > 1 ? `mean of ${seedsText(at.seeds.length)}` : `${seedsText(1)}, seed ${at.seeds[0]}`;

/** R1: the ticket against a baseline (default: random mask + new weights) at the sparsest comparable round. */
export function ticketSentence(run: RunData, ticket = 'magnitude', baseline = 'random_reinit'): Sentence {
  const absent = hasChains(run, [ticket, baseline]);
  if (absent) return missing(absent);
  const at = deepestComparable(run.records, [ticket, baseline]);
  if (!at || at.roundNum < 2) return missing('no pruned round has finished for both chains yet');
  const metric = metricOf(run.config);
  const diffs = pairedDiffs(at, ticket, baseline);
  const dir = direction(diffs);
  const a = at.mean[ticket],
    b = at.mean[baseline];
  const rem = remainingText(at.remainingPct);
  const head = `At ${rem} of the weights, ${chainWords(ticket)} `;
  const reaches = `${head}reaches ${measuredText(a, metric)}`;
  const still = `${head}still reaches ${measuredText(a, metric)} while ${chainWords(baseline)} reaches`;
  const below = `${reaches}, below ${chainWords(baseline)} at ${perfText(b, metric)}`;
  const words: Readonly<Record<Direction, string>> = {
    above: `${still} only ${perfText(b, metric)}`,
    aboveWithTies: `${still} ${perfText(b, metric)}: ${tiedSplitText(diffs, 'ahead')}`,
    below,
    belowWithTies: `${below}: ${tiedSplitText(diffs, 'behind')}`,
    equal: `${reaches}, exactly as much as ${chainWords(baseline)}`,
    mixed: `${reaches} and ${chainWords(baseline)} ${perfText(b, metric)}: no clear winner, the seeds disagree`,
  };
  const text = words[dir];
  return sentence(`${text} (${seedNote(at)}).`, verdictOf(dir), {
    remainingPct: at.remainingPct,
    ticket: a,
    baseline: b,
    seeds: at.seeds.length,
    round: at.roundNum,
  });
}

/** R3: signal-to-noise pruning against magnitude pruning at the sparsest comparable round. */
export function snrSentence(run: RunData): Sentence {
  const absent = hasChains(run, ['snr', 'magnitude']);
  if (absent) return missing(absent);
  const at = deepestComparable(run.records, ['snr', 'magnitude']);
  if (!at || at.roundNum < 2) return missing('no pruned round has finished for both tickets yet');
  const metric = metricOf(run.config);
  const diffs = pairedDiffs(at, 'snr', 'magnitude');
  const dir = direction(diffs);
  const gap = gapText(Math.abs(meanOf(diffs)), metric);
  const s = measuredText(at.mean.snr, metric),
    m = perfText(at.mean.magnitude, metric);
  const rem = remainingText(at.remainingPct);
  const both = `At ${rem} of the weights the signal-to-noise ticket reaches ${s} and the magnitude ticket ${m}`;
  // "on every seed" only where every seed is strictly ahead (or behind): ties are said as ties
  const every = at.seeds.length > 1 ? ' on every seed' : '';
  const words: Readonly<Record<Direction, string>> = {
    above: `${both}: ahead by ${gap}${every}`,
    aboveWithTies: `${both}: ahead by ${gap} on average and never behind: ${tiedSplitText(diffs, 'ahead')}`,
    below: `${both}: behind by ${gap}${every}`,
    belowWithTies: `${both}: behind by ${gap} on average and never ahead: ${tiedSplitText(diffs, 'behind')}`,
    equal: `At ${rem} of the weights the signal-to-noise ticket and the magnitude ticket both reach ${s} on every seed`,
    mixed: `${both}: on par, the seeds disagree which is ahead`,
  };
  const text = words[dir];
  return sentence(`${text} (${seedNote(at)}).`, verdictOf(dir), {
    remainingPct: at.remainingPct,
    snr: at.mean.snr,
    magnitude: at.mean.magnitude,
    seeds: at.seeds.length,
  });
}

/** The chains of the additive decomposition (docs/ALGORITHMS.md §3.7), from the ticket down to random/reinit. */
export const DECOMPOSITION_CHAINS = ['magnitude', 'permute_weights', 'permute_mask_weights', 'random_reinit'] as const;

/**
 * §3.7 effect decomposition (core/analysis/decomposition.ts) at the sparsest round all four chains reached,
 * on the seeds that have all four: total = ticket − random/reinit = the starting weights + where the mask
 * keeps weights + how many each layer keeps. The parts sum to the total.
 */
export function decompositionSentence(run: RunData): Sentence {
  const absent = hasChains(run, DECOMPOSITION_CHAINS);
  if (absent) return missing(absent);
  const at = deepestComparable(run.records, DECOMPOSITION_CHAINS);
  if (!at || at.roundNum < 2) return missing('no pruned round has finished for all four chains yet');
  const metric = metricOf(run.config);
  const rows = run.records
    .filter((r) => r.roundNum === at.roundNum && at.seeds.includes(r.seed) && Number.isFinite(r.finalPerf))
    .map((r) => ({
      seed: r.seed,
      method: r.method,
      roundNum: r.roundNum,
      sparsityFrac: r.sparsityFrac,
      perf: r.finalPerf,
    }));
  const byId = new Map(decomposeAt(rows, at.roundNum).map((c) => [c.id, c.mean]));
  const parts = { weights: byId.get('weights')!, mask: byId.get('mask')!, layers: byId.get('layers')! };
  const total = byId.get('total')!;
  const largest = ADDITIVE_PARTS.reduce((a, b) => (parts[b] > parts[a] ? b : a));
  const what = {
    weights: 'the starting weights',
    mask: 'where the mask keeps weights',
    layers: 'how many each layer keeps',
  };
  return sentence(
    `At ${remainingText(at.remainingPct)} of the weights the ticket is ${gapText(total, metric)} above a random mask ` +
      `with new random weights: ${gapText(parts.mask, metric)} come from where the mask keeps weights, ` +
      `${gapText(parts.layers, metric)} from how many each layer keeps and ${gapText(parts.weights, metric)} from the ` +
      `starting weights, so the largest share is ${what[largest]} (${seedNote(at)}).`,
    null,
    { remainingPct: at.remainingPct, total, ...parts, seeds: at.seeds.length },
  );
}

/** Tickets and baselines of a run's chains: criterion chains (magnitude, snr, GD's) and the rest. */
function splitChains(chains: readonly string[]): { tickets: string[]; baselines: string[] } {
  const plain = (c: string) => (c.startsWith('gd_') ? c.slice(3) : c);
  const tickets = chains.filter((c) => ['magnitude', 'snr'].includes(plain(c)));
  return { tickets, baselines: chains.filter((c) => !tickets.includes(c)) };
}

const listText = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/**
 * The result of any finished run, in words: every chain at the sparsest round all of them reached (on the
 * seeds that reached it), tickets first; a dense-only run says what round 1 reached.
 */
export function runResultSentence(run: RunData): Sentence {
  const chains = chainsOf(run.records);
  if (!chains.length) return missing('no round has finished yet');
  const metric: Metric = metricOf(run.config);
  const { tickets, baselines } = splitChains(chains);
  let ordered = [...tickets, ...baselines];
  let at = deepestComparable(run.records, ordered);
  if (!at) {
    // chains that never finished on a common seed: say what the first one reached
    ordered = [chains[0]];
    at = deepestComparable(run.records, ordered);
  }
  if (!at) return missing('no round has finished on every chain yet');
  if (at.roundNum === 1) {
    const dense = denseTrainingSentence(run);
    if (dense.ok) return dense;
  }
  const parts = ordered.map((c) => `${chainWords(c)} ${perfText(at.mean[c], metric)}`);
  const measure = metric === 'accuracy' ? 'test accuracy' : 'test return';
  const values: Record<string, number> = { remainingPct: at.remainingPct, round: at.roundNum, seeds: at.seeds.length };
  for (const c of ordered) values[c] = at.mean[c];
  return sentence(
    `At ${remainingText(at.remainingPct)} of the weights (round ${at.roundNum}), ${measure}: ${listText(parts)} ` +
      `(${seedNote(at)}).`,
    null,
    values,
  );
}
