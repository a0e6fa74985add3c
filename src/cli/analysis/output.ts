/**
 * Output of the analysis commands, and the table helpers the CLI prints with. CSV + JSON files go into
 * the first run folder (or `--out-dir`), each through a temporary name and a rename so an interrupted
 * command never leaves half a file. Each JSON records how it was made: the command line, the run
 * folders, the selected chains, seeds and rounds, and every option (docs/OUTPUTS.md §2).
 *
 * Only the lab's own outputs are ever replaced: a pair counts as the lab's when its JSON is an object that
 * records the command that made it (every analysis JSON the lab has written does). A same-named file
 * without such a JSON beside it is the user's, so the command refuses before it writes anything, naming
 * the file (checkOutputs). The lab's outputs can always be recomputed, so writing one over an earlier one
 * with other content is allowed; but never silently: the caller gets one line saying what the old file
 * held (read from its JSON) and how to keep both. The file names of two-run outputs carry only run B's
 * folder name, so two different run-B folders with the same name lead to the same file; the line names
 * both folders then.
 */
import { basename, join } from 'node:path';
import type { Cell } from '../../core/analysis/analyses';
import { toCsv } from '../../core/runs/csv-format';
import { writeFileAtomic } from '../fs-safe';
import { ForeignFile, foreignRefusal, readIfThere } from '../output-file';
import { flagOf } from './analysis-flags';
import { isPlainObject as isObject } from '../../core/plain-object';

export type { Cell } from '../../core/analysis/analyses';
// The number and markdown helpers live in core (every analysis report uses them); re-exported for the CLI.
export { fmt, markdownTable } from '../../core/analysis/analyses';

/**
 * A plain-text table for the terminal: every column as wide as its widest cell (header included), cells
 * right-aligned, two spaces between columns. Padding every cell to one fixed width instead runs a header
 * longer than that width into its neighbour ("gd_magnitudegd_random_reinit").
 */
export function textTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const cells = [header, ...rows].map((r) => header.map((_, c) => String(r[c] ?? '')));
  const widths = header.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  return cells.map((r) => r.map((cell, c) => cell.padStart(widths[c])).join('  ')).join('\n');
}

/** What the CLI adds to an analysis JSON about the records it read (key `selection`). */
export interface OutputSelection {
  /** The run folders read, as absolute paths: the run, or runs A and B of a comparison. */
  readonly runs: readonly string[];
  readonly chains: readonly string[];
  /** Run B's chain (comparisons only). */
  readonly chainB?: string;
  readonly seeds: readonly number[];
  readonly rounds: readonly number[];
}

/** JSON keys that say how a file was made rather than what it holds: left out when contents are compared. */
const ORIGIN_KEYS = ['command', 'selection', 'options'];

/** The JSON text of an output (typed arrays as plain number lists). */
function jsonText(json: Record<string, unknown>): string {
  return (
    JSON.stringify(
      json,
      (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v),
      1,
    ) + '\n'
  );
}

/** The parsed JSON object, or null when the text is not one. */
function parseObject(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return isObject(v) ? v : null;
  } catch {
    return null;
  }
}

/** The content of an output JSON: everything but the keys that record how it was made. */
function content(json: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(json).filter(([k]) => !ORIGIN_KEYS.includes(k))));
}

/** "0-2,5": whole numbers in ascending order, runs of consecutive ones as ranges. */
export function rangesText(xs: readonly number[]): string {
  const s = [...new Set(xs)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < s.length;) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[j] + 1) j++;
    if (j - i >= 2) out.push(`${s[i]}-${s[j]}`);
    else for (let k = i; k <= j; k++) out.push(String(s[k]));
    i = j + 1;
  }
  return out.join(',');
}

const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);
const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * What a JSON records of its selection and options, as short phrases by key ("chain magnitude",
 * "seeds 0,1", "--points 15"), in a fixed order; null when it records no selection (older files).
 */
function recorded(json: Record<string, unknown>): Map<string, string> | null {
  const sel = json.selection;
  if (!isObject(sel)) return null;
  const out = new Map<string, string>();
  const runs = strings(sel.runs),
    chains = strings(sel.chains),
    seeds = numbers(sel.seeds),
    rounds = numbers(sel.rounds);
  if (runs.length) out.set('runs', runs.length > 1 ? `runs ${runs[0]} vs ${runs[1]}` : `run ${runs[0]}`);
  if (typeof sel.chainB === 'string') out.set('chains', `chain ${chains.join(',')} vs ${sel.chainB}`);
  else out.set('chains', `${plural(chains.length, 'chain')} ${chains.join(',')}`);
  out.set('seeds', `${plural(seeds.length, 'seed')} ${rangesText(seeds)}`);
  out.set('rounds', `${plural(rounds.length, 'round')} ${rangesText(rounds)}`);
  if (isObject(json.options))
    for (const [k, v] of Object.entries(json.options)) out.set(`option ${k}`, `--${flagOf(k)} ${String(v)}`);
  if (typeof json.testImages === 'number') out.set('testImages', `--test-images ${json.testImages}`);
  return out;
}

/** Run B's folder of a two-run selection, or undefined. */
function runB(json: Record<string, unknown>): string | undefined {
  return isObject(json.selection) ? strings(json.selection.runs)[1] : undefined;
}

/** The line that says an earlier output of the lab was replaced and what it held (see the module comment). */
export function replacementNote(where: string, old: Record<string, unknown>, next: Record<string, unknown>): string {
  const head = `note: replaced ${where}`;
  const keepBoth = 'to keep both, give one of the two commands --out-dir DIR';
  const came = typeof old.command === 'string' ? ` (the old one came from: ${old.command})` : '';
  const was = recorded(old);
  if (!was) return `${head}, whose selection is not known (its JSON does not record it); ${keepBoth}${came}`;
  const now = recorded(next) ?? new Map<string, string>();
  const changed = [...new Set([...was.keys(), ...now.keys()])].filter((k) => was.get(k) !== now.get(k));
  const held = [...was.keys()].filter((k) => ['chains', 'seeds', 'rounds'].includes(k) || changed.includes(k));
  const diff = changed.length
    ? `now ${changed.map((k) => now.get(k) ?? `no ${k.replace(/^option /, '--')}`).join(', ')}`
    : 'same selection and options, other results';
  const [b0, b1] = [runB(old), runB(next)];
  const clash =
    b0 && b1 && b0 !== b1 && basename(b0) === basename(b1)
      ? `; the two run-B folders are both named ${basename(b1)}, and the file name records only that`
      : '';
  return `${head}, which held ${held.map((k) => was.get(k)).join(', ')} (${diff})${clash}; ${keepBoth}${came}`;
}

/** What is at `<name>.csv/json` in `dir`: the texts and the lab's earlier JSON; throws ForeignFile if not the lab's. */
async function earlierOutput(dir: string, name: string) {
  const csvPath = join(dir, `${name}.csv`),
    jsonPath = join(dir, `${name}.json`);
  const [csv, jsonOld] = await Promise.all([readIfThere(csvPath), readIfThere(jsonPath)]);
  const json = jsonOld === undefined ? null : parseObject(jsonOld);
  if (jsonOld !== undefined && typeof json?.command !== 'string')
    throw new ForeignFile(jsonPath, json ? 'does not record the lab command that made it' : 'is not a JSON object');
  if (csv !== undefined && json === null)
    throw new ForeignFile(csvPath, `has no ${name}.json beside it, so the lab did not write it`);
  return { csv, json };
}

/** The refusal (exit code 2) for files the lab did not write: which, and what to do. */
const refusal = (foreign: readonly ForeignFile[]) =>
  foreignRefusal(
    foreign,
    'analysis outputs it wrote itself',
    ', or write the outputs to another folder with --out-dir DIR',
  );

/** earlierOutput, a file the lab did not write turned into the refusal. */
const earlierOrRefuse = (dir: string, name: string) =>
  earlierOutput(dir, name).catch((e: unknown) => {
    throw e instanceof ForeignFile ? refusal([e]) : e;
  });

/**
 * Refuses when any of the outputs `names` would replace a file the lab did not write, naming every such
 * file. The command calls it before the analysis runs; writeOutputs checks its pair again when writing.
 */
export async function checkOutputs(dir: string, names: readonly string[]): Promise<void> {
  const foreign: ForeignFile[] = [];
  for (const name of names)
    await earlierOutput(dir, name).catch((e: unknown) => {
      if (!(e instanceof ForeignFile)) throw e;
      foreign.push(e);
    });
  if (foreign.length) throw refusal(foreign);
}

/**
 * Writes `<name>.csv` and `<name>.json` into `dir`, unless a file the lab did not write is in the way
 * (then it refuses and writes nothing); returns their paths and, when an earlier pair with other content
 * was there, the line that says so (replacementNote).
 */
export async function writeOutputs(
  dir: string,
  name: string,
  csv: { header: readonly string[]; rows: readonly (readonly Cell[])[] },
  json: Record<string, unknown>,
): Promise<{ paths: string[]; replaced: string | null }> {
  const { csv: csvOld, json: old } = await earlierOrRefuse(dir, name);
  const csvPath = join(dir, `${name}.csv`),
    jsonPath = join(dir, `${name}.json`);
  const csvNew = toCsv(csv.header, csv.rows),
    jsonNew = jsonText(json);
  const next = parseObject(jsonNew)!;
  await writeFileAtomic(csvPath, csvNew);
  await writeFileAtomic(jsonPath, jsonNew);
  // An earlier pair is the lab's (its JSON is there): say so unless it held the same content.
  const same = csvOld === csvNew && old !== null && content(old) === content(next);
  return {
    paths: [csvPath, jsonPath],
    replaced: old && !same ? replacementNote(`${join(dir, name)}.csv/json`, old, next) : null,
  };
}
