/**
 * Loss-landscape flatness as a registered analysis (paper §5, Fig. 6 bottom and SI Fig. 10;
 * docs/ALGORITHMS.md §7; Li et al. 2018): for every selected round, 1-D random projections
 * L(ξ) = L_test(θ + ξ·η_d), a least-squares parabola per direction and the sharpness a (mean ± s.e. over
 * directions); optionally an N×N surface per round and the plane through θ0, round k and round k + 1.
 *
 * Directions: direction d is always drawn from the same rng stream (rng seed → 'landscape' → d), so every
 * network of the same size — any round, seed, chain, ES run or GD run — is probed along the same underlying
 * η (the R10 comparison of ES and GD needs exactly that). They are MASKED by default (η = M ⊙ η: pruned
 * weights stay 0, docs/ALGORITHMS.md §7); 'unmasked' also moves the pruned weights. Normalisation defaults
 * to 'filter' (each output unit's η rescaled to the norm of its weights): with masked, un-normalised
 * directions the fitted a falls with the number of remaining weights because η itself shrinks, so a
 * comparison across sparsity, or between ES and GD weights of different magnitude (R9), would measure the
 * direction's length instead of flatness. 'none' (the paper-literal N(0, I)) stays available.
 */
import { choice, int, num } from '../../params';
import type { TaskInstance } from '../../tasks/types';
import type { Surface2D, Landscape1D } from '../run/landscape';
import { landscape1D, landscape2D, planeSurface } from '../run/landscape';
import { Rng } from '../../rng';
import { progressTracker } from './progress';
import { landscapeOutputName, landscapeReport } from './landscape-report';
import { defineAnalysis } from './types';

/** What L_test is for a task (docs/ALGORITHMS.md §7 [U]): one definition for every chart and file. */
export function lossKindOf(task: Pick<TaskInstance, 'metric'>): 'test cross-entropy' | '−mean test return' {
  return task.metric === 'accuracy' ? 'test cross-entropy' : '−mean test return';
}

export interface LandscapeRound {
  /** 0: the first run, 1: the second (comparisons). */
  readonly run: number;
  readonly method: string;
  readonly seed: number;
  readonly roundNum: number;
  readonly sparsityFrac: number;
  readonly landscape: Landscape1D;
  readonly surface?: Surface2D;
}

export interface LandscapeResult {
  readonly norm: 'none' | 'filter' | 'layer';
  readonly directionMask: 'masked' | 'unmasked';
  readonly directions: number;
  readonly points: number;
  readonly range: number;
  readonly rngSeed: number;
  readonly lossKind: ReturnType<typeof lossKindOf>;
  readonly runLabels: readonly string[];
  readonly rounds: readonly LandscapeRound[];
  /** Plane through θ0, round k and round k + 1, per run and seed. */
  readonly planes: readonly {
    readonly run: number;
    readonly seed: number;
    readonly roundNum: number;
    readonly surface: Surface2D;
  }[];
}

const options = {
  directions: int(5, 2, 100, 'Directions', 'Random directions per network (docs/ALGORITHMS.md §7: 10; reduced 5).'),
  points: int(21, 3, 201, 'ξ points', 'Points of the ξ grid in [−range, range] (41 in the paper setting; 21 reduced).'),
  range: num(1, 0.01, 100, 0.05, 'ξ range ±', 'Half-width of the ξ interval: ξ ∈ [−range, range].'),
  norm: choice(
    'filter',
    [
      { value: 'filter', label: 'filter (Li et al.)' },
      { value: 'layer', label: 'layer' },
      { value: 'none', label: 'none (paper-literal)' },
    ],
    'Normalisation',
    "How each direction is scaled: 'filter' gives each output unit's direction the norm of its weights (Li et al. " +
      "2018), 'layer' does it per layer, 'none' keeps η ~ N(0, I). Without normalisation a masked direction " +
      'shrinks with the number of remaining weights, so sharpness would fall with sparsity for that reason alone.',
  ),
  directionMask: choice(
    'masked',
    [
      // short enough to read whole in the analysis panel's narrowest select (the option's name says "mask")
      { value: 'masked', label: 'pruned weights stay 0' },
      { value: 'unmasked', label: 'pruned weights move too' },
    ],
    'Direction mask',
    'Masked directions keep the sparse network sparse along the whole path (the paper’s choice); unmasked ones ' +
      'also perturb the pruned weights.',
  ),
  rngSeed: int(
    0,
    0,
    2 ** 31 - 1,
    'Direction seed',
    'Seeds the random directions; the same seed gives every network of the same size the same directions.',
  ),
  surface: int(0, 0, 101, '2-D surface N', '0: none. N ≥ 3 adds an N×N loss surface at every selected round.'),
  plane: int(
    0,
    0,
    40,
    'Plane at round k',
    '0: none. k ≥ 1 adds the surface on the plane through θ0, round k and round k + 1 of each seed (N×N with N from the 2-D surface option, 21 if that is 0).',
  ),
} as const;

export const landscapeAnalysis = defineAnalysis({
  id: 'landscape',
  label: 'Loss landscape',
  summary:
    '1-D random-projection loss landscapes, parabola fit and sharpness a per round; optional 2-D surfaces (docs/ALGORITHMS.md §7)',
  explain:
    'How sharp is the valley a trained network ends in? The lab moves its weights along random directions, measures the test loss on the way, and fits a parabola a·ξ² + b·ξ + c to each curve: ' +
    'a larger a means a narrower, sharper valley. The chart follows a round by round as pruning goes on; a 2-D surface shows two directions at once (docs/ALGORITHMS.md §7).',
  options,
  select: { chains: 'one', prefer: ['snr', 'magnitude'], compare: true },
  needs: { evaluation: true, std: false },
  async run(ctx, o): Promise<LandscapeResult> {
    if (o.surface > 0 && o.surface < 3) throw new Error(`2-D surface N must be 0 or at least 3 (got ${o.surface})`);
    const planeN = o.surface || 21;
    const rng = new Rng(o.rngSeed).split('landscape');
    const ones = new Uint8Array(ctx.net.paramCount).fill(1);
    const jobs = ctx.runs.flatMap((run, ri) =>
      [...run.records].sort((a, b) => a.seed - b.seed || a.roundNum - b.roundNum).map((rec) => ({ ri, rec })),
    );
    const planeJobs =
      o.plane > 0
        ? ctx.runs.flatMap((run, ri) => {
            const seeds = [...new Set(run.records.map((r) => r.seed))].sort((a, b) => a - b);
            return seeds.map((seed) => {
              const rk = run.records.find((r) => r.seed === seed && r.roundNum === o.plane);
              const rk1 = run.records.find((r) => r.seed === seed && r.roundNum === o.plane + 1);
              if (!rk || !rk1)
                throw new Error(`plane: rounds ${o.plane} and ${o.plane + 1} of seed ${seed} must both be selected`);
              return { ri, seed, rk, rk1 };
            });
          })
        : [];
    const perRound = o.directions * o.points + o.surface * o.surface;
    const bar = progressTracker(ctx, jobs.length * perRound + planeJobs.length * planeN * planeN);
    const rounds: LandscapeRound[] = [];
    for (const { ri, rec } of jobs) {
      const setup = {
        task: ctx.task,
        net: ctx.net,
        theta: rec.mean,
        mask: o.directionMask === 'masked' ? rec.mask : ones,
        normalisation: o.norm,
        rng,
        range: o.range,
      };
      const tag = `${ctx.runs.length > 1 ? `${ctx.runs[ri].label} ` : ''}seed ${rec.seed} r${rec.roundNum}`;
      const landscape = await bar.step(o.directions * o.points, `${tag}: 1-D profiles`, (opts) =>
        landscape1D({ ...setup, directions: o.directions, points: o.points }, opts),
      );
      const surface = o.surface
        ? await bar.step(o.surface * o.surface, `${tag}: 2-D surface`, (opts) =>
            landscape2D({ ...setup, points: o.surface }, opts),
          )
        : undefined;
      rounds.push({
        run: ri,
        method: rec.method,
        seed: rec.seed,
        roundNum: rec.roundNum,
        sparsityFrac: rec.sparsityFrac,
        landscape,
        surface,
      });
    }
    const planes: LandscapeResult['planes'][number][] = [];
    for (const { ri, seed, rk, rk1 } of planeJobs) {
      const theta0 = await ctx.runs[ri].theta0(seed);
      const surface = await bar.step(
        planeN * planeN,
        `seed ${seed}: plane θ0, r${rk.roundNum}, r${rk1.roundNum}`,
        (opts) =>
          planeSurface(
            {
              task: ctx.task,
              net: ctx.net,
              points: planeN,
              nets: [
                { label: 'θ0', theta: theta0 },
                { label: `r${rk.roundNum}`, theta: rk.mean },
                { label: `r${rk1.roundNum}`, theta: rk1.mean },
              ],
            },
            opts,
          ),
      );
      planes.push({ run: ri, seed, roundNum: rk.roundNum, surface });
    }
    return {
      norm: o.norm,
      directionMask: o.directionMask,
      directions: o.directions,
      points: o.points,
      range: o.range,
      rngSeed: o.rngSeed,
      lossKind: lossKindOf(ctx.task),
      runLabels: ctx.runs.map((r) => r.label),
      rounds,
      planes,
    };
  },
  report: landscapeReport,
  // Run A's chain, as the report names it (the method of its first network).
  outputNames: (labels, chains, o) => [landscapeOutputName(chains[0], labels, o)],
});
