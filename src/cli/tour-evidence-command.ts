/**
 * `lab tour-evidence --recipe FILE --out FILE.json`: writes the paper tour's analysis file (the barriers,
 * sharpness, transfer, ES-vs-GD, weight, correlation and cross-task results its steps show) from run
 * folders and the tables the analysis commands already wrote. The recipe (JSON, paths relative to the
 * current folder) names each table or run and how to read it; every input is read and checked, and the
 * result validated against the tour's own parser, before the output is written (to a temporary name, then
 * renamed). The output is derived data: rerunning replaces it.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { lmcRowsEsVsGd, lmcRowsWithinRun, sharpnessRows, transferRows } from '../core/tour/analysis-from-tables';
import { correlationRows, crossTaskRows, curveRows, weightsRows } from '../core/tour/analysis-from-runs';
import { metricOf } from '../core/tour/run-curves';
import { parseTourAnalysis, TOUR_ANALYSIS_FORMAT, TOUR_ANALYSIS_VERSION } from '../core/tour/analysis-file';
import type { TourAnalysis, WeightsRow } from '../core/tour/analysis-file';
import { CliError, pathFlag, refuseUnknownFlags } from './args';
import { writeFileAtomic } from './fs-safe';
import { roundsOfRun, table, taskRun, trainerOf } from './tour-evidence-runs';

const chain = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);
const recipeSchema = z.strictObject({
  title: z.string().max(200),
  metric: z.enum(['accuracy', 'return']),
  /** The commands that made the tables (shown in the tour as provenance). */
  commands: z.array(z.string().max(2000)).max(200),
  lmc: z
    .array(
      z.union([
        z.strictObject({ csv: z.string() }),
        z.strictObject({ csv: z.string(), chain, chainB: chain }), // an lmc-runs-*.csv: ES chain vs GD chain
      ]),
    )
    .default([]),
  sharpness: z.array(z.strictObject({ csv: z.string(), norm: z.enum(['none', 'filter', 'layer']) })).default([]),
  transfer: z
    .array(
      z.strictObject({
        runs: z.array(z.string()).min(1),
        kind: z.enum(['task', 'strategy', 'es-to-gd', 'gd-to-es']),
        label: z.string().min(1).max(80),
        ticket: chain,
        baseline: chain,
        native: z.strictObject({ runs: z.array(z.string()).min(1), chain }).optional(),
      }),
    )
    .default([]),
  /** Run folders (ES or `lab gd`) whose accuracy per round the tour draws side by side; `chains` narrows them. */
  curves: z
    .array(z.strictObject({ runs: z.array(z.string()).min(1), chains: z.array(chain).min(1).optional() }))
    .default([]),
  /** weights*.csv of `lab weights`; `gdRun` is the GD run folder whose `gd_` chains the table holds. */
  weights: z.array(z.strictObject({ csv: z.string(), gdRun: z.string().optional() })).default([]),
  /** correlation.csv of `lab correlation`. */
  correlation: z.array(z.strictObject({ csv: z.string() })).default([]),
  /** One task each: a run folder (`run`) or a precomputed run bundle (`bundle`) with a ticket and random/reinit. */
  crossTask: z
    .array(
      z
        .strictObject({
          task: z.string().min(1).max(60),
          setting: z.string().min(1).max(120),
          run: z.string().optional(),
          bundle: z.string().optional(),
          ticket: chain.optional(),
          baseline: chain.optional(),
        })
        .refine((x) => (x.run === undefined) !== (x.bundle === undefined), 'give exactly one of "run" and "bundle"'),
    )
    .default([]),
  /** Tasks of the paper's claim that were not run (or whose runs were not kept), with the reason. */
  crossTaskMissing: z
    .array(z.strictObject({ task: z.string().min(1).max(60), note: z.string().min(1).max(300) }))
    .default([]),
});

const roundsOf = async (dirs: readonly string[]) => (await Promise.all(dirs.map(roundsOfRun))).flat();

/** Rows of a weights table; ES rows that several tables share (the same ES run beside several GD runs) once. */
async function weightsOf(specs: readonly { csv: string; gdRun?: string }[]): Promise<WeightsRow[]> {
  const seen = new Set<string>();
  const out: WeightsRow[] = [];
  for (const s of specs) {
    const gd = s.gdRun ? await trainerOf(s.gdRun, 'weights.gdRun') : null;
    const rows = weightsRows(await table(s.csv), (c) => {
      if (!c.startsWith('gd_')) return { trainer: 'es' };
      if (!gd) throw new CliError(`tour-evidence: ${s.csv} has gradient-descent chains: name their run as "gdRun"`);
      return gd;
    });
    for (const r of rows) {
      const key = [r.trainer, r.epochs, r.chain, r.seed, r.roundNum, r.layer].join('/');
      if (!seen.has(key)) out.push(r);
      seen.add(key);
    }
  }
  return out;
}

export async function tourEvidenceCommand(flags: Map<string, string>): Promise<void> {
  refuseUnknownFlags(flags, ['recipe', 'out'], 'tour-evidence');
  const recipePath = pathFlag(flags, 'recipe', 'a recipe file (JSON)');
  const out = pathFlag(flags, 'out', 'the analysis file to write, e.g. public/precomputed/mnist-quick.analysis.json');
  if (!recipePath || !out) throw new CliError('tour-evidence needs --recipe FILE and --out FILE');
  let json: unknown;
  try {
    json = JSON.parse(await readFile(recipePath, 'utf8'));
  } catch (e) {
    throw new CliError(`tour-evidence: ${recipePath} is not a readable JSON file (${(e as Error).message})`);
  }
  const parsed = recipeSchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new CliError(`tour-evidence: ${recipePath}: ${i.path.join('.') || 'the recipe'}: ${i.message}`);
  }
  const r = parsed.data;
  const lmc = (
    await Promise.all(
      r.lmc.map(async (s) =>
        'chain' in s ? lmcRowsEsVsGd(await table(s.csv), s.chain, s.chainB) : lmcRowsWithinRun(await table(s.csv)),
      ),
    )
  )
    .flat()
    // the tour reads consecutive rounds and round 1 → k; every other pair of rounds would only add size
    .filter((x) => x.pair !== 'rounds' || x.roundB === x.roundA + 1 || x.roundA === 1);
  const sharpness = (await Promise.all(r.sharpness.map(async (s) => sharpnessRows(await table(s.csv), s.norm)))).flat();
  const transfer = (
    await Promise.all(
      r.transfer.map(async (s) =>
        transferRows(
          await roundsOf(s.runs),
          { kind: s.kind, label: s.label, ticket: s.ticket, baseline: s.baseline, nativeChain: s.native?.chain },
          s.native ? await roundsOf(s.native.runs) : [],
        ),
      ),
    )
  ).flat();
  const curves = (
    await Promise.all(
      r.curves.flatMap((c) =>
        c.runs.map(async (dir) => curveRows(await roundsOfRun(dir), await trainerOf(dir, 'curves.runs'), c.chains)),
      ),
    )
  ).flat();
  const weights = await weightsOf(r.weights);
  const correlation = (await Promise.all(r.correlation.map(async (c) => correlationRows(await table(c.csv))))).flat();
  const crossTask = (
    await Promise.all(
      r.crossTask.map(async (c, i) => {
        const t = await taskRun(c, `crossTask.${i}`);
        return crossTaskRows(t.rounds, t.untrained, { ...c, metric: metricOf(t.config) });
      }),
    )
  ).flat();
  const analysis: TourAnalysis = {
    format: TOUR_ANALYSIS_FORMAT,
    version: TOUR_ANALYSIS_VERSION,
    title: r.title,
    createdAt: new Date().toISOString(),
    commands: r.commands,
    metric: r.metric,
    ...(lmc.length ? { lmc } : {}),
    ...(sharpness.length ? { sharpness } : {}),
    ...(transfer.length ? { transfer } : {}),
    ...(curves.length ? { curves } : {}),
    ...(weights.length ? { weights } : {}),
    ...(correlation.length ? { correlation } : {}),
    ...(crossTask.length ? { crossTask } : {}),
    ...(r.crossTaskMissing.length ? { crossTaskMissing: r.crossTaskMissing } : {}),
  };
  const text = JSON.stringify(analysis) + '\n';
  const check = parseTourAnalysis(text); // what the tour will read: refuse to write a file it would refuse
  if (!check.ok) throw new CliError(`tour-evidence: the result would not load in the tour: ${check.message}`);
  await writeFileAtomic(out, text);
  process.stdout.write(
    `tour analysis → ${out}: ${lmc.length} barrier rows, ${sharpness.length} sharpness rows, ` +
      `${transfer.length} transfer rows, ${curves.length} curve rows, ${weights.length} weight rows, ` +
      `${correlation.length} correlation rows, ${crossTask.length} cross-task rows (${(text.length / 1024).toFixed(1)} KiB)\n`,
  );
}
