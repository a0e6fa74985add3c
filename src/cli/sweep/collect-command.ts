/**
 * `lab sweep collect DIR [--bundles] [--baseline ID]`: gathers what a sweep folder holds — complete and
 * partly run runs alike, so it works while a sweep is still running or after some runs failed — merges
 * each configuration's seeds into DIR/configs/<config id> (`lab merge`), writes DIR/summary.csv and
 * DIR/summary.md (sweep-summary.ts), and with --bundles one run bundle per configuration,
 * DIR/bundles/<config id>.json.gz (`lab bundle`), which the browser's Runs tab imports as one sweep.
 * It reads the runs and writes only derived files; no run folder is changed. A merged folder is made
 * again only when its runs changed, and keeps what was put into it (merged-folder.ts); a summary.csv or
 * summary.md that is not the lab's as it wrote it is refused before anything is done (summary-files.ts),
 * and so, with --bundles, is a file at a bundle's path that is not the lab's bundle of that configuration
 * (bundle-files.ts); bundles this collect did not write — all of them without --bundles — are named in a
 * note, since they may no longer match summary.md.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, relative } from 'node:path';
import type { RoundPerf } from '../../core/analysis/summary';
import { CliError, commandLine } from '../args';
import { bundleOfFolder, checkedBundleBytes } from '../bundle-command';
import { readRounds } from '../summarize-command';
import { mergeConfig } from './merged-folder';
import { loadSweepContent, parseSweepText } from './read-sweep';
import { runState, SweepDir } from './sweep-dir';
import { summaryCsv, summaryMd, type CollectedConfig } from './sweep-summary';
import { checkSummaries, writeSummaries } from './summary-files';
import { checkBundles, writeBundle } from './bundle-files';
import type { SweepSubcommand } from './sweep-command';
import type { SweepConfiguration, SweepPlan } from '../../core/sweep/expand';

/**
 * The note on bundles/*.json.gz that this collect did not write (`written`: those it did; null: it ran
 * without --bundles), or null when there are none. They are left as they are: collect cannot be sure
 * that a file there is its own.
 */
async function otherBundlesNote(
  dir: SweepDir,
  written: ReadonlySet<string> | null,
  plan: SweepPlan,
): Promise<string | null> {
  const folder = dirname(dir.bundlePath(''));
  const names = (await readdir(folder).catch(() => [] as string[]))
    .filter((f) => f.endsWith('.json.gz') && !written?.has(f))
    .sort();
  if (!names.length) return null;
  const list = `${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}`;
  return written
    ? `note: ${folder} also holds ${names.length} bundle${names.length > 1 ? 's' : ''} this collect did not write (${list}): ` +
        `no configuration of sweep ${plan.name} with finished rounds has that id now; left as they are — move them away ` +
        `so that importing the folder does not take them`
    : `note: ${folder} holds ${names.length} bundle${names.length > 1 ? 's' : ''} from an earlier collect (${list}), not ` +
        `refreshed now: they may not match summary.md — run lab sweep collect ${dir.root} --bundles to refresh them`;
}

async function collectConfig(
  dir: SweepDir,
  plan: SweepPlan,
  config: SweepConfiguration,
  command: string,
): Promise<CollectedConfig & { missing: number }> {
  const runs = plan.runs.filter((r) => r.configIndex === config.index);
  const seedsComplete: number[] = [],
    seedsPartial: number[] = [],
    withRounds: string[] = [];
  let missing = 0;
  for (const r of runs) {
    const folder = dir.runDir(r.runId);
    const state = await runState(folder, r.config);
    if (state.state === 'complete') seedsComplete.push(r.seed);
    else if (state.state === 'partial' && state.done > 0) seedsPartial.push(r.seed);
    else {
      if (state.state === 'foreign') process.stderr.write(`note: left out: ${state.message}\n`);
      missing++;
      continue;
    }
    withRounds.push(folder);
  }
  const rows: RoundPerf[] = (await Promise.all(withRounds.map(readRounds))).flat();
  let folder: string | null = withRounds[0] ?? null;
  if (withRounds.length > 1) {
    folder = dir.configDir(config.configId);
    await mkdir(dir.configDir(''), { recursive: true });
    const note = await mergeConfig(withRounds, folder, relative(dir.root, folder), command);
    if (note) process.stderr.write(`${note}\n`);
  }
  return {
    config,
    rows,
    seedsComplete,
    seedsPartial,
    folder: folder && relative(dir.root, folder),
    missing,
  };
}

export const collectCommand: SweepSubcommand = {
  usage: 'collect DIR [--bundles] [--baseline random_reinit]',
  summary: 'merge the seeds of every configuration, write summary.csv and summary.md (and bundles/ with --bundles)',
  details: [
    'a merged folder is made again only when its runs changed, keeping the files put into it (named in a note)',
  ],
  flags: new Set(['bundles', 'baseline']),
  async run(root, flags, argv) {
    const dir = new SweepDir(root);
    let text: string;
    try {
      text = await readFile(dir.specPath, 'utf8');
    } catch {
      throw new CliError(`${dir.specPath} not found: is ${root} a sweep folder (written by lab sweep run or slurm)?`);
    }
    // The lab wrote this file: read as stored data (read-sweep.ts).
    const { plan } = loadSweepContent(parseSweepText(text, dir.specPath), dir.specPath, { stored: true });
    // Before any merge: a refused collect has changed nothing.
    await checkSummaries(root);
    const bundles = flags.get('bundles') === 'true' ? new Set<string>() : null;
    if (bundles)
      await checkBundles(
        dir,
        plan.configs.map((c) => c.configId),
      );
    const command = commandLine(argv);
    const collected: (CollectedConfig & { missing: number })[] = [];
    for (const c of plan.configs) collected.push(await collectConfig(dir, plan, c, command));
    const counts = {
      complete: collected.reduce((s, c) => s + c.seedsComplete.length, 0),
      partial: collected.reduce((s, c) => s + c.seedsPartial.length, 0),
      missing: collected.reduce((s, c) => s + c.missing, 0),
    };
    if (!collected.some((c) => c.rows.length))
      throw new CliError(`no run of sweep ${plan.name} in ${root} has finished a round yet`, 1);

    const md = summaryMd(plan, collected, counts, flags.get('baseline') ?? 'random_reinit');
    const written = await writeSummaries(root, summaryCsv(plan, collected), md);
    if (bundles) {
      await mkdir(`${root}/bundles`, { recursive: true });
      for (const c of collected) {
        if (!c.folder) continue;
        const out = dir.bundlePath(c.config.configId);
        const bundle = await bundleOfFolder(`${root}/${c.folder}`, {
          command,
          label: `${plan.name}: ${c.config.label}`.slice(0, 200),
        });
        await writeBundle(dir, c.config.configId, checkedBundleBytes(bundle, out).bytes);
        bundles.add(basename(out));
      }
      written.push(`${root}/bundles/ (${bundles.size} bundles)`);
    }
    const note = await otherBundlesNote(dir, bundles, plan);
    if (note) process.stderr.write(`${note}\n`);
    process.stdout.write(md + `\nwrote ${written.join(', ')}\n`);
  },
};
