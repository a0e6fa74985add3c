/**
 * GD flags of the CLI, generated from the GD ParamSpecs (docs/ARCHITECTURE.md convention 4): --optimizer, --lr,
 * --momentum, --batch-size, --epochs. They are taken out of the flag map before the rest goes to
 * configFromFlags, and validated by the GD options schema; errors name the flag the user typed.
 * A run trained with GD refuses the flags that only its ES side would read, and one trained with an ES
 * the GD flags: such a flag changes nothing, or only the run id (so `lab merge` would keep the run apart
 * from its twins).
 */
import { gdParamSpecs, parseGdOptions, type GdOptions } from '../../core/experiments/gd/gd-options';
import { rangeText } from '../../core/params';
import { CliError, coerce } from '../args';

/** camelCase param → kebab-case flag (batchSize → batch-size). */
const flagOf = (param: string) => param.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The GD flags' names (`epochs`, `batch-size`, …), for the messages that list a command's flags. */
export const GD_FLAG_NAMES: readonly string[] = Object.keys(gdParamSpecs).map(flagOf);

/** Splits GD options off the flags; returns validated options and the remaining flags. */
export function gdOptionsFromFlags(
  flags: Map<string, string>,
  defaults: Partial<GdOptions> = {},
): { options: GdOptions; rest: Map<string, string> } {
  const given: Record<string, unknown> = { ...defaults };
  const rest = new Map(flags);
  for (const param of Object.keys(gdParamSpecs)) {
    const flag = flagOf(param);
    if (rest.has(flag)) {
      given[param] = coerce(rest.get(flag)!);
      rest.delete(flag);
    }
  }
  try {
    return { options: parseGdOptions(given), rest };
  } catch (e) {
    throw new CliError((e as Error).message.replace(/gd\.([A-Za-z]+)/g, (_, p: string) => `--${flagOf(p)}`));
  }
}

/**
 * Flags that only ES training reads. GD training (core/experiments/gd/train-gd.ts) uses the config's task,
 * network, pruning and seeds; the ES, its budget and its evaluation threads are never read.
 */
const ES_ONLY_FLAGS: Readonly<Record<string, string>> = {
  es: 'chooses the evolution strategy',
  popsize: 'sets the ES population size',
  gens: 'sets the ES generations per round',
  'eval-every': 'sets how often ES training is tested (GD tests after every epoch)',
  'mean-decay': 'sets the ES mean decay',
  'centered-rank': 'sets the ES fitness shaping',
  'sigma-mode': 'chooses the Sep-CMA-ES σ',
  workers: 'splits the ES population over threads',
  'report-every': 'sets how often ES progress is reported',
};

/** Task params only the ES fitness reads: GD takes the pool and the test subset (setup-gd.ts), batches its own. */
const ES_ONLY_TASK_PARAMS: Readonly<Record<string, string>> = {
  batchSize: "sets the ES fitness batch (GD's is --batch-size)",
  batchSampling: 'sets how the ES fitness batch is drawn',
};

const own = (o: Readonly<Record<string, string>>, k: string) =>
  Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;

/** Refuses the flags `who` (a command that trains with GD: "lab gd") would ignore, saying what they are for. */
export function refuseEsOnlyFlags(flags: Map<string, string>, who: string): void {
  for (const k of flags.keys()) {
    const what =
      own(ES_ONLY_FLAGS, k) ??
      (k.startsWith('es.') ? 'sets a parameter of the ES' : undefined) ??
      (k.startsWith('task.') ? own(ES_ONLY_TASK_PARAMS, k.slice('task.'.length)) : undefined);
    if (what)
      throw new CliError(
        `--${k} ${what}, and ${who} trains with gradient descent, which does not use it ` +
          `(GD is set by ${Object.keys(gdParamSpecs)
            .map((p) => `--${flagOf(p)}`)
            .join(', ')})`,
      );
  }
}

/** Refuses GD flags where `who` (e.g. "this transfer") trains with an ES; `hint` says how to train with GD. */
export function refuseGdFlags(flags: Map<string, string>, who: string, hint: string): void {
  const given = Object.keys(gdParamSpecs)
    .map(flagOf)
    .filter((f) => flags.has(f));
  if (given.length)
    throw new CliError(`--${given[0]} is a gradient-descent setting, and ${who} trains with an ES (${hint})`);
}

/** The flags refuseEsOnlyFlags refuses, as `lab gd`'s help lists them: "--es --popsize … --es.<param> --task.batchSize …". */
export function esOnlyFlagsHelp(): string {
  const flags = [
    ...Object.keys(ES_ONLY_FLAGS),
    'es.<param>',
    ...Object.keys(ES_ONLY_TASK_PARAMS).map((p) => `task.${p}`),
  ];
  return flags.map((f) => `--${f}`).join(' ');
}

/** One help line per GD flag, from the specs (shown by `lab --help`). */
export function gdFlagsHelp(): string[] {
  return Object.entries(gdParamSpecs).map(
    ([k, s]) => `  --${flagOf(k).padEnd(12)} ${s.label} (default ${String(s.default)}; ${rangeText(s)})`,
  );
}
