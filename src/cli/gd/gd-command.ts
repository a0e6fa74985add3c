/**
 * `lab gd`: GD-IMP (docs/ALGORITHMS.md §4.1, §12 guideline 3) for every seed of a config, written as the
 * same run folder `lab imp` writes, with chain ids gd_<method>, so GD and ES rounds overlay directly.
 *   npm run lab -- gd --preset mnist-quick --rounds 12 --epochs 1 --out DIR
 * Task, network, pruning and seeds come from the usual flags / preset (its ES settings are unused);
 * GD settings from --optimizer --lr --momentum --batch-size --epochs. Default chains: magnitude and
 * random_reinit (the paper's GD grid); --prune picks others (not SNR: GD has no σ).
 */
import './node-gradients';
import { GD_DEFAULT_METHODS, runGdImp } from '../../core/experiments/gd/gd-imp';
import { instantiateGd } from '../../core/experiments/gd/setup-gd';
import { runId } from '../../core/runs/hash';
import { configFromFlags } from '../config-from-flags';
import { summaryTable } from '../imp-command';
import { dataReader, useBackend } from '../node-io';
import { RunFolder } from '../run-folder';
import { ProgressLine } from '../progress';
import { CliError } from '../args';
import { gdOptionsFromFlags } from './gd-flags';
import { RunWriter } from './run-output';

export async function gdCommand(flags: Map<string, string>, argv: readonly string[]): Promise<void> {
  const { options, rest } = gdOptionsFromFlags(flags);
  const base = configFromFlags(rest);
  const methods = rest.has('prune') ? base.prune.methods : [...GD_DEFAULT_METHODS];
  const config = {
    ...base,
    prune: { ...base.prune, methods, params: Object.fromEntries(methods.map((m) => [m, base.prune.params[m] ?? {}])) },
  };
  const id = `gd-${runId({ kind: 'gd', config, gd: options })}`;
  const backend = flags.get('backend') ?? 'wasm';
  await useBackend(backend);
  const folder = new RunFolder(flags.get('out') ?? `runs-out/${id}`);
  await folder.create(config, {
    runId: id,
    kind: 'gd',
    gd: options,
    command: `npm run lab -- ${argv.join(' ')}`,
    backend,
    createdAt: new Date().toISOString(),
  });

  let parts;
  try {
    parts = await instantiateGd(config, dataReader);
  } catch (e) {
    throw new CliError((e as Error).message, 1);
  }
  const { task, net, train } = parts;
  for (const note of task.notes) process.stderr.write(`note: ${note}\n`);
  process.stderr.write(
    `gd run ${id}: ${net.describe}, D=${net.paramCount} (${net.prunableCount} prunable), ${options.optimizer} lr ${options.lr}, batch ${options.batchSize}, ` +
      `${config.prune.rounds} rounds × ${options.epochs} epochs, chains ${methods.map((m) => `gd_${m}`).join(', ')}, seeds ${config.seeds.join(',')} → ${folder.dir}\n`,
  );

  const units = config.seeds.length * (1 + (config.prune.rounds - 1) * methods.length);
  const writer = new RunWriter(folder, new ProgressLine(units, flags.get('quiet') === 'true'));
  try {
    for (const seed of config.seeds) {
      const result = await runGdImp({
        net,
        task,
        train,
        options,
        prune: config.prune,
        seed,
        onEvent: writer.onEvent,
        gate: writer.gate,
      });
      await folder.writeTheta0(seed, result.theta0);
    }
    await writer.flush();
  } finally {
    parts.dispose();
  }
  process.stderr.write('\n');
  process.stdout.write(summaryTable(writer.records) + '\n');
}
