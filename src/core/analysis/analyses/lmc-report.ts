/**
 * Tables of the LMC analysis (docs/ALGORITHMS.md §6): one row per evaluated pair with both barrier
 * readings (the CSV, the panel's table), and the markdown summaries docs/RESULTS.md quotes — per chain,
 * the barrier to the next round, to the first round and across seeds; between two runs, per round.
 */
import type { LmcGroup, LmcNet, LmcResult } from './lmc';
import { fmt, markdownTable, pmCell, remainingByRun, remainingPct } from './report';
import type { AnalysisReport, Cell } from './types';

/** One evaluated pair (network a at α = 0, b at α = 1) with both readings. */
export interface LmcPairRow {
  readonly group: LmcGroup;
  /** "r1–r3", "s0–s1", "magnitude r4–gd_magnitude r4". */
  readonly series: string;
  readonly a: LmcNet;
  readonly b: LmcNet;
  readonly endpointBarrier: number;
  readonly excessBarrier: number;
  readonly connected: boolean | null;
  readonly worstAlpha: number;
  /** Control: B_R / |dense round-1 return of the source|; NaN for vision or when that return is unknown. */
  readonly normalisedBarrier: number;
}

/** Every pair of every group, in group order. */
export function lmcPairRows(res: LmcResult): LmcPairRow[] {
  return res.groups.flatMap((group) =>
    group.matrix.pairs.map(({ i, j, path }) => ({
      group,
      series: `${group.nets[i].label}–${group.nets[j].label}`,
      a: group.nets[i],
      b: group.nets[j],
      endpointBarrier: path.endpointBarrier,
      excessBarrier: path.excessBarrier,
      connected: path.connected,
      worstAlpha: path.worstAlpha,
      normalisedBarrier: path.normalisedBarrier,
    })),
  );
}

/** Plain-words definitions of the two readings (tables, chart notes, JSON). */
export function barrierDefinitions(kind: 'error' | 'return'): { endpoint: string; excess: string } {
  return kind === 'error'
    ? {
        endpoint: 'B = max test error on the path − mean of the two endpoint errors (Frankle et al. 2020)',
        excess: 'excess = max over α of [test error − the straight line between the two endpoint errors]',
      }
    : {
        endpoint: 'B = mean of the two endpoint returns − min return on the path',
        excess: 'excess = max over α of [the straight line between the two endpoint returns − return]',
      };
}

const connectedCell = (c: boolean | null): Cell => (c === null ? '' : c ? 1 : 0);

function connectedLine(res: LmcResult, rows: readonly LmcPairRow[]): string {
  if (res.barrierKind !== 'error') return 'Control task: no connectivity threshold (returns have no common scale).';
  const n = rows.filter((r) => r.connected).length;
  return `Connected (excess < ${100 * res.connectedBelow} % test error): ${n} of ${rows.length} pairs.`;
}

/** Barrier (both readings) between the rounds `ka` and `kb` of one rounds group; undefined if absent. */
function between(g: LmcGroup, ka: number, kb: number): { endpoint: number; excess: number } | undefined {
  const i = g.nets.findIndex((n) => n.roundNum === ka),
    j = g.nets.findIndex((n) => n.roundNum === kb);
  if (i < 0 || j < 0 || i === j) return undefined;
  return { endpoint: g.matrix.endpointBarrier[i][j], excess: g.matrix.excessBarrier[i][j] };
}

function withinRunMarkdown(res: LmcResult): string {
  const defs = barrierDefinitions(res.barrierKind);
  const out: string[] = [];
  for (const method of [...new Set(res.groups.map((g) => g.method))]) {
    const chains = res.groups.filter((g) => g.method === method && g.kind === 'rounds');
    const seedGroups = res.groups.filter((g) => g.method === method && g.kind === 'seeds');
    const rounds = [...new Set([...chains, ...seedGroups].flatMap((g) => g.nets.map((n) => n.roundNum)))].sort(
      (x, y) => x - y,
    );
    const sparsity = (k: number) =>
      [...chains, ...seedGroups].flatMap((g) => g.nets).find((n) => n.roundNum === k)!.sparsityFrac;
    const header = ['round', 'remaining %'];
    if (chains.length) header.push('B(r_k, r_k+1)', 'excess(r_k, r_k+1)', 'B(r_1, r_k)', 'excess(r_1, r_k)');
    if (seedGroups.length) header.push('B across seeds (different θ0)', 'excess across seeds');
    const rows: Cell[][] = rounds.map((k) => {
      const row: Cell[] = [`r${k}`, fmt(remainingPct(sparsity(k)), 1)];
      if (chains.length) {
        const next = chains.map((g) => {
          const ks = g.nets.map((n) => n.roundNum);
          const at = ks.indexOf(k);
          return at >= 0 && at + 1 < ks.length ? between(g, k, ks[at + 1]) : undefined;
        });
        const first = chains.map((g) => between(g, g.nets[0].roundNum, k));
        const col = (xs: typeof next, f: 'endpoint' | 'excess') =>
          pmCell(xs.filter((x) => x !== undefined).map((x) => x[f]));
        row.push(col(next, 'endpoint'), col(next, 'excess'), col(first, 'endpoint'), col(first, 'excess'));
      }
      if (seedGroups.length) {
        const g = seedGroups.find((s) => s.roundNum === k);
        const pairs = g?.matrix.pairs ?? [];
        row.push(pmCell(pairs.map((p) => p.path.endpointBarrier)), pmCell(pairs.map((p) => p.path.excessBarrier)));
      }
      return row;
    });
    const seeds = new Set([...chains, ...seedGroups].flatMap((g) => g.nets.map((n) => n.seed))).size;
    const pairRows = lmcPairRows({ ...res, groups: [...chains, ...seedGroups] });
    out.push(
      `### LMC barriers, ${method} chain (${seeds} seed${seeds === 1 ? '' : 's'}; mean ± s.e. over seeds / seed pairs)`,
      `${defs.endpoint}; ${defs.excess}. ${connectedLine(res, pairRows)}` +
        (seedGroups.length
          ? ' Seeds start from different θ0, so barriers across seeds are expected for any optimiser.'
          : ''),
      '',
      markdownTable(header, rows),
      '',
    );
  }
  return out.join('\n');
}

function betweenRunsMarkdown(res: LmcResult): string {
  const defs = barrierDefinitions(res.barrierKind);
  const groups = res.groups;
  const [ma, mb] = [groups[0].method, groups[0].methodB ?? ''];
  const perfName = res.barrierKind === 'error' ? 'acc' : 'return';
  const rounds = [...new Set(groups.map((g) => g.roundNum!))].sort((x, y) => x - y);
  // nets[0] is run A's network of the group, nets[1] run B's.
  const { pct, note } = remainingByRun(
    rounds,
    (run, k) => groups.find((g) => g.roundNum === k)?.nets[run].sparsityFrac,
  );
  const rows = rounds.map((k) => {
    const at = groups.filter((g) => g.roundNum === k);
    const paths = at.map((g) => g.matrix.pairs[0].path);
    const conn = paths.filter((p) => p.connected).length;
    return [
      `r${k}`,
      pct(0, k),
      pct(1, k),
      pmCell(at.map((g) => g.nets[0].perf)),
      pmCell(at.map((g) => g.nets[1].perf)),
      pmCell(paths.map((p) => p.endpointBarrier)),
      pmCell(paths.map((p) => p.excessBarrier)),
      res.barrierKind === 'error' ? `${conn}/${paths.length}` : '',
    ];
  });
  const nSeeds = new Set(groups.map((g) => g.seed)).size;
  const [la, lb] = res.runLabels;
  return [
    `### LMC between runs: ${ma} (A, ${la}) vs ${mb} (B, ${lb}), same seed and round (${nSeeds} seed${nSeeds > 1 ? 's' : ''}; mean ± s.e.)`,
    `${defs.endpoint}; ${defs.excess}. ${connectedLine(res, lmcPairRows(res))}`,
    '',
    markdownTable(
      [
        'round',
        'remaining % A',
        'remaining % B',
        `${perfName} A (${ma})`,
        `${perfName} B (${mb})`,
        'B(A, B)',
        'excess(A, B)',
        'connected seeds',
      ],
      rows,
    ),
    ...(note ? ['', note] : []),
    '',
  ].join('\n');
}

/** The output's file name (without extension): `lmc`, or `lmc-runs-<B>` for two runs. */
export const lmcOutputName = (runLabels: readonly string[]): string =>
  runLabels.length > 1 ? `lmc-runs-${runLabels[1]}` : 'lmc';

export function lmcReport(res: LmcResult): AnalysisReport {
  const defs = barrierDefinitions(res.barrierKind);
  const pairs = lmcPairRows(res);
  const json = {
    barriers: {
      ...defs,
      connected: `excess barrier < ${res.connectedBelow} (classification only)`,
      normalised:
        'control only: B / |dense round-1 return| of the source chain and seed (run A; two seeds: the mean of their two)',
    },
    denseReturns: res.denseReturns,
    connectedBelow: res.connectedBelow,
    points: res.points,
    extended: res.extended,
    alphas: res.alphas,
    runs: res.runLabels,
    results: res.groups.map((g) => ({
      kind: g.kind,
      method: g.method,
      methodB: g.methodB,
      seed: g.seed,
      roundNum: g.roundNum,
      nets: g.nets,
      endpointBarrier: g.matrix.endpointBarrier,
      excessBarrier: g.matrix.excessBarrier,
      paths: g.matrix.pairs.map((p) => ({
        i: p.i,
        j: p.j,
        perf: p.path.perf,
        loss: p.path.loss,
        normalisedBarrier: p.path.normalisedBarrier,
      })),
    })),
  };
  // Both tables end with the two networks' sparsity and performance, then the pair's barrier readings
  // (normalised_barrier came later, so it is last: existing columns keep their positions).
  const tail = (p: LmcPairRow): Cell[] => [
    fmt(p.a.sparsityFrac),
    fmt(p.b.sparsityFrac),
    fmt(p.a.perf),
    fmt(p.b.perf),
    fmt(p.endpointBarrier),
    fmt(p.excessBarrier),
    connectedCell(p.connected),
    fmt(p.worstAlpha, 3),
    fmt(p.normalisedBarrier),
  ];
  const tailCols = [
    'sparsity_a',
    'sparsity_b',
    'perf_a',
    'perf_b',
    'endpoint_barrier',
    'excess_barrier',
    'connected',
    'worst_alpha',
    'normalised_barrier',
  ];
  if (res.runLabels.length > 1) {
    return {
      files: [
        {
          name: lmcOutputName(res.runLabels),
          header: ['seed', 'round', ...tailCols],
          rows: pairs.map((p) => [p.a.seed, p.a.roundNum, ...tail(p)]),
          json: { ...json, methodA: res.groups[0].method, methodB: res.groups[0].methodB },
        },
      ],
      markdown: betweenRunsMarkdown(res),
    };
  }
  return {
    files: [
      {
        name: lmcOutputName(res.runLabels),
        header: ['method', 'pair', 'seed_a', 'seed_b', 'round_a', 'round_b', ...tailCols],
        rows: pairs.map((p) => [
          p.group.method,
          p.group.kind,
          p.a.seed,
          p.b.seed,
          p.a.roundNum,
          p.b.roundNum,
          ...tail(p),
        ]),
        json,
      },
    ],
    markdown: withinRunMarkdown(res),
  };
}
