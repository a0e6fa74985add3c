/**
 * Linear mode connectivity as a registered analysis (paper §5, Fig. 6 top; docs/ALGORITHMS.md §6;
 * Frankle et al. 2020). Pairs, one K×K matrix per group:
 *   - rounds: every pair of rounds of one chain and seed (within-chain LMC; works for ES chains, GD-IMP's
 *     gd_* chains and ARS, since nothing here needs σ);
 *   - seeds: the same round of different seeds. Different seeds start from different θ0, so a barrier is
 *     expected for ANY optimiser: these pairs say nothing about ES in particular, and are labelled so;
 *   - runs: with a second run, the same seed and round of both (ES vs GD from the same θ0).
 * Every pair reports BOTH barrier readings: Frankle et al.'s endpoint-mean barrier B and the excess barrier
 * over the straight line between the endpoints; "connected" is read on the excess barrier against the lab's
 * threshold LMC_CONNECTED_BELOW (2 % test error; classification only). Control tasks also get B_R divided
 * by the source chain's dense round-1 return, read off the round-1 network this analysis evaluated (run A's,
 * same seed and chain); without round 1 in the selection it stays NaN.
 */
import { bool, choice, int } from '../../params';
import { alphaGrid, LMC_CONNECTED_BELOW } from '../interpolation';
import { endpointPerf, lmcMatrix, withDenseReturn, type LmcMatrix } from '../run/lmc';
import type { RoundSnapshot } from '../run/correlation-by-round';
import { progressTracker } from './progress';
import { lmcOutputName, lmcReport } from './lmc-report';
import { defineAnalysis } from './types';

export interface LmcNet {
  readonly label: string;
  /** 0: the first run, 1: the second (comparisons). */
  readonly run: number;
  readonly method: string;
  readonly seed: number;
  readonly roundNum: number;
  readonly sparsityFrac: number;
  /** Test accuracy (vision) or mean return (control) of the network (path endpoint). */
  readonly perf: number;
}

export interface LmcGroup {
  /** rounds of one chain and seed; one round across seeds (different θ0); the same seed and round of two runs. */
  readonly kind: 'rounds' | 'seeds' | 'runs';
  readonly title: string;
  readonly method: string;
  /** runs: the second run's chain. */
  readonly methodB?: string;
  /** rounds, runs. */
  readonly seed?: number;
  /** seeds, runs. */
  readonly roundNum?: number;
  readonly nets: readonly LmcNet[];
  readonly matrix: LmcMatrix;
}

export interface LmcResult {
  readonly alphas: number[];
  readonly points: number;
  readonly extended: boolean;
  /** 'error' (E = 1 − accuracy) for classification, 'return' for control. */
  readonly barrierKind: 'error' | 'return';
  /** The connectivity threshold on the excess barrier (classification). */
  readonly connectedBelow: number;
  readonly runLabels: readonly string[];
  readonly groups: readonly LmcGroup[];
  /** Control: the dense round-1 return per chain and seed of run A that normalises B_R (empty for vision). */
  readonly denseReturns: readonly DenseReturn[];
}

export interface DenseReturn {
  readonly method: string;
  readonly seed: number;
  readonly perf: number;
}

const options = {
  points: int(15, 2, 201, 'α points', 'Points of the interpolation grid in [0, 1] (paper preset 30, reduced 15).'),
  extended: bool(
    false,
    'α ∈ [−0.5, 1.5]',
    'Continue the path beyond both networks (the barriers are still read on [0, 1]).',
  ),
  pairs: choice(
    'both',
    [
      // short enough to read whole in the analysis panel's narrowest select, on a phone too
      { value: 'both', label: 'both: rounds and seeds' },
      { value: 'rounds', label: 'rounds of each chain' },
      { value: 'seeds', label: 'same round, other seeds' },
    ],
    'Pairs',
    'Which networks to connect within the run: the rounds of each pruning chain (one seed), the seeds at the ' +
      'same round, or both. Different seeds start from different θ0, so barriers between ' +
      'them are expected for any optimiser. With a second run the pairs are the same seed and round of both runs.',
  ),
} as const;

const pairCount = (k: number) => (k * (k - 1)) / 2;

/** Run A's round-1 networks as evaluated here (round 1 is dense; all of a chain's are the same network). */
function denseReturnsOf(groups: readonly LmcGroup[]): DenseReturn[] {
  const out = new Map<string, DenseReturn>();
  for (const n of groups.flatMap((g) => g.nets))
    if (n.run === 0 && n.roundNum === 1 && Number.isFinite(n.perf) && !out.has(`${n.method}/${n.seed}`))
      out.set(`${n.method}/${n.seed}`, { method: n.method, seed: n.seed, perf: n.perf });
  return [...out.values()].sort((a, b) => a.method.localeCompare(b.method) || a.seed - b.seed);
}

/**
 * Every control path of `g` with B_R normalised by its source's dense return: run A's network(s) of the
 * pair are the source (two seeds: the mean of their two round-1 returns); NaN where one is unknown.
 */
function normalised(g: LmcGroup, dense: readonly DenseReturn[]): LmcGroup {
  const pairs = g.matrix.pairs.map((p) => {
    const sources = [g.nets[p.i], g.nets[p.j]].filter((n) => n.run === 0);
    const r = sources.map((n) => dense.find((d) => d.method === n.method && d.seed === n.seed)?.perf);
    const mean =
      r.length > 0 && r.every((x): x is number => x !== undefined)
        ? r.reduce((s, x) => s + x, 0) / r.length
        : undefined;
    return { ...p, path: withDenseReturn(p.path, mean) };
  });
  return { ...g, matrix: { ...g.matrix, pairs } };
}
const byRound = (a: RoundSnapshot, b: RoundSnapshot) => a.roundNum - b.roundNum;

interface Plan {
  readonly kind: LmcGroup['kind'];
  readonly title: string;
  readonly method: string;
  readonly methodB?: string;
  readonly seed?: number;
  readonly roundNum?: number;
  readonly members: readonly { readonly run: number; readonly label: string; readonly rec: RoundSnapshot }[];
}

/** The groups of networks to connect, from the selected records. */
function plan(runs: readonly (readonly RoundSnapshot[])[], pairs: 'both' | 'rounds' | 'seeds'): Plan[] {
  const [a, b] = runs;
  const out: Plan[] = [];
  if (b) {
    for (const ra of [...a].sort((x, y) => x.seed - y.seed || x.roundNum - y.roundNum)) {
      const rb = b.find((r) => r.seed === ra.seed && r.roundNum === ra.roundNum);
      if (!rb) continue;
      out.push({
        kind: 'runs',
        title: `${ra.method} r${ra.roundNum} vs ${rb.method} r${rb.roundNum}, seed ${ra.seed}`,
        method: ra.method,
        methodB: rb.method,
        seed: ra.seed,
        roundNum: ra.roundNum,
        members: [
          { run: 0, label: `${ra.method} r${ra.roundNum}`, rec: ra },
          { run: 1, label: `${rb.method} r${rb.roundNum}`, rec: rb },
        ],
      });
    }
    return out;
  }
  const methods = [...new Set(a.map((r) => r.method))];
  const seeds = [...new Set(a.map((r) => r.seed))].sort((x, y) => x - y);
  for (const method of methods) {
    if (pairs !== 'seeds')
      for (const seed of seeds) {
        const chain = a.filter((r) => r.method === method && r.seed === seed).sort(byRound);
        if (chain.length > 1)
          out.push({
            kind: 'rounds',
            title: `${method} seed ${seed}: rounds`,
            method,
            seed,
            members: chain.map((rec) => ({ run: 0, label: `r${rec.roundNum}`, rec })),
          });
      }
    if (pairs !== 'rounds') {
      const rounds = [...new Set(a.filter((r) => r.method === method).map((r) => r.roundNum))].sort((x, y) => x - y);
      for (const roundNum of rounds) {
        const at = a.filter((r) => r.method === method && r.roundNum === roundNum).sort((x, y) => x.seed - y.seed);
        if (at.length > 1)
          out.push({
            kind: 'seeds',
            title: `${method} round ${roundNum}: seeds (different θ0)`,
            method,
            roundNum,
            members: at.map((rec) => ({ run: 0, label: `s${rec.seed}`, rec })),
          });
      }
    }
  }
  return out;
}

export const lmcAnalysis = defineAnalysis({
  id: 'lmc',
  label: 'Mode connectivity (LMC)',
  summary:
    'linear mode connectivity: both barrier readings (endpoint-mean B and excess over the straight line) between rounds of a chain, seeds, or two runs (docs/ALGORITHMS.md §6)',
  explain:
    'Do two trained networks lie in one connected valley of the loss? The lab walks the straight line between their weights and tests the network at points along it. ' +
    'If the test error (or, for control tasks, the lost return) never rises much above the line joining the two ends, the networks are linearly connected; a bump in the middle is a barrier between them. ' +
    'Compare the rounds of one pruning chain, different seeds, or two runs (docs/ALGORITHMS.md §6).',
  options,
  select: { chains: 'many', prefer: ['magnitude'], compare: true },
  needs: { evaluation: true, std: false },
  async run(ctx, o): Promise<LmcResult> {
    const alphas = alphaGrid(o.points, o.extended);
    const groups = plan(
      ctx.runs.map((r) => r.records),
      o.pairs,
    );
    if (!groups.length)
      throw new Error(
        ctx.runs.length > 1
          ? 'LMC between runs: no seed and round is in both selections'
          : `LMC needs at least two networks per group (pairs: ${o.pairs}); choose more rounds or seeds`,
      );
    const bar = progressTracker(ctx, alphas.length * groups.reduce((s, g) => s + pairCount(g.members.length), 0));
    const out: LmcGroup[] = [];
    for (const g of groups) {
      const matrix = await bar.step(alphas.length * pairCount(g.members.length), g.title, (opts) =>
        lmcMatrix(
          {
            task: ctx.task,
            net: ctx.net,
            nets: g.members.map((m) => ({ label: m.label, theta: m.rec.mean })),
            points: o.points,
            extended: o.extended,
          },
          opts,
        ),
      );
      const perf = endpointPerf(matrix);
      const { members, ...rest } = g;
      out.push({
        ...rest,
        matrix,
        nets: members.map((m, i) => ({
          label: m.label,
          run: m.run,
          method: m.rec.method,
          seed: m.rec.seed,
          roundNum: m.rec.roundNum,
          sparsityFrac: m.rec.sparsityFrac,
          perf: perf[i],
        })),
      });
    }
    const control = ctx.task.metric !== 'accuracy';
    const denseReturns = control ? denseReturnsOf(out) : [];
    return {
      alphas,
      points: o.points,
      extended: o.extended,
      barrierKind: control ? 'return' : 'error',
      connectedBelow: LMC_CONNECTED_BELOW,
      runLabels: ctx.runs.map((r) => r.label),
      groups: control ? out.map((g) => normalised(g, denseReturns)) : out,
      denseReturns,
    };
  },
  report: lmcReport,
  outputNames: (labels) => [lmcOutputName(labels)],
});
