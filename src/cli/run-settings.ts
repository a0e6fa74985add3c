/**
 * What a run folder's config.json says about the run it holds: its config (checked by the config schema;
 * the one reader of it, for run-state.ts and RunFolder.readMeta) and the other settings its run id
 * hashes, and, when a command meets a folder of another run, the first few of those settings that differ
 * (config-diff.ts), so the refusal says why.
 */
import { ConfigError, parseConfig, type ExperimentConfig } from '../core/runs/config';
import { describeDifferences } from './config-diff';

/** The fields of config.json that a run id hashes besides the config (a GD run's, a transfer's). */
const EXTRA_FIELDS = ['kind', 'gd', 'transfer'];

/** Most issues of a stored config quoted in a message (a damaged file can have hundreds). */
const SHOWN_ISSUES = 5;

/**
 * config.json's `config` through the config schema (defaults filled), or what is wrong with it, as the
 * inside of a message's brackets: 'it has no "config" field', or its first issues ("config.es.popSize:
 * …"). The one reader of a folder's config, for the commands that read a finished run (RunFolder.readMeta
 * refuses such a folder) and for those that write one (recordedSettings, run-state.ts's verdicts).
 */
export function recordedConfig(
  meta: Readonly<Record<string, unknown>>,
): { readonly config: ExperimentConfig } | { readonly problem: string } {
  if (meta.config === undefined) return { problem: 'it has no "config" field' };
  try {
    return { config: parseConfig(meta.config) };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    // An issue with the whole config (not an object) is named 'config' already.
    const issues = e.issues.map((i) => `${i.path === 'config' ? '' : 'config.'}${i.path}: ${i.message}`);
    const more = issues.length > SHOWN_ISSUES ? `; and ${issues.length - SHOWN_ISSUES} more` : '';
    return { problem: issues.slice(0, SHOWN_ISSUES).join('; ') + more };
  }
}

/**
 * config.json's config (checked by the config schema, defaults filled) and the other fields its run id
 * hashes; or, for a file that is not a run's, what is wrong with it.
 */
export function recordedSettings(meta: Readonly<Record<string, unknown>>): { config: unknown; extra: object } | string {
  const read = recordedConfig(meta);
  if ('problem' in read) return `is not a valid run config (${read.problem})`;
  if (typeof meta.runId !== 'string') return 'is not a valid run config (it has no run id)';
  const extra = Object.fromEntries(EXTRA_FIELDS.filter((k) => k in meta).map((k) => [k, meta[k]]));
  return { config: read.config, extra };
}

/** The first few settings in which the folder's run differs from this one (config fields by their path). */
export function differences(
  recorded: { config: unknown; extra: object },
  here: { readonly config: unknown; readonly extra?: Readonly<Record<string, unknown>> },
): string {
  let config = here.config;
  try {
    config = parseConfig(here.config); // defaults filled, as the folder's
  } catch {
    // compared as given
  }
  return describeDifferences(
    { ...recorded.extra, ...(recorded.config as object) },
    { ...here.extra, ...(config as object) },
  );
}
