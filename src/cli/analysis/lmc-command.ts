/**
 * `lab lmc --run DIR [--method magnitude[,snr]] [--seeds 0,1] [--rounds 1,4,8] [--points 15] [--extended]`:
 * linear mode connectivity over a saved run (docs/ALGORITHMS.md §6, pairs 1 and 2). Per chain and seed the
 * K×K error-barrier matrix across IMP rounds; with several seeds, the barrier between seeds at each round.
 * Writes lmc.csv (one row per pair) and lmc.json (matrices and paths) into the run folder.
 * `--runs A,B` pairs the same seed and round across two run folders instead (lmc-runs.ts: ES vs GD).
 */
import { endpointPerf, lmcMatrix, type LabeledTheta, type LmcMatrix } from '../../core/analysis/run';
import { alphaGrid } from '../../core/analysis/interpolation';
import { curvatureSummary } from '../../core/analysis/quadratic-fit';
import { boolFlag, CliError, intFlag } from '../args';
import { checkFlags, loadRound, methodsOf, openRun, roundsOf, seedsOf } from './load-run';
import { lmcRunsCommand } from './lmc-runs';
import { commandLine, fmt, markdownTable, progressOptions, writeOutputs, type Cell } from './output';

const pairCount = (k: number) => (k * (k - 1)) / 2;

export async function lmcCommand(flags: Map<string, string>, argv: readonly string[]): Promise<void> {
  if (flags.has('runs')) return lmcRunsCommand(flags, argv); // pairs across two run folders (ES vs GD)
  checkFlags(flags, 'lmc', ['method', 'points', 'extended', 'rounds']);
  const points = intFlag(flags, 'points', 2, 201) ?? 15;
  const extended = boolFlag(flags, 'extended');
  const run = await openRun(flags);
  try {
    const methods = methodsOf(run, flags.get('method'), ['magnitude']);
    const seeds = seedsOf(run, flags);
    const nAlpha = alphaGrid(points, extended).length;
    // Load every selected round once: (method, seed) → round snapshots.
    const chains = new Map<string, Awaited<ReturnType<typeof loadRound>>[]>();
    for (const method of methods)
      for (const seed of seeds) {
        chains.set(
          `${method}/${seed}`,
          await Promise.all(roundsOf(run, flags, seed, method).map((k) => loadRound(run, seed, method, k))),
        );
      }
    const roundNums = [...new Set([...chains.values()].flatMap((c) => c.map((r) => r.roundNum)))].sort((a, b) => a - b);
    const total =
      nAlpha *
      ([...chains.values()].reduce((s, c) => s + pairCount(c.length), 0) +
        (seeds.length > 1 ? methods.length * roundNums.length * pairCount(seeds.length) : 0));
    if (total === 0)
      throw new CliError(
        `${run.dir}: nothing to compare — LMC needs two rounds of a chain, or one round of two seeds (this selection has ${roundNums.length} round(s) and ${seeds.length} seed(s))`,
        1,
      );
    const bar = progressOptions(total, boolFlag(flags, 'quiet'), intFlag(flags, 'chunk-rows', 1, 4096));
    let doneRows = 0;
    const evalMatrix = async (nets: LabeledTheta[], label: string): Promise<LmcMatrix> => {
      bar.setBase(doneRows, label);
      const m = await lmcMatrix({ task: run.task, net: run.net, nets, points, extended }, bar.opts);
      doneRows += nAlpha * pairCount(nets.length);
      return m;
    };

    const csvRows: Cell[][] = [];
    const json: Record<string, unknown>[] = [];
    const acrossRounds: { method: string; seed: number; m: LmcMatrix; sparsity: number[] }[] = [];
    for (const method of methods)
      for (const seed of seeds) {
        const recs = chains.get(`${method}/${seed}`)!;
        const m = await evalMatrix(
          recs.map((r) => ({ label: `r${r.roundNum}`, theta: r.mean })),
          `${method} seed ${seed}: rounds`,
        );
        const perf = endpointPerf(m),
          sparsity = recs.map((r) => r.sparsityFrac);
        for (const { i, j, path } of m.pairs) {
          csvRows.push([
            method,
            'rounds',
            seed,
            seed,
            recs[i].roundNum,
            recs[j].roundNum,
            fmt(sparsity[i]),
            fmt(sparsity[j]),
            fmt(perf[i]),
            fmt(perf[j]),
            fmt(path.barrier),
            fmt(path.linearBarrier),
            fmt(path.worstAlpha, 3),
          ]);
        }
        acrossRounds.push({ method, seed, m, sparsity });
        json.push({
          kind: 'rounds',
          method,
          seed,
          rounds: recs.map((r) => r.roundNum),
          sparsity,
          perf,
          barrier: m.barrier,
          linearBarrier: m.linearBarrier,
          paths: m.pairs.map((p) => ({ i: p.i, j: p.j, perf: p.path.perf, loss: p.path.loss })),
        });
      }
    const acrossSeeds: { method: string; roundNum: number; sparsity: number; barriers: number[] }[] = [];
    if (seeds.length > 1) {
      for (const method of methods)
        for (const k of roundNums) {
          const recs = seeds
            .map((s) => chains.get(`${method}/${s}`)!.find((r) => r.roundNum === k))
            .filter((r) => r !== undefined);
          if (recs.length < 2) continue;
          const m = await evalMatrix(
            recs.map((r) => ({ label: `s${r.seed}`, theta: r.mean })),
            `${method} round ${k}: seeds`,
          );
          const perf = endpointPerf(m);
          for (const { i, j, path } of m.pairs) {
            csvRows.push([
              method,
              'seeds',
              recs[i].seed,
              recs[j].seed,
              k,
              k,
              fmt(recs[i].sparsityFrac),
              fmt(recs[j].sparsityFrac),
              fmt(perf[i]),
              fmt(perf[j]),
              fmt(path.barrier),
              fmt(path.linearBarrier),
              fmt(path.worstAlpha, 3),
            ]);
          }
          acrossSeeds.push({
            method,
            roundNum: k,
            sparsity: recs[0].sparsityFrac,
            barriers: m.pairs.map((p) => p.path.barrier),
          });
          json.push({
            kind: 'seeds',
            method,
            roundNum: k,
            seeds: recs.map((r) => r.seed),
            perf,
            barrier: m.barrier,
            linearBarrier: m.linearBarrier,
          });
        }
    }
    bar.done();

    const files = await writeOutputs(
      run.dir,
      'lmc',
      {
        header: [
          'method',
          'pair',
          'seed_a',
          'seed_b',
          'round_a',
          'round_b',
          'sparsity_a',
          'sparsity_b',
          'perf_a',
          'perf_b',
          'barrier',
          'linear_barrier',
          'worst_alpha',
        ],
        rows: csvRows,
      },
      {
        command: commandLine(argv),
        barrier: 'error barrier B = max_α(1 − acc) − mean endpoint error (Frankle et al. 2020, docs/ALGORITHMS.md §6)',
        points,
        extended,
        alphas: alphaGrid(points, extended),
        testImages: run.testImages,
        results: json,
      },
    );
    process.stdout.write(report(acrossRounds, acrossSeeds) + `\nwrote ${files.join(', ')}\n`);
  } finally {
    run.task.dispose();
  }
}

/** Markdown: per round, the barrier to the next round and to round 1 (mean over seeds), and across seeds. */
function report(
  acrossRounds: { method: string; seed: number; m: LmcMatrix; sparsity: number[] }[],
  acrossSeeds: { method: string; roundNum: number; barriers: number[] }[],
): string {
  const out: string[] = [];
  for (const method of [...new Set(acrossRounds.map((a) => a.method))]) {
    const chains = acrossRounds.filter((a) => a.method === method);
    const K = chains[0].m.labels.length;
    const rows: Cell[][] = [];
    for (let i = 0; i < K; i++) {
      const next = i + 1 < K ? curvatureSummary(chains.map((c) => c.m.barrier[i][i + 1])) : undefined;
      const first = curvatureSummary(chains.map((c) => c.m.barrier[0][i]));
      const seedsB = acrossSeeds.find((s) => s.method === method && `r${s.roundNum}` === chains[0].m.labels[i]);
      const sb = seedsB ? curvatureSummary(seedsB.barriers) : undefined;
      rows.push([
        chains[0].m.labels[i],
        fmt(100 * (1 - chains[0].sparsity[i]), 1),
        next ? pm(next) : '',
        i ? pm(first) : '',
        sb ? pm(sb) : '',
      ]);
    }
    out.push(
      `### LMC error barrier, ${method} chain (${chains.length} seed${chains.length > 1 ? 's' : ''}; mean ± s.e. over seeds / seed pairs)`,
      markdownTable(['round', 'remaining %', 'B(r_k, r_k+1)', 'B(r_1, r_k)', 'B across seeds at r_k'], rows),
      '',
    );
  }
  return out.join('\n');
}

function pm(s: { mean: number; se: number; n: number }): string {
  return s.n > 1 ? `${fmt(s.mean, 3)} ± ${fmt(s.se, 3)}` : fmt(s.mean, 3);
}
