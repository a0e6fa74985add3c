/**
 * `lab lmc --runs DIR_A,DIR_B [--method magnitude] [--method-b gd_magnitude] [--seeds 0-2] [--rounds 1,4,8]
 * [--points 15] [--extended]`: linear mode connectivity BETWEEN two run folders (docs/ALGORITHMS.md §6,
 * pair 3 "ES vs GD"; paper §5): for every seed and round both runs hold, the error barrier of the path
 * θ(α) = α·θ_B + (1 − α)·θ_A between run A's and run B's network of that round (same seed ⇒ same θ0 and,
 * for ES vs GD, the same initial network). Both runs must have the same task and network (same D and
 * layout); the networks are evaluated through run A's task (its --test-images subset).
 * Writes lmc-runs-<B folder name>.csv/json into run A's folder.
 */
import { basename } from 'node:path';
import { endpointPerf, lmcMatrix } from '../../core/analysis/run';
import { alphaGrid } from '../../core/analysis/interpolation';
import { curvatureSummary } from '../../core/analysis/quadratic-fit';
import { canonicalJson } from '../../core/runs/hash';
import { boolFlag, CliError, intFlag } from '../args';
import { RunFolder } from '../run-folder';
import { checkFlags, loadRound, openRun, readRoundIndex, seedsOf, type OpenRun } from './load-run';
import { commandLine, fmt, markdownTable, progressOptions, writeOutputs, type Cell } from './output';

/** Run B's folder, checked to hold the same network and task as run A (whose task + net it borrows). */
async function openSecondRun(dir: string, a: OpenRun): Promise<OpenRun> {
  const { config } = await new RunFolder(dir).readMeta('--runs');
  const same = (x: unknown, y: unknown) => canonicalJson(x) === canonicalJson(y);
  if (config.network.id !== a.config.network.id || !same(config.network.params, a.config.network.params)) {
    throw new CliError(
      `--runs: the two runs train different networks (${a.config.network.id} ${canonicalJson(a.config.network.params)} vs ${config.network.id} ${canonicalJson(config.network.params)}); LMC needs the same parameter layout`,
    );
  }
  if (config.task.id !== a.config.task.id || config.task.params.pool !== a.config.task.params.pool) {
    throw new CliError(
      `--runs: the two runs use different tasks (${a.config.task.id} ${String(a.config.task.params.pool)} vs ${config.task.id} ${String(config.task.params.pool)})`,
    );
  }
  return { ...a, dir, folder: new RunFolder(dir), config, rounds: await readRoundIndex(dir) };
}

/** A chain id of a run folder: the given one (checked) or the fallback list's first present. */
function chainOf(run: OpenRun, given: string | undefined, fallback: readonly string[], flag: string): string {
  const have = [...new Set(run.rounds.map((r) => r.method))];
  const m = given ?? fallback.find((f) => have.includes(f));
  if (!m || !have.includes(m))
    throw new CliError(
      `${flag}: ${m ? `"${m}" is not a chain of ${run.dir}` : `none of ${fallback.join(', ')} is a chain of ${run.dir}`} (chains: ${have.join(', ')})`,
    );
  return m;
}

/** Rounds both chains hold for a seed (or the --rounds subset, each checked). */
function commonRounds(a: OpenRun, ma: string, b: OpenRun, mb: string, seed: number, wanted: number[] | null): number[] {
  const of = (r: OpenRun, m: string) =>
    new Set(r.rounds.filter((x) => x.seed === seed && x.method === m).map((x) => x.roundNum));
  const ra = of(a, ma),
    rb = of(b, mb);
  const both = [...ra].filter((k) => rb.has(k)).sort((x, y) => x - y);
  if (!wanted) return both;
  for (const k of wanted)
    if (!both.includes(k))
      throw new CliError(
        `--rounds: round ${k} of seed ${seed} is not in both runs (common rounds: ${both.join(',') || 'none'})`,
      );
  return wanted;
}

export async function lmcRunsCommand(flags: Map<string, string>, argv: readonly string[]): Promise<void> {
  checkFlags(flags, 'lmc', ['runs', 'method', 'method-b', 'points', 'extended', 'rounds']);
  const dirs = (flags.get('runs') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (dirs.length !== 2)
    throw new CliError('--runs needs two run folders, e.g. --runs runs-out/mnist-quick,runs-out/gd-mnist-quick');
  if (flags.has('run'))
    throw new CliError('give either --run DIR (pairs within one run) or --runs A,B (pairs across two runs), not both');
  const points = intFlag(flags, 'points', 2, 201) ?? 15;
  const extended = boolFlag(flags, 'extended');
  const wanted = flags.has('rounds')
    ? flags
        .get('rounds')!
        .split(',')
        .map((s) => Number(s.trim()))
    : null;
  if (wanted?.some((k) => !Number.isInteger(k) || k < 1))
    throw new CliError(`--rounds must be 1-based round numbers like "1,4,8" (got "${flags.get('rounds')}")`);
  const a = await openRun(new Map([...flags, ['run', dirs[0]]]));
  try {
    const b = await openSecondRun(dirs[1], a);
    const ma = chainOf(a, flags.get('method'), ['magnitude'], '--method');
    const mb = chainOf(b, flags.get('method-b'), [`gd_${ma}`, ma], '--method-b');
    const seeds = seedsOf(a, flags).filter((s) => b.config.seeds.includes(s));
    if (!seeds.length)
      throw new CliError(
        `--runs: the runs share no seed (A: ${a.config.seeds.join(',')}, B: ${b.config.seeds.join(',')})`,
      );
    const plan = seeds.map((seed) => ({ seed, rounds: commonRounds(a, ma, b, mb, seed, wanted) }));
    const nAlpha = alphaGrid(points, extended).length;
    const bar = progressOptions(
      nAlpha * plan.reduce((s, p) => s + p.rounds.length, 0),
      boolFlag(flags, 'quiet'),
      intFlag(flags, 'chunk-rows', 1, 4096),
    );
    const rows: Cell[][] = [];
    const results: Record<string, unknown>[] = [];
    let done = 0;
    // Every round file is read and checked before any evaluation.
    const loaded = new Map<string, Awaited<ReturnType<typeof loadRound>>[]>();
    for (const { seed, rounds } of plan)
      for (const k of rounds)
        loaded.set(`${seed}/${k}`, await Promise.all([loadRound(a, seed, ma, k), loadRound(b, seed, mb, k)]));
    if (!loaded.size) throw new CliError('--runs: the two runs share no round of these chains: nothing to compare', 1);
    for (const { seed, rounds } of plan)
      for (const k of rounds) {
        const [ra, rb] = loaded.get(`${seed}/${k}`)!;
        bar.setBase(done, `seed ${seed} round ${k}`);
        const m = await lmcMatrix(
          {
            task: a.task,
            net: a.net,
            nets: [
              { label: `A r${k}`, theta: ra.mean },
              { label: `B r${k}`, theta: rb.mean },
            ],
            points,
            extended,
          },
          bar.opts,
        );
        done += nAlpha;
        const [perfA, perfB] = endpointPerf(m),
          path = m.pairs[0].path;
        rows.push([
          seed,
          k,
          fmt(ra.sparsityFrac),
          fmt(rb.sparsityFrac),
          fmt(perfA),
          fmt(perfB),
          fmt(path.barrier),
          fmt(path.linearBarrier),
          fmt(path.worstAlpha, 3),
        ]);
        results.push({
          seed,
          roundNum: k,
          sparsityA: ra.sparsityFrac,
          sparsityB: rb.sparsityFrac,
          perfA,
          perfB,
          barrier: path.barrier,
          linearBarrier: path.linearBarrier,
          alphas: path.alphas,
          perf: path.perf,
          loss: path.loss,
        });
      }
    bar.done();
    const files = await writeOutputs(
      a.dir,
      `lmc-runs-${basename(b.dir)}`,
      {
        header: [
          'seed',
          'round',
          'sparsity_a',
          'sparsity_b',
          'perf_a',
          'perf_b',
          'barrier',
          'linear_barrier',
          'worst_alpha',
        ],
        rows,
      },
      {
        command: commandLine(argv),
        runA: a.dir,
        runB: b.dir,
        methodA: ma,
        methodB: mb,
        points,
        extended,
        alphas: alphaGrid(points, extended),
        testImages: a.testImages,
        barrier:
          'error barrier B = max_α(1 − acc) − mean endpoint error; α = 0 is run A, α = 1 run B (Frankle et al. 2020, docs/ALGORITHMS.md §6)',
        results,
      },
    );
    process.stdout.write(
      report(
        ma,
        mb,
        plan.length,
        results as unknown as { roundNum: number; sparsityA: number; perfA: number; perfB: number; barrier: number }[],
      ) + `\nwrote ${files.join(', ')}\n`,
    );
  } finally {
    a.task.dispose();
  }
}

/** Markdown: per round, mean ± s.e. over seeds of both endpoints' accuracy and the barrier between them. */
function report(
  ma: string,
  mb: string,
  nSeeds: number,
  results: { roundNum: number; sparsityA: number; perfA: number; perfB: number; barrier: number }[],
): string {
  const pm = (v: number[]) => {
    const s = curvatureSummary(v);
    return s.n > 1 ? `${fmt(s.mean, 3)} ± ${fmt(s.se, 3)}` : fmt(s.mean, 3);
  };
  const ks = [...new Set(results.map((r) => r.roundNum))].sort((x, y) => x - y);
  const rows = ks.map((k) => {
    const at = results.filter((r) => r.roundNum === k);
    return [
      `r${k}`,
      fmt(100 * (1 - at[0].sparsityA), 1),
      pm(at.map((r) => r.perfA)),
      pm(at.map((r) => r.perfB)),
      pm(at.map((r) => r.barrier)),
    ];
  });
  return [
    `### LMC between runs: ${ma} (A) vs ${mb} (B), same seed and round (${nSeeds} seed${nSeeds > 1 ? 's' : ''}; mean ± s.e.)`,
    markdownTable(['round', 'remaining %', `acc A (${ma})`, `acc B (${mb})`, 'B(A, B)'], rows),
    '',
  ].join('\n');
}
