/**
 * GD flags of the CLI, generated from the GD ParamSpecs (docs/ARCHITECTURE.md convention 4): --optimizer, --lr,
 * --momentum, --batch-size, --epochs. They are taken out of the flag map before the rest goes to
 * configFromFlags, and validated by the GD options schema; errors name the flag the user typed.
 */
import { gdParamSpecs, parseGdOptions, type GdOptions } from '../../core/experiments/gd/gd-options';
import { rangeText } from '../../core/params';
import { CliError, coerce } from '../args';

/** camelCase param → kebab-case flag (batchSize → batch-size). */
const flagOf = (param: string) => param.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

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

/** One help line per GD flag, from the specs (shown by `lab --help`). */
export function gdFlagsHelp(): string[] {
  return Object.entries(gdParamSpecs).map(
    ([k, s]) => `  --${flagOf(k).padEnd(12)} ${s.label} (default ${String(s.default)}; ${rangeText(s)})`,
  );
}
