/**
 * CLI argument parsing for `npm run lab -- <command> [flags]`. Flags map onto the experiment config; any
 * registry parameter can be set as `--es.<name>`, `--net.<name>`, `--task.<name>` or
 * `--prune.<method>.<name>`. Values are validated by the same zod schema as every other entry point
 * (runs/config.ts), so an error names the flag's field and its allowed range.
 */

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface ParsedArgs {
  readonly command: string | undefined;
  readonly flags: Map<string, string>;
  readonly help: boolean;
  /** Words after the command that are not flags (`sweep plan FILE` → ['plan', 'FILE']). */
  readonly positionals: readonly string[];
}

/** `--key value`, `--key=value` and bare boolean `--flag`. */
export function parseArgv(argv: readonly string[]): ParsedArgs {
  const flags = new Map<string, string>();
  let command: string | undefined;
  const positionals: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      help = true;
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) {
        flags.set(a.slice(2, eq), a.slice(eq + 1));
        continue;
      }
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) flags.set(a.slice(2), 'true');
      else {
        flags.set(a.slice(2), next);
        i++;
      }
      continue;
    }
    if (command === undefined) command = a;
    else positionals.push(a);
  }
  return { command, flags, help, positionals };
}

/** Parses a flag value as number / boolean / string, the way registry params expect it. */
export function coerce(value: string): number | boolean | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

export function intFlag(flags: Map<string, string>, name: string, min: number, max: number): number | undefined {
  const v = flags.get(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliError(`--${name} must be an integer in [${min}, ${max}] (got "${v}")`);
  return n;
}

export function numFlag(flags: Map<string, string>, name: string, min: number, max: number): number | undefined {
  const v = flags.get(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new CliError(`--${name} must be a number in [${min}, ${max}] (got "${v}")`);
  return n;
}

/** A true|false flag: absent → `fallback`; bare `--flag` → true; anything else is refused, naming the flag. */
export function boolFlag(flags: Map<string, string>, name: string, fallback = false): boolean {
  const v = flags.get(name);
  if (v === undefined) return fallback;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new CliError(`--${name} must be true or false (got "${v.slice(0, 40)}")`);
}

/** "0,1,2" or "0-4" → [0,1,2] / [0,1,2,3,4]. */
export function seedList(v: string): number[] {
  const range = /^(\d+)-(\d+)$/.exec(v);
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])];
    if (b < a || b - a > 31) throw new CliError(`--seed range "${v}" must be ascending and at most 32 seeds`);
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  }
  const parts = v.split(',').map((s) => Number(s.trim()));
  if (!parts.length || parts.some((n) => !Number.isInteger(n) || n < 0))
    throw new CliError(`--seed must be integers ≥ 0 like "0", "0,1,2" or "0-2" (got "${v}")`);
  return parts;
}
