/**
 * The flags of `lab transfer`: one table that the command's parser accepts (refuseUnknownTransferFlags refuses
 * any other flag) and that `lab --help` prints (help.ts), so the two cannot drift apart. Besides these,
 * transfer takes --es.<param> for the target ES and the GD flags for --to-gd (gd-flags.ts).
 */
import { CliError, refuseUnknownFlags } from '../args';
import { FLAG_ALIASES } from '../config-from-flags';
import { ES_PARAM_FLAGS } from '../registry-flags';
import { GD_FLAG_NAMES } from './gd-flags';

export interface TransferFlag {
  readonly flag: string;
  /** What follows the flag in the help ('' for a switch). */
  readonly arg: string;
  /** '' for the flags imp has too: the help lists those on one line. */
  readonly help: string;
}

export const TRANSFER_FLAGS: readonly TransferFlag[] = [
  { flag: 'from', arg: 'DIR', help: 'the source run folder, written by lab imp or lab gd (vision tasks)' },
  {
    flag: 'rounds',
    arg: 'K[,K…]',
    help: 'the source rounds whose tickets are trained, e.g. 4,8,12 (required)',
  },
  {
    flag: 'method',
    arg: 'ID',
    help: 'the source chain the tickets come from (default snr; gd_magnitude for a lab gd folder)',
  },
  { flag: 'to-task', arg: 'ID', help: "train on another task (with the source run's trainer unless --to-es/--to-gd)" },
  { flag: 'to-es', arg: 'ID', help: 'train with another ES (its parameters as --es.<param>)' },
  { flag: 'to-gd', arg: '', help: 'train with gradient descent (the GD flags above)' },
  {
    flag: 'baselines',
    arg: 'true|false',
    help: 'also train the random/reinit baseline at the same sparsity (default true)',
  },
  {
    flag: 'seed',
    arg: 'S | S1,S2 | A-B',
    help: 'the source seeds whose tickets are trained (default: every seed of the run)',
  },
  { flag: 'gens', arg: 'G', help: '' },
  { flag: 'eval-every', arg: 'N', help: '' },
  { flag: 'popsize', arg: 'P', help: '' },
  { flag: 'out', arg: 'DIR', help: '' },
  { flag: 'backend', arg: 'wasm|cpu', help: '' },
  { flag: 'quiet', arg: '', help: '' },
  { flag: 'report-every', arg: 'N', help: '' },
];

/** The flag names transfer accepts (besides --es.<param> and the GD flags). */
export const TRANSFER_FLAG_NAMES: ReadonlySet<string> = new Set(TRANSFER_FLAGS.map((f) => f.flag));

/**
 * Refuses a flag transfer does not take — none of its own, the GD flags (for --to-gd) or --es.<param> (for
 * the target ES) — with the closest one it does (args.ts); before any flag's value is read.
 */
export function refuseUnknownTransferFlags(flags: Map<string, string>): void {
  refuseUnknownFlags(flags, [...TRANSFER_FLAG_NAMES, ...GD_FLAG_NAMES], 'transfer', {
    aliases: FLAG_ALIASES,
    scoped: [ES_PARAM_FLAGS],
  });
}

/** The help lines of transfer's flags: one per flag of its own, then one line with those imp has too. */
export function transferFlagsHelp(): string[] {
  const usage = (f: TransferFlag) => `--${f.flag}${f.arg ? ` ${f.arg}` : ''}`;
  const column = (left: string, right: string) => `  ${left.padEnd(23)} ${right}`;
  return [
    ...TRANSFER_FLAGS.filter((f) => f.help).map((f) => column(usage(f), f.help)),
    column(
      'also, as for imp:',
      TRANSFER_FLAGS.filter((f) => !f.help)
        .map(usage)
        .join('  '),
    ),
    column('', '(described in `lab imp --help`; the target ES budget --gens, --eval-every, --popsize defaults to'),
    column('', "the source run's)"),
  ];
}

/** --rounds: the 1-based source rounds, required (which of a run's rounds to transfer is the experiment). */
export function roundList(v: string | undefined): number[] {
  if (v === undefined || v === 'true')
    throw new CliError('transfer needs --rounds: the source rounds whose tickets to train, e.g. --rounds 4,8,12');
  const rounds = v.split(',').map((s) => (/^\s*\d+\s*$/.test(s) ? Number(s) : NaN));
  if (rounds.some((k) => !Number.isInteger(k) || k < 1))
    throw new CliError(`--rounds must list 1-based source rounds like "4,8,12" (got "${v.slice(0, 40)}")`);
  return rounds;
}
