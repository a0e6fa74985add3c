/**
 * CLI argument parsing for `npm run lab -- <command> [flags]`. Flags map onto the experiment config; any
 * registry parameter can be set as `--es.<name>`, `--net.<name>`, `--task.<name>` or
 * `--prune.<method>.<name>`. Values are validated by the same zod schema as every other entry point
 * (runs/config.ts), so an error names the flag's field and its allowed range.
 */
import { closest } from '../core/runs/config-fields';

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
  /** What each of `positionals` follows, for the refusal of a word a command does not take (strayWordError). */
  readonly before: readonly WordBefore[];
}

/**
 * What came just before a word that is no flag's value: the command or another word, a switch (which takes
 * no value), or a flag that already took its value (`--seed 0 1`: "1" follows `--seed 0`).
 */
export type WordBefore =
  | { readonly kind: 'word' }
  | { readonly kind: 'switch'; readonly flag: string }
  | { readonly kind: 'value'; readonly typed: string };

/** Switches: on when present, they never take the next word as their value (`--quiet imp …`). */
export const SWITCHES: ReadonlySet<string> = new Set(['quiet', 'to-gd', 'raw', 'extended']);

/** `--key value`, `--key=value` and bare boolean `--flag`; a flag given twice is refused. */
export function parseArgv(argv: readonly string[]): ParsedArgs {
  const flags = new Map<string, string>();
  let command: string | undefined;
  const positionals: string[] = [];
  const before: WordBefore[] = [];
  let last: WordBefore = { kind: 'word' };
  let help = false;
  const set = (name: string, value: string) => {
    if (name === '') throw new CliError(`"--" must be followed by a flag name`);
    if (flags.has(name)) throw new CliError(`--${name} is given twice (give each flag once)`);
    flags.set(name, value);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      help = true;
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) {
        set(a.slice(2, eq), a.slice(eq + 1));
        last = { kind: 'value', typed: a };
        continue;
      }
      const name = a.slice(2);
      const next = argv[i + 1];
      const takesNext =
        next !== undefined && !next.startsWith('--') && (!SWITCHES.has(name) || next === 'true' || next === 'false');
      if (!takesNext) {
        set(name, 'true');
        last = SWITCHES.has(name) ? { kind: 'switch', flag: a } : { kind: 'word' };
      } else {
        set(name, next);
        last = { kind: 'value', typed: `${a} ${next}` };
        i++;
      }
      continue;
    }
    if (command === undefined) command = a;
    else {
      positionals.push(a);
      before.push(last);
    }
    last = { kind: 'word' };
  }
  return { command, flags, help, positionals, before };
}

/**
 * The refusal of the first word after the command of `args` that is no flag's value, for a command that
 * takes flags only. Named like an unknown flag (`imp: …`), and with what it follows, since that is where
 * the slip usually is: a switch given a value (`--quiet yes`), a flag given two (`--seed 0 1`).
 */
export function strayWordError(args: ParsedArgs): CliError {
  const who = args.command ?? 'lab';
  const word = args.positionals[0];
  const before = args.before[0] ?? { kind: 'word' };
  const start = `${who}: unexpected argument "${word}"`;
  if (before.kind === 'switch')
    return new CliError(`${start} after ${before.flag}, which takes no value (give ${before.flag} alone to set it)`);
  if (before.kind === 'value')
    return new CliError(`${start} after ${before.typed}: a flag takes one value (a list is one word, with commas)`);
  return new CliError(`${start}: ${who} takes flags only, each starting with -- (see npm run lab -- ${who} --help)`);
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Parses a flag value as number / boolean / string, the way registry params expect it. */
export function coerce(value: string): number | boolean | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  const t = value.trim();
  return DECIMAL.test(t) && Number.isFinite(Number(t)) ? Number(t) : value;
}

export function intFlag(flags: Map<string, string>, name: string, min: number, max: number): number | undefined {
  const v = flags.get(name);
  if (v === undefined) return undefined;
  const n = INTEGER.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliError(`--${name} must be an integer in [${min}, ${max}] (got "${v.slice(0, 40)}")`);
  return n;
}

export function numFlag(flags: Map<string, string>, name: string, min: number, max: number): number | undefined {
  const v = flags.get(name);
  if (v === undefined) return undefined;
  const n = DECIMAL.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isFinite(n) || n < min || n > max)
    throw new CliError(`--${name} must be a number in [${min}, ${max}] (got "${v.slice(0, 40)}")`);
  return n;
}

/** A folder or file path flag: required unless `optional`; a bare `--out` (no value) or "" is refused. */
export function pathFlag(flags: Map<string, string>, name: string, what: string): string | undefined {
  const v = flags.get(name);
  if (v === undefined) return undefined;
  if (v === 'true' || v.trim() === '') throw new CliError(`--${name} needs ${what}`);
  return v;
}

/** A true|false flag: absent → `fallback`; bare `--flag` → true; anything else is refused, naming the flag. */
export function boolFlag(flags: Map<string, string>, name: string, fallback = false): boolean {
  const v = flags.get(name);
  if (v === undefined) return fallback;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new CliError(`--${name} must be true or false (got "${v.slice(0, 40)}")`);
}

/** "0,1,2" or "0-4" → [0,1,2] / [0,1,2,3,4]; each seed once, at most 32, integers in [0, 2^31). */
export function seedList(v: string, flag = '--seed'): number[] {
  const range = /^(\d{1,10})-(\d{1,10})$/.exec(v.trim());
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])];
    if (b < a || b - a > 31) throw new CliError(`${flag} range "${v}" must be ascending and at most 32 seeds`);
    if (b > 2 ** 31 - 1) throw new CliError(`${flag}: seeds must be below 2^31 (got "${v}")`);
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  }
  const texts = v.split(',').map((s) => s.trim());
  const parts = texts.map((s) => (/^\d{1,10}$/.test(s) ? Number(s) : NaN));
  if (parts.some((n) => !Number.isInteger(n) || n > 2 ** 31 - 1))
    throw new CliError(`${flag} must be integers in [0, 2^31) like "0", "0,1,2" or "0-2" (got "${v.slice(0, 40)}")`);
  const twice = parts.find((n, i) => parts.indexOf(n) !== i);
  if (twice !== undefined) throw new CliError(`${flag}: seed ${twice} is listed twice`);
  if (parts.length > 32) throw new CliError(`${flag}: at most 32 seeds (got ${parts.length})`);
  return parts;
}

/**
 * Flags under a scope whose keys a registry defines (`--es.<param>`: the ES's hyperparameters). A command
 * that takes them accepts any key under the scope (the config schema then checks the key against the
 * chosen ES, network, task or method and names the allowed ones); `keys` are every registry's keys, which
 * a misspelt scope (`--ess.sigma_initt`) is compared with, so that the suggestion is a flag that exists.
 */
export interface ScopedFlags {
  readonly scope: string;
  /** How the unknown-flag message lists them: '--es.<p>'. */
  readonly usage: string;
  /** The keys after `scope.`: 'sigma_init', or 'magnitude.<param>' for a two-level scope. */
  readonly keys: readonly string[];
}

/** What a command accepts besides its plain flags: scoped registry flags, and other names of its flags. */
export interface FlagExtras {
  /**
   * Other names of a flag — config field names such as generationsPerRound → gens — so that
   * `--generations` finds `--gens`.
   */
  readonly aliases?: Readonly<Record<string, string>>;
  readonly scoped?: readonly ScopedFlags[];
}

/**
 * The refusal of flag `--name`, which is none of `known`: the known flag closest to it, found as the
 * config's and the sweep file's field hints are (config-fields.ts), then every known flag, e.g.
 * "unknown flag --seeds (did you mean --seed? known: --task --net …)". A dotted name is also compared with
 * every existing scoped flag (`--ess.sigma_initt` → `--es.sigma_init`), and the scoped flags' usage is
 * added to the list. Every command refuses an unknown flag through this function, so the message is the
 * same everywhere.
 */
export function unknownFlagError(
  name: string,
  known: Iterable<string>,
  opts: FlagExtras & { readonly who?: string } = {},
): CliError {
  const flags = [...known];
  const scoped = opts.scoped ?? [];
  const scopedFlags = name.includes('.') ? scoped.flatMap((s) => s.keys.map((k) => `${s.scope}.${k}`)) : [];
  const candidates = [
    ...[...flags, ...scopedFlags].map((f) => ({ name: f, path: `--${f}` })),
    ...Object.entries(opts.aliases ?? {})
      .filter(([, f]) => flags.includes(f))
      .map(([alias, f]) => ({ name: alias, path: `--${f}` })),
  ];
  const meant = closest(name, candidates).slice(0, 3);
  const hint = meant.length ? `did you mean ${meant.join(' or ')}? ` : '';
  const list = [...flags.map((f) => `--${f}`), ...scoped.map((s) => s.usage)].join(' ');
  return new CliError(`${opts.who ? `${opts.who}: ` : ''}unknown flag --${name} (${hint}known: ${list || 'none'})`);
}

/**
 * Refuses the first flag of `flags` that is neither in `known` nor under one of `extras.scoped`'s scopes,
 * with unknownFlagError's did-you-mean; `who` names the command. Every command calls this before it reads
 * any flag's value, so a misspelt flag is named as that, not hidden behind a refusal of another flag's
 * value (`--roundz 3 --preset nope` is about --roundz).
 */
export function refuseUnknownFlags(
  flags: Map<string, string>,
  known: Iterable<string>,
  who: string,
  extras: FlagExtras = {},
): void {
  const list = [...known];
  const scopes = new Set((extras.scoped ?? []).map((s) => s.scope));
  for (const k of flags.keys()) {
    const dot = k.indexOf('.');
    if (!list.includes(k) && !(dot > 0 && scopes.has(k.slice(0, dot))))
      throw unknownFlagError(k, list, { ...extras, who });
  }
}

/** The exact command line, as run folders, bundles and reports record it. */
export function commandLine(argv: readonly string[]): string {
  return `npm run lab -- ${argv.join(' ')}`;
}
