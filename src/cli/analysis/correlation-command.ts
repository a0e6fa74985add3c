/**
 * `lab correlation --run DIR [--methods magnitude,snr] [--seeds 0-2] [--layer 1] [--max-points 2000]`:
 * the magnitude–SNR correlation per IMP round (paper §5, Fig. 7; docs/ALGORITHMS.md §8.1) over a saved
 * run: Pearson and Spearman of |μ| vs |μ|/σ over the unpruned kernel entries of one layer (default index
 * 1, as es-lottery), and how far the two criteria agree on the next mask. Pure CPU work on the saved
 * means and σ: no network evaluation. Writes correlation.csv/json (with scatter samples) into the run folder.
 */
import { correlationByRound, meanOverSeeds, type RoundCorrelation } from '../../core/analysis/run';
import { Rng } from '../../core/rng';
import { intFlag } from '../args';
import { checkFlags, loadRound, methodsOf, openRun, roundsOf, seedsOf } from './load-run';
import { commandLine, fmt, markdownTable, writeOutputs, type Cell } from './output';

export async function correlationCommand(flags: Map<string, string>, argv: readonly string[]): Promise<void> {
  checkFlags(flags, 'correlation', ['methods', 'method', 'layer', 'max-points', 'rounds']);
  const maxPoints = intFlag(flags, 'max-points', 10, 1_000_000) ?? 2000;
  const run = await openRun(flags);
  try {
    const layerIndex = intFlag(flags, 'layer', 0, run.net.layers.length - 1) ?? 1;
    const methods = methodsOf(
      run,
      flags.get('methods') ?? flags.get('method'),
      ['magnitude', 'snr'],
      flags.has('methods') ? '--methods' : '--method',
    );
    const seeds = seedsOf(run, flags);
    const records = [];
    for (const method of methods)
      for (const seed of seeds) {
        for (const k of roundsOf(run, flags, seed, method)) records.push(await loadRound(run, seed, method, k));
      }
    const rows = correlationByRound(records, {
      layers: run.net.layers,
      layerIndex,
      pruneFrac: run.config.prune.pruneFrac,
      scope: run.config.prune.scope,
      maxPoints,
      rng: new Rng(0).split('scatter'),
    });
    const layer = run.net.layers[layerIndex].name;
    const header = [
      'method',
      'seed',
      'round',
      'sparsity',
      'layer',
      'n',
      'pearson',
      'spearman',
      'next_sparsity',
      'agree_frac',
      'survivor_iou',
    ];
    const csv: Cell[][] = rows.map((r) => [
      r.method,
      r.seed,
      r.roundNum,
      fmt(r.sparsityFrac),
      layer,
      r.n,
      fmt(r.pearson),
      fmt(r.spearman),
      fmt(r.nextSparsityFrac),
      fmt(r.agreeFrac),
      fmt(r.survivorIoU),
    ]);
    const files = await writeOutputs(
      run.dir,
      'correlation',
      { header, rows: csv },
      {
        command: commandLine(argv),
        layer,
        layerIndex,
        note: 'Pearson/Spearman of |μ| vs |μ|/σ over the unpruned kernel entries of the layer; agreement of the two criteria on the next mask (docs/ALGORITHMS.md §8.1)',
        results: rows,
        summary: {
          pearson: meanOverSeeds(rows, (r) => r.pearson),
          spearman: meanOverSeeds(rows, (r) => r.spearman),
          agreeFrac: meanOverSeeds(rows, (r) => r.agreeFrac),
        },
      },
    );
    process.stdout.write(report(rows, layer) + `\nwrote ${files.join(', ')}\n`);
  } finally {
    run.task.dispose();
  }
}

/**
 * Markdown: per round, Pearson / Spearman / agreement / survivor IoU for each chain (mean ± s.e. over seeds).
 * "agree" counts all prunable entries (already-pruned ones agree trivially, so it rises with sparsity);
 * the IoU of the two next masks' survivors is the sharper comparison.
 */
function report(rows: readonly RoundCorrelation[], layer: string): string {
  const methods = [...new Set(rows.map((r) => r.method))];
  const stats = {
    pearson: meanOverSeeds(rows, (r) => r.pearson),
    spearman: meanOverSeeds(rows, (r) => r.spearman),
    agree: meanOverSeeds(rows, (r) => r.agreeFrac),
    iou: meanOverSeeds(rows, (r) => r.survivorIoU),
  };
  const rounds = [...new Set(rows.map((r) => r.roundNum))].sort((a, b) => a - b);
  const cell = (list: typeof stats.pearson, m: string, k: number) => {
    const s = list.find((x) => x.method === m && x.roundNum === k);
    return !s ? '' : s.n > 1 ? `${fmt(s.mean, 3)} ± ${fmt(s.se, 3)}` : fmt(s.mean, 3);
  };
  const table: Cell[][] = rounds.map((k) => {
    const r = rows.find((x) => x.roundNum === k)!;
    return [
      k,
      fmt(100 * (1 - r.sparsityFrac), 1),
      ...methods.flatMap((m) => [
        cell(stats.pearson, m, k),
        cell(stats.spearman, m, k),
        cell(stats.agree, m, k),
        cell(stats.iou, m, k),
      ]),
    ];
  });
  const nSeeds = new Set(rows.map((r) => r.seed)).size;
  return [
    `### Magnitude–SNR correlation per round over ${layer} (unpruned kernel entries; ${nSeeds} seed${nSeeds > 1 ? 's, mean ± s.e.' : ''})`,
    markdownTable(
      [
        'round',
        'remaining %',
        ...methods.flatMap((m) => [`${m}: Pearson`, `${m}: Spearman`, `${m}: agree`, `${m}: IoU`]),
      ],
      table,
    ),
    '',
  ].join('\n');
}
