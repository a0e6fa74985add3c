/**
 * Flags and --help of the analysis commands, generated from the analysis registry: every option of an
 * analysis is the flag `--<kebab-case key>` with the default, range and help of its ParamSpec, and every
 * analysis selects records with the same flags (--method, --seeds, --rounds, --runs, --method-b).
 */
import { rangeText, type AnyParamValues, type ParamSpec } from '../../core/params';
import {
  ANALYSIS_LIST,
  parseIntList,
  type AnalysisDef,
  type SelectSpec,
  type Selection,
} from '../../core/analysis/analyses';
import { CliError, refuseUnknownFlags, seedList } from '../args';

/** camelCase option key → kebab-case flag name (`rngSeed` → `rng-seed`). */
export const flagOf = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Flags every analysis command takes, by what they do. */
const RUN_FLAGS = ['run', 'backend', 'quiet', 'out-dir'];
const SELECT_FLAGS = ['method', 'methods', 'seeds', 'rounds'];
const COMPARE_FLAGS = ['runs', 'method-b'];
const EVAL_FLAGS = ['test-images', 'chunk-rows'];

/** Every flag `def`'s command accepts. */
export function knownFlags(def: AnalysisDef): string[] {
  return [
    ...RUN_FLAGS,
    ...SELECT_FLAGS,
    ...(def.select.compare ? COMPARE_FLAGS : []),
    ...(def.needs.evaluation ? EVAL_FLAGS : []),
    ...Object.keys(def.options).map(flagOf),
  ];
}

/** Rejects flags the command does not know, naming them (exit code 2). */
export function checkFlags(def: AnalysisDef, flags: Map<string, string>): void {
  refuseUnknownFlags(flags, knownFlags(def), def.id);
}

function valueOf(flag: string, spec: ParamSpec, raw: string): number | boolean | string {
  if (spec.kind === 'number') {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n))
      throw new CliError(`--${flag} must be a number in [${spec.min}, ${spec.max}] (got "${raw}")`);
    return n;
  }
  if (spec.kind === 'boolean') {
    if (raw !== 'true' && raw !== 'false') throw new CliError(`--${flag} must be true or false (got "${raw}")`);
    return raw === 'true';
  }
  return raw;
}

/** The options given as flags (checked against their specs by the caller's resolveParams). */
export function optionsFromFlags(def: AnalysisDef, flags: Map<string, string>): Partial<AnyParamValues> {
  const out: Partial<AnyParamValues> = {};
  for (const [key, spec] of Object.entries(def.options)) {
    const raw = flags.get(flagOf(key));
    if (raw !== undefined) out[key] = valueOf(flagOf(key), spec, raw);
  }
  return out;
}

/** --method/--methods, --seeds, --rounds, --method-b as a Selection. */
export function selectionFromFlags(flags: Map<string, string>): Selection {
  const list = (v: string | undefined) =>
    v
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  // Two spellings of one flag: with both, one would be dropped without a word.
  if (flags.has('method') && flags.has('methods'))
    throw new CliError('give --method or --methods (the same flag), not both');
  const rounds = flags.has('rounds') ? parseIntList(flags.get('rounds')!, '--rounds') : undefined;
  if (rounds && !rounds.length) throw new CliError('--rounds needs round numbers, e.g. "1,4,8" or "1-5"');
  return {
    chains: list(flags.get('method') ?? flags.get('methods')),
    // The seed flags of every command share one parser (each seed once, at least one).
    seeds: flags.has('seeds') ? seedList(flags.get('seeds')!, '--seeds') : undefined,
    rounds,
    chainB: flags.get('method-b'),
  };
}

function describe(key: string, s: ParamSpec): string {
  return `      --${flagOf(key)} ${String(s.default)}  ${rangeText(s)}  ${s.label}: ${s.help}`;
}

/**
 * The default chains in words: a list of ids after "default" read as that many chains even where the
 * analysis takes one ("default snr, magnitude" meant the first of them the run has).
 */
function chainDefaultText(spec: SelectSpec): string {
  const p = spec.prefer;
  if (!p.length) return 'default: every chain';
  const which =
    p.length === 1
      ? `${p[0]} if the run has it`
      : `${spec.chains === 'one' ? 'the first' : 'those'} of ${p.join(', ')} that the run has`;
  return `default: ${which}, else its first chain`;
}

/** How a comparison picks its two chains (--runs). */
const COMPARE_TEXT =
  '      two runs: --runs DIR_A,DIR_B pairs the same seed and round of one chain of each: --method ID (default: the ' +
  'first default chain that run B has too, with or without gd_; none: refused) and --method-b ID (default: that chain in B)';

/** The analysis part of `lab --help`; with `only`, that analysis's alone (`lab <analysis> --help`). */
export function analysisHelpLines(only?: string): string[] {
  return [
    'Analysis commands (over run folders written by "lab imp" or "lab gd"; CSV + JSON go into the (first) run folder,',
    '  or into --out-dir DIR; a rerun that replaces an earlier output with other content says what it held; a file of',
    '  the same name that the lab did not write is never replaced: the command refuses; docs/OUTPUTS.md):',
    ...ANALYSIS_LIST.filter((def) => only === undefined || def.id === only).flatMap((def) => [
      `  ${def.id.padEnd(12)} ${def.summary}`,
      `      records: --run DIR  ${def.select.chains === 'one' ? '--method ID' : '--method|--methods ID[,ID…]'} ` +
        `(${chainDefaultText(def.select)})  --seeds 0-2  --rounds 1,4,8`,
      ...(def.select.compare ? [COMPARE_TEXT] : []),
      ...Object.entries(def.options).map(([k, s]) => describe(k, s)),
    ]),
    `  common: --backend wasm|cpu  --quiet  --out-dir DIR;  ${ANALYSIS_LIST.filter((d) => d.needs.evaluation)
      .map((d) => d.id)
      .join(', ')} also: --test-images N (vision, default 2000; 0 = all)  --chunk-rows N`,
  ];
}
