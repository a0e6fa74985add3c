/**
 * `lab tour-evidence --recipe FILE --out FILE.json`: writes the paper tour's analysis file (the barriers,
 * sharpness and transfer results its steps show) from tables the analysis commands already wrote. The
 * recipe (JSON, paths relative to the current folder) names each table and how to read it; every table is
 * read and checked, and the result validated against the tour's own parser, before the output is written
 * (to a temporary name, then renamed). The output is derived data: rerunning replaces it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { parseCsv } from '../core/runs/csv-format';
import {
  lmcRowsEsVsGd,
  lmcRowsWithinRun,
  roundResults,
  sharpnessRows,
  transferRows,
} from '../core/tour/analysis-from-tables';
import { parseTourAnalysis, TOUR_ANALYSIS_FORMAT, TOUR_ANALYSIS_VERSION } from '../core/tour/analysis-file';
import type { TourAnalysis } from '../core/tour/analysis-file';
import { CliError, pathFlag } from './args';
import { writeFileAtomic } from './fs-safe';

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
});

async function table(path: string) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(`tour-evidence: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  return parseCsv(text, path);
}

const roundsOf = async (dirs: readonly string[]) =>
  (await Promise.all(dirs.map((d) => table(join(d, 'rounds.csv'))))).flatMap(roundResults);

export async function tourEvidenceCommand(flags: Map<string, string>): Promise<void> {
  for (const k of flags.keys())
    if (k !== 'recipe' && k !== 'out') throw new CliError(`tour-evidence: unknown flag --${k} (known: --recipe --out)`);
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
  };
  const text = JSON.stringify(analysis) + '\n';
  const check = parseTourAnalysis(text); // what the tour will read: refuse to write a file it would refuse
  if (!check.ok) throw new CliError(`tour-evidence: the result would not load in the tour: ${check.message}`);
  await writeFileAtomic(out, text);
  process.stdout.write(
    `tour analysis → ${out}: ${lmc.length} barrier rows, ${sharpness.length} sharpness rows, ` +
      `${transfer.length} transfer rows (${(text.length / 1024).toFixed(1)} KiB)\n`,
  );
}
