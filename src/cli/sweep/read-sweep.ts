/**
 * Reads a sweep file (YAML, or JSON for *.json; core/sweep/sweep-spec.ts) and expands it into its plan.
 * Every problem — unreadable file, YAML syntax, a field of the wrong type, a config a combination of the
 * axes makes invalid — becomes one CliError that names the file and the field, before anything is written.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml, YAMLError } from 'yaml';
import { getPreset } from '../../core/runs/presets';
import { expandSweep, normaliseSweep, type SweepPlan } from '../../core/sweep/expand';
import { parseSweepSpec, SweepError, type SweepSpec } from '../../core/sweep/sweep-spec';
import { CliError } from '../args';

export interface LoadedSweep {
  readonly file: string;
  /** The spec with its base resolved to one config (what DIR/sweep.json keeps). */
  readonly spec: SweepSpec;
  readonly plan: SweepPlan;
}

/** Parses sweep file text: JSON for `*.json`, YAML otherwise (YAML also reads JSON). */
export function parseSweepText(text: string, file: string): unknown {
  try {
    return file.endsWith('.json') ? (JSON.parse(text) as unknown) : (parseYaml(text) as unknown);
  } catch (e) {
    // the parser's first line ends "… at line 6, column 1:" before a code excerpt: keep the place, not the colon
    if (e instanceof YAMLError)
      throw new CliError(`${file}: not valid YAML: ${e.message.split('\n')[0].replace(/:\s*$/, '')}`);
    throw new CliError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
}

/** The expanded plan of already-parsed content (tests and the sweep folder use this directly). */
export function loadSweepContent(content: unknown, file: string): LoadedSweep {
  const presetConfig = (id: string) => getPreset(id).config;
  try {
    const spec = parseSweepSpec(content);
    return { file, spec: normaliseSweep(spec, presetConfig), plan: expandSweep(spec, presetConfig) };
  } catch (e) {
    if (e instanceof SweepError)
      throw new CliError(
        `${file} is not a valid sweep:\n` + e.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n'),
      );
    throw e;
  }
}

export async function loadSweepFile(file: string): Promise<LoadedSweep> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read the sweep file ${file}: ${(e as Error).message}`);
  }
  return loadSweepContent(parseSweepText(text, file), file);
}
