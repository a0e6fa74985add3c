/**
 * Magnitude–SNR correlation as a registered analysis (paper §5, Fig. 7; docs/ALGORITHMS.md §8.1): per
 * round, Pearson and Spearman of |μ| against |μ|/σ over the alive kernel entries of one layer (default:
 * the last hidden layer, lastHiddenLayerIndex — Dense_0 of the MLP 196-32-10, es-lottery's index 1 for
 * its CNN), and how far the two criteria agree on the next mask over that layer's ALIVE entries (entries
 * pruned earlier are left out: both criteria keep them pruned). CPU work on saved means and σ only.
 * Chains without a per-weight σ (GD-IMP; ARS and OpenES, whose σ is one number) get NaN and a note; a
 * selection with no per-weight σ at all is refused with that reason.
 */
import { int } from '../../params';
import { layerIndexOf, type SigmaKind } from '../correlation';
import { meanOverSeeds, roundCorrelation, type RoundCorrelation } from '../run/correlation-by-round';
import { Rng } from '../../rng';
import { fmt, markdownTable, remainingPct } from './report';
import { progressTracker } from './progress';
import { defineAnalysis, type AnalysisReport, type Cell } from './types';

type Summary = ReturnType<typeof meanOverSeeds>;

export interface CorrelationResult {
  readonly layerIndex: number;
  readonly layerName: string;
  readonly rows: readonly RoundCorrelation[];
  /** Mean ± s.e. over seeds per (chain, round), over the rows that have a per-weight σ. */
  readonly summary: {
    readonly pearson: Summary;
    readonly spearman: Summary;
    readonly agreeFrac: Summary;
    readonly survivorIoU: Summary;
  };
  /** Chains whose σ is not per-weight, with what it is ('isotropic' or 'none'). */
  readonly withoutSigma: readonly { readonly method: string; readonly sigma: SigmaKind }[];
}

const SIGMA_WHY: Record<SigmaKind, string> = {
  'per-weight': '',
  isotropic: 'one σ for every weight (e.g. ARS, OpenES): SNR ranks weights exactly as |μ| does',
  none: 'no σ (e.g. GD-IMP)',
};

const options = {
  layer: int(
    -1,
    -1,
    31,
    'Layer',
    'Whose weights to correlate: −1 = the last hidden layer’s incoming weights (the kernel just before the output layer: Dense_0 of a one-hidden-layer MLP, Conv_1 of the paper’s CNN), 0 = the first layer, 1 = the second, …',
  ),
  maxPoints: int(2000, 10, 1_000_000, 'Scatter points', 'Weights drawn per round for the |μ| vs SNR scatter.'),
} as const;

/** The output's file name (without extension). */
const CORRELATION_OUTPUT = 'correlation';

function report(res: CorrelationResult): AnalysisReport {
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
    'sigma',
  ];
  const rows: Cell[][] = res.rows.map((r) => [
    r.method,
    r.seed,
    r.roundNum,
    fmt(r.sparsityFrac),
    res.layerName,
    r.n,
    fmt(r.pearson),
    fmt(r.spearman),
    fmt(r.nextSparsityFrac),
    fmt(r.agreeFrac),
    fmt(r.survivorIoU),
    r.sigma,
  ]);
  const methods = [...new Set(res.rows.filter((r) => r.sigma === 'per-weight').map((r) => r.method))];
  const rounds = [...new Set(res.rows.map((r) => r.roundNum))].sort((a, b) => a - b);
  const cell = (list: Summary, m: string, k: number) => {
    const s = list.find((x) => x.method === m && x.roundNum === k);
    return !s || !s.n ? '' : s.n > 1 ? `${fmt(s.mean, 3)} ± ${fmt(s.se, 3)}` : fmt(s.mean, 3);
  };
  const table: Cell[][] = rounds.map((k) => [
    k,
    fmt(remainingPct(res.rows.find((x) => x.roundNum === k)!.sparsityFrac), 1),
    ...methods.flatMap((m) => [
      cell(res.summary.pearson, m, k),
      cell(res.summary.spearman, m, k),
      cell(res.summary.agreeFrac, m, k),
      cell(res.summary.survivorIoU, m, k),
    ]),
  ]);
  const nSeeds = new Set(res.rows.map((r) => r.seed)).size;
  const left = res.withoutSigma.map((w) => `${w.method} (${SIGMA_WHY[w.sigma]})`).join('; ');
  return {
    files: [
      {
        name: CORRELATION_OUTPUT,
        header,
        rows,
        json: {
          layer: res.layerName,
          layerIndex: res.layerIndex,
          note:
            'Pearson/Spearman of |μ| vs |μ|/σ over the alive kernel entries of the layer; agree_frac and survivor_iou compare ' +
            "the two criteria's next masks over the layer's alive entries only (docs/ALGORITHMS.md §8.1)",
          withoutSigma: res.withoutSigma,
          results: res.rows,
          summary: res.summary,
        },
      },
    ],
    markdown: [
      `### Magnitude–SNR correlation per round over ${res.layerName} (alive kernel entries; ${nSeeds} seed${nSeeds > 1 ? 's, mean ± s.e.' : ''})`,
      "agree: share of the layer's alive weights on which magnitude and SNR make the same next-round keep/prune decision (weights pruned earlier are not counted); IoU: overlap of the two next masks' survivors in the layer." +
        (left ? ` Left out, no per-weight σ: ${left}.` : ''),
      '',
      markdownTable(
        [
          'round',
          'remaining %',
          ...methods.flatMap((m) => [`${m}: Pearson`, `${m}: Spearman`, `${m}: agree`, `${m}: IoU`]),
        ],
        table,
      ),
      '',
    ].join('\n'),
  };
}

export const correlationAnalysis = defineAnalysis({
  id: 'correlation',
  label: 'Magnitude–SNR correlation',
  summary:
    'magnitude vs SNR Pearson/Spearman per round over one layer, and how far the two criteria agree on the alive weights (docs/ALGORITHMS.md §8)',
  explain:
    'Do the two pruning rules keep the same weights? For each round and one layer, the lab compares every remaining weight’s size |μ| with its signal-to-noise ratio |μ|/σ ' +
    '(Pearson and Spearman correlation: 1 = they rank the weights alike) and counts how often both rules would keep or prune the same weight next (docs/ALGORITHMS.md §8).',
  options,
  layerOptions: ['layer'],
  select: { chains: 'many', prefer: ['magnitude', 'snr'], compare: false },
  needs: { evaluation: false, std: true },
  async run(ctx, o): Promise<CorrelationResult> {
    const layers = ctx.net.layers;
    const layerIndex = layerIndexOf(o.layer, layers);
    const records = [...ctx.runs[0].records].sort(
      (a, b) => a.method.localeCompare(b.method) || a.seed - b.seed || a.roundNum - b.roundNum,
    );
    const bar = progressTracker(ctx, records.length);
    const copts = {
      layers,
      layerIndex,
      pruneFrac: ctx.prune.pruneFrac,
      scope: ctx.prune.scope,
      maxPoints: o.maxPoints,
      rng: new Rng(0).split('scatter'),
    };
    const rows: RoundCorrelation[] = [];
    for (const r of records) {
      rows.push(roundCorrelation(r, copts));
      await bar.tick(`${r.method} seed ${r.seed} round ${r.roundNum}`);
    }
    const withoutSigma = [...new Set(rows.filter((r) => r.sigma !== 'per-weight').map((r) => r.method))].map(
      (method) => ({ method, sigma: rows.find((r) => r.method === method && r.sigma !== 'per-weight')!.sigma }),
    );
    if (rows.length && rows.every((r) => r.sigma !== 'per-weight'))
      throw new Error(
        `the magnitude–SNR correlation needs a per-weight σ, and the chosen chains have none: ${withoutSigma
          .map((w) => `${w.method} has ${SIGMA_WHY[w.sigma]}`)
          .join('; ')}`,
      );
    const usable = rows.filter((r) => r.sigma === 'per-weight');
    return {
      layerIndex,
      layerName: layers[layerIndex].name,
      rows,
      summary: {
        pearson: meanOverSeeds(usable, (r) => r.pearson),
        spearman: meanOverSeeds(usable, (r) => r.spearman),
        agreeFrac: meanOverSeeds(usable, (r) => r.agreeFrac),
        survivorIoU: meanOverSeeds(usable, (r) => r.survivorIoU),
      },
      withoutSigma,
    };
  },
  report,
  outputNames: () => [CORRELATION_OUTPUT],
});
