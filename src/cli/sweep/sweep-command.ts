/**
 * `lab sweep plan|run|collect|slurm`: many runs of one experiment family from a sweep file
 * (core/sweep/sweep-spec.ts), on this machine or as a Slurm job array. A sweep is only many `lab imp`
 * runs (one per configuration and seed, each its own run folder) plus a summary table; docs/SWEEPS.md
 * is the how-to.
 */
import { CliError, refuseUnknownFlags } from '../args';
import { planCommand } from './plan-command';
import { runCommand } from './run-command';
import { collectCommand } from './collect-command';
import { slurmCommand } from './slurm-command';

export interface SweepSubcommand {
  /** One usage line, e.g. "plan FILE [--out DIR]". */
  readonly usage: string;
  readonly summary: string;
  /** Further lines of `lab --help` under the summary. */
  readonly details?: readonly string[];
  readonly flags: ReadonlySet<string>;
  run(target: string, flags: Map<string, string>, argv: readonly string[]): Promise<void>;
}

export const SWEEP_SUBCOMMANDS: Readonly<Record<string, SweepSubcommand>> = {
  plan: planCommand,
  run: runCommand,
  collect: collectCommand,
  slurm: slurmCommand,
};

export async function sweepCommand(
  flags: Map<string, string>,
  argv: readonly string[],
  positionals: readonly string[],
): Promise<void> {
  const [sub, target, ...extra] = positionals;
  const usage = Object.values(SWEEP_SUBCOMMANDS)
    .map((s) => `  lab sweep ${s.usage}`)
    .join('\n');
  const cmd = sub === undefined ? undefined : SWEEP_SUBCOMMANDS[sub];
  if (!cmd) throw new CliError(`${sub ? `unknown sweep command "${sub}"` : 'sweep needs a command'}; usage:\n${usage}`);
  // First, so that a misspelt flag that took the next word as its value is named as that, not as a missing FILE.
  refuseUnknownFlags(flags, cmd.flags, `sweep ${sub}`);
  if (!target || target === 'true')
    throw new CliError(
      `sweep ${sub} needs ${sub === 'collect' ? 'the sweep folder' : 'a sweep file'}: lab sweep ${cmd.usage}`,
    );
  if (extra.length) throw new CliError(`unexpected argument "${extra[0]}" (lab sweep ${cmd.usage})`);
  await cmd.run(target, flags, argv);
}
