/**
 * `lab landscape --run DIR [--method snr] [--seeds 0] [--rounds 1,4,8,12] [--directions 5] [--points 21]
 *  [--norm none|filter|layer] [--range 1] [--rng-seed 0] [--surface N] [--plane K]`: loss-landscape
 * flatness over a saved run (paper §5, Fig. 6 bottom; docs/ALGORITHMS.md §7). For each round, 1-D random
 * projections on masked directions, a parabola per direction and the sharpness a (mean ± s.e.). The same
 * rng gives the same underlying directions for every round and seed (docs/ALGORITHMS.md §7). `--surface N` adds an N×N
 * 2-D surface per round; `--plane K` the surface on the plane through θ0, round K and round K+1.
 * Writes landscape-<method>-<norm>.csv/json (2-D surfaces and planes inside the JSON) into the run folder.
 */
import {
  landscape1D,
  landscape2D,
  planeSurface,
  type Landscape1D,
  type RoundSnapshot,
  type Surface2D,
} from '../../core/analysis/run';
import type { DirectionNorm } from '../../core/analysis/directions';
import { Rng } from '../../core/rng';
import { boolFlag, CliError, intFlag, numFlag } from '../args';
import { checkFlags, loadRound, loadTheta0, methodsOf, openRun, roundsOf, seedsOf, type OpenRun } from './load-run';
import { commandLine, fmt, markdownTable, progressOptions, writeOutputs, type Cell } from './output';

const NORMS: readonly DirectionNorm[] = ['none', 'filter', 'layer'];

export async function landscapeCommand(flags: Map<string, string>, argv: readonly string[]): Promise<void> {
  checkFlags(flags, 'landscape', [
    'method',
    'rounds',
    'directions',
    'points',
    'norm',
    'range',
    'rng-seed',
    'surface',
    'plane',
  ]);
  const directions = intFlag(flags, 'directions', 2, 100) ?? 5;
  const points = intFlag(flags, 'points', 3, 201) ?? 21;
  const range = numFlag(flags, 'range', 1e-6, 100) ?? 1;
  const surface = intFlag(flags, 'surface', 3, 101);
  const plane = intFlag(flags, 'plane', 1, 40);
  const norm = (flags.get('norm') ?? 'none') as DirectionNorm;
  if (!NORMS.includes(norm))
    throw new CliError(`--norm must be one of ${NORMS.join(', ')} (got "${flags.get('norm')}")`);
  const rng = new Rng(intFlag(flags, 'rng-seed', 0, 2 ** 31 - 1) ?? 0).split('landscape');
  const run = await openRun(flags);
  try {
    const [method] = methodsOf(run, flags.get('method'), ['snr', 'magnitude']);
    const seeds = seedsOf(run, flags);
    const plan = seeds.map((seed) => ({ seed, rounds: roundsOf(run, flags, seed, method) }));
    if (plan.every((p) => !p.rounds.length)) throw new CliError(`${run.dir}: no rounds of ${method} to analyse`, 1);
    // Every file the analysis needs is read and checked before any evaluation (and before anything is written).
    const loaded = new Map<string, Awaited<ReturnType<typeof loadRound>>>();
    const load = async (seed: number, k: number) => {
      const key = `${seed}/${k}`;
      if (!loaded.has(key)) loaded.set(key, await loadRound(run, seed, method, k));
      return loaded.get(key)!;
    };
    for (const { seed, rounds } of plan) for (const k of rounds) await load(seed, k);
    const theta0s = new Map<number, Float32Array>();
    if (plane)
      for (const seed of seeds) {
        const have = run.rounds.filter((r) => r.seed === seed && r.method === method).map((r) => r.roundNum);
        if (!have.includes(plane) || !have.includes(plane + 1))
          throw new CliError(
            `--plane ${plane}: the plane needs rounds ${plane} and ${plane + 1} of seed ${seed} ${method}; this run has ${have.join(',') || 'none'}`,
          );
        await load(seed, plane);
        await load(seed, plane + 1);
        theta0s.set(seed, await loadTheta0(run, seed));
      }
    const perRound = directions * points + (surface ? surface * surface : 0);
    const total =
      plan.reduce((s, p) => s + p.rounds.length * perRound, 0) + (plane ? seeds.length * (surface ?? 21) ** 2 : 0);
    const bar = progressOptions(total, boolFlag(flags, 'quiet'), intFlag(flags, 'chunk-rows', 1, 4096));
    let doneRows = 0;
    const step = async <T>(rows: number, label: string, job: () => Promise<T>): Promise<T> => {
      bar.setBase(doneRows, label);
      const r = await job();
      doneRows += rows;
      return r;
    };

    const results: { seed: number; roundNum: number; sparsityFrac: number; l: Landscape1D; surface?: Surface2D }[] = [];
    for (const { seed, rounds } of plan)
      for (const k of rounds) {
        const r = await load(seed, k);
        const setup = { task: run.task, net: run.net, theta: r.mean, mask: r.mask, normalisation: norm, rng, range };
        const l = await step(directions * points, `seed ${seed} r${k}: 1-D`, () =>
          landscape1D({ ...setup, directions, points }, bar.opts),
        );
        const s = surface
          ? await step(surface * surface, `seed ${seed} r${k}: 2-D`, () =>
              landscape2D({ ...setup, points: surface }, bar.opts),
            )
          : undefined;
        results.push({ seed, roundNum: k, sparsityFrac: r.sparsityFrac, l, surface: s });
      }
    const planes: { seed: number; surface: Surface2D }[] = [];
    if (plane)
      for (const seed of seeds)
        planes.push({
          seed,
          surface: await step((surface ?? 21) ** 2, `seed ${seed}: plane`, () =>
            planeAt(run, theta0s.get(seed)!, [load(seed, plane), load(seed, plane + 1)], plane, surface ?? 21, bar),
          ),
        });
    bar.done();

    const name = `landscape-${method}-${norm}`;
    const header = [
      'method',
      'seed',
      'round',
      'sparsity',
      'perf_at_0',
      'loss_at_0',
      'a_mean',
      'a_se',
      'a_sd',
      'fit_r2_min',
      ...Array.from({ length: directions }, (_, d) => `a_${d}`),
    ];
    const rows: Cell[][] = results.map(({ seed, roundNum, sparsityFrac, l }) => {
      const mid = (points - 1) / 2;
      const at0 = Number.isInteger(mid) ? l.profiles[0] : undefined;
      return [
        method,
        seed,
        roundNum,
        fmt(sparsityFrac),
        fmt(at0?.perf[mid]),
        fmt(at0?.loss[mid]),
        fmt(l.curvature.mean, 6),
        fmt(l.curvature.se, 6),
        fmt(l.curvature.sd, 6),
        fmt(Math.min(...l.profiles.map((p) => p.fit.r2)), 5),
        ...l.profiles.map((p) => fmt(p.fit.a, 6)),
      ];
    });
    const files = await writeOutputs(
      run.dir,
      name,
      { header, rows },
      {
        command: commandLine(argv),
        method,
        directions,
        points,
        range,
        normalisation: norm,
        testImages: run.testImages,
        loss: run.task.kind === 'vision' ? 'test cross-entropy' : '−mean test return',
        results: results.map(({ surface: s, ...rest }) => ({
          ...rest,
          surface: s ? { xs: s.xs, ys: s.ys, loss: s.loss, perf: s.perf } : undefined,
        })),
        planes,
      },
    );
    process.stdout.write(report(method, norm, results) + `\nwrote ${files.join(', ')}\n`);
  } finally {
    run.task.dispose();
  }
}

async function planeAt(
  run: OpenRun,
  theta0: Float32Array,
  rounds: [Promise<RoundSnapshot>, Promise<RoundSnapshot>],
  k: number,
  points: number,
  bar: ReturnType<typeof progressOptions>,
): Promise<Surface2D> {
  const [rk, rk1] = await Promise.all(rounds);
  return planeSurface(
    {
      task: run.task,
      net: run.net,
      points,
      nets: [
        { label: 'θ0', theta: theta0 },
        { label: `r${k}`, theta: rk.mean },
        { label: `r${k + 1}`, theta: rk1.mean },
      ],
    },
    bar.opts,
  );
}

/** Markdown: sharpness a per round (mean ± s.e. over directions; with several seeds, mean ± s.e. over seeds). */
function report(
  method: string,
  norm: DirectionNorm,
  results: { seed: number; roundNum: number; sparsityFrac: number; l: Landscape1D }[],
): string {
  const seeds = [...new Set(results.map((r) => r.seed))];
  const rounds = [...new Set(results.map((r) => r.roundNum))].sort((a, b) => a - b);
  const rows: Cell[][] = rounds.map((k) => {
    const at = results.filter((r) => r.roundNum === k);
    const cells = seeds.map((s) => {
      const r = at.find((x) => x.seed === s);
      return r ? `${fmt(r.l.curvature.mean, 4)} ± ${fmt(r.l.curvature.se, 4)}` : '';
    });
    return [k, fmt(100 * (1 - at[0].sparsityFrac), 1), ...cells];
  });
  return [
    `### Loss-landscape sharpness a (L(ξ) ≈ aξ² + bξ + c), ${method} chain, directions normalised: ${norm}; mean ± s.e. over directions`,
    markdownTable(['round', 'remaining %', ...seeds.map((s) => `seed ${s}`)], rows),
    '',
  ].join('\n');
}
