/**
 * What a run folder's config.json says about the run it holds, for run-state.ts: its config (checked by
 * the config schema) and the other settings its run id hashes, and, when a command meets a folder of
 * another run, the first few of those settings that differ (config-diff.ts), so the refusal says why.
 */
import { ConfigError, parseConfig } from '../core/runs/config';
import { describeDifferences } from './config-diff';

/** The fields of config.json that a run id hashes besides the config (a GD run's, a transfer's). */
const EXTRA_FIELDS = ['kind', 'gd', 'transfer'];

/**
 * config.json's config (checked by the config schema, defaults filled) and the other fields its run id
 * hashes; or, for a file that is not a run's, what is wrong with it.
 */
export function recordedSettings(meta: Readonly<Record<string, unknown>>): { config: unknown; extra: object } | string {
  if (meta.config === undefined) return 'is not a valid run config (it has no "config" field)';
  try {
    const config = parseConfig(meta.config);
    if (typeof meta.runId !== 'string') return 'is not a valid run config (it has no run id)';
    const extra = Object.fromEntries(EXTRA_FIELDS.filter((k) => k in meta).map((k) => [k, meta[k]]));
    return { config, extra };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const issues = e.issues.slice(0, 3).map((i) => `${i.path === 'config' ? '' : 'config.'}${i.path}: ${i.message}`);
    return `is not a valid run config (${issues.join('; ')}${e.issues.length > 3 ? '; …' : ''})`;
  }
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
