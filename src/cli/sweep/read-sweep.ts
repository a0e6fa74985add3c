/**
 * Reads a sweep file (YAML, or JSON for *.json; core/sweep/sweep-spec.ts) and expands it into its plan.
 * Every problem — unreadable file, YAML syntax, a key given twice, a field of the wrong type, a config a
 * combination of the axes makes invalid — becomes one CliError that names the file and the field, before
 * anything is written.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml, YAMLError } from 'yaml';
import { getPreset } from '../../core/runs/presets';
import { readSweepSpec, type SweepPlan } from '../../core/sweep/expand';
import { filePath, parseSweepSpec, SweepError, type SweepSpec } from '../../core/sweep/sweep-spec';
import { clip } from '../../core/runs/csv-format';
import { CliError } from '../args';
import { duplicateKey } from './duplicate-keys';

export interface LoadedSweep {
  readonly file: string;
  /** The spec with its base resolved to one config (what DIR/sweep.json keeps). */
  readonly spec: SweepSpec;
  readonly plan: SweepPlan;
}

/**
 * Parses sweep file text: JSON for `*.json`, YAML otherwise (YAML also reads JSON). A key given twice in
 * one object is refused in both, naming it (duplicate-keys.ts), before the value is read.
 */
export function parseSweepText(text: string, file: string): unknown {
  const json = file.endsWith('.json');
  let value: unknown;
  try {
    value = json ? (JSON.parse(text) as unknown) : undefined;
  } catch (e) {
    throw new CliError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  const twice = duplicateKey(text);
  if (twice) {
    const where = twice.path.length ? `in ${filePath(twice.path)}` : 'at the top level';
    throw new CliError(
      `${file}: the key "${clip(twice.key, 64)}" is given twice ${where} (again on line ${twice.line}): give each key once`,
    );
  }
  try {
    return json ? value : (parseYaml(text) as unknown);
  } catch (e) {
    // the parser's first line ends "… at line 6, column 1:" before a code excerpt: keep the place, not the colon
    const message = e instanceof YAMLError ? e.message.split('\n')[0].replace(/:\s*$/, '') : (e as Error).message;
    throw new CliError(`${file}: not valid YAML: ${message}`);
  }
}

/**
 * The expanded plan of already-parsed content (tests and the sweep folder use this directly). `stored`:
 * a sweep file the lab wrote into a sweep folder (SweepDir.keeps; sweep-spec.ts withoutStoredBaseSeeds).
 */
export function loadSweepContent(
  content: unknown,
  file: string,
  opts: { readonly stored?: boolean } = {},
): LoadedSweep {
  const presetConfig = (id: string) => getPreset(id).config;
  try {
    const spec = parseSweepSpec(content, opts);
    return { file, ...readSweepSpec(spec, presetConfig, opts) };
  } catch (e) {
    if (e instanceof SweepError)
      throw new CliError(
        `${file} is not a valid sweep:\n` + e.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n'),
      );
    throw e;
  }
}

export async function loadSweepFile(file: string, opts: { readonly stored?: boolean } = {}): Promise<LoadedSweep> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read the sweep file ${file}: ${(e as Error).message}`);
  }
  return loadSweepContent(parseSweepText(text, file), file, opts);
}
