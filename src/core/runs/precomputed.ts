/**
 * Precomputed result bundles shipped with the app (public/precomputed/):
 * drawn at once and clearly labelled as precomputed, while a live run fills in.
 * Each file in public/precomputed/ was written by `npm run lab -- bundle` (src/cli/bundle-command.ts),
 * which records the commands that produced it. Loading goes through importBundle — the same validating
 * importer as a user's file — and then checks the bundle is marked precomputed and is the preset's config
 * up to seeds, so a stale or corrupt file gives a message instead of a wrong overlay.
 */
import { importBundle, type BundleProvenance } from './bundle';
import { parseConfig } from './config';
import { sameUpToSeeds } from './hash';
import { getPreset } from './presets';
import type { RoundRecord } from '../experiments/events';

/** Preset id → file under public/precomputed/ (every entry is import-checked by test/unit/cli/bundle-command.test.ts). */
export const PRECOMPUTED: Readonly<Record<string, string>> = {
  'mnist-2min': 'mnist-2min.json.gz',
  'mnist-quick': 'mnist-quick.json.gz',
  'cartpole-reduced': 'cartpole-reduced.json.gz',
  'pendulum-quick': 'pendulum-quick.json.gz',
};

/** What the sparsity chart overlays, with what it needs to say where the numbers came from. */
export interface PrecomputedOverlay {
  readonly presetId: string;
  readonly label: string;
  /** The command(s) that produced the run (per-seed imp runs, merge), then the bundle command. */
  readonly commands: readonly string[];
  /** ISO date the run was made (falls back to the bundle's date). */
  readonly date: string;
  readonly seeds: readonly number[];
  readonly provenance: BundleProvenance | null;
  readonly records: readonly RoundRecord[];
}

export type PrecomputedLoad =
  { readonly ok: true; readonly overlay: PrecomputedOverlay } | { readonly ok: false; readonly message: string };

/** URL of a preset's bundle, relative to the app (never the internet). */
export function precomputedUrl(presetId: string, baseUrl: string): string | null {
  const file = PRECOMPUTED[presetId];
  return file ? `${baseUrl.replace(/\/?$/, '/')}precomputed/${file}` : null;
}

/** Validates bundle bytes (gzip or JSON) as preset `presetId`'s precomputed result. Never throws. */
export function precomputedFromBytes(presetId: string, bytes: Uint8Array): PrecomputedLoad {
  const got = importBundle(bytes);
  if (!got.ok) return { ok: false, message: `the precomputed result for ${presetId} is unreadable: ${got.message}` };
  const b = got.bundle;
  if (b.precomputed !== true)
    return { ok: false, message: `the file for ${presetId} is not marked as a precomputed bundle` };
  let preset;
  try {
    preset = parseConfig(getPreset(presetId).config);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  if (!sameUpToSeeds(b.config, preset))
    return {
      ok: false,
      message: `the precomputed result for ${presetId} was made with other settings than the preset (stale file)`,
    };
  return {
    ok: true,
    overlay: {
      presetId,
      label: b.label ?? `precomputed ${presetId}`,
      commands: [...(b.provenance?.runCommands ?? []), ...(b.command ? [b.command] : [])],
      date: b.provenance?.runCreatedAt ?? b.createdAt,
      seeds: b.config.seeds,
      provenance: b.provenance ?? null,
      records: b.records,
    },
  };
}

/**
 * Fetches and validates preset `presetId`'s bundle. Null when the preset ships none. `fetchBytes` is
 * injected (storage/app-files.ts fetchAppBytes in the app, a file read in tests).
 */
export async function loadPrecomputed(
  presetId: string,
  baseUrl: string,
  fetchBytes: (url: string) => Promise<Uint8Array>,
): Promise<PrecomputedLoad | null> {
  const url = precomputedUrl(presetId, baseUrl);
  if (!url) return null;
  let bytes: Uint8Array;
  try {
    bytes = await fetchBytes(url);
  } catch (e) {
    return {
      ok: false,
      message: `cannot load the precomputed result for ${presetId} (${e instanceof Error ? e.message : String(e)})`,
    };
  }
  return precomputedFromBytes(presetId, bytes);
}
