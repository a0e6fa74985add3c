/**
 * Run bundles, for sharing and export: one JSON file with a run's canonical config, every finished
 * round (metrics, masks, final mean and σ, packed by packed-array.ts) and, optionally, the chain states
 * a resume needs (experiments/imp.ts ChainState). Export → import is lossless: typed arrays come back
 * bit-identical, non-finite metrics keep their value.
 *
 * Import treats the file as hostile: size limits before parsing, forbidden keys (`__proto__`, …; the
 * scan the config and sweep checks share, proto-key.ts), strict zod shapes, the config through
 * parseConfig, the run id recomputed from the config, every array length checked against the config's
 * network D before it is inflated, and seeds / methods / rounds checked against the config. It never
 * throws: it returns `{ ok: false, message }`, and it has no side effects, so a rejected file touches
 * nothing.
 */
import { gzipSync } from 'fflate';
import type { ExperimentConfig } from './config';
import { ConfigError, parseConfig } from './config';
import { runId as runIdOf } from './hash';
import { networkOf } from './network-shape';
import { packArray } from './packed-array';
import {
  BUNDLE_FORMAT,
  BUNDLE_LIMITS,
  BUNDLE_VERSION,
  bundleSchema,
  encodeXNumber,
  type BundleChainJson,
  type BundleJson,
  type BundleProvenance,
  type BundleRoundJson,
} from './bundle-schema';
import { decodeBundleArrays } from './bundle-decode';
import { gunzipBounded, isGzip } from './gunzip';
import { findKey, UNSAFE_KEYS } from './proto-key';
import type { RoundRecord } from '../experiments/events';
import type { ChainState } from '../experiments/imp';

export { BUNDLE_FORMAT, BUNDLE_VERSION, BUNDLE_LIMITS } from './bundle-schema';
export type { BundleProvenance } from './bundle-schema';

/** A chain state with the seed it belongs to (ChainState is per seed and method). */
export interface SeedChainState extends ChainState {
  readonly seed: number;
}

/** A run as the app holds it; what `exportBundle` writes and `importBundle` returns. */
export interface RunBundle {
  readonly runId: string;
  readonly config: ExperimentConfig;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly label?: string;
  /** The exact CLI command that produced a precomputed bundle. */
  readonly command?: string;
  /** True for bundles shipped in public/ (shown labelled as precomputed). */
  readonly precomputed?: boolean;
  /** How a precomputed bundle was made (run commands, commit, machine, backend). */
  readonly provenance?: BundleProvenance;
  /**
   * The records carry their metrics only: mask, mean and σ are empty arrays, and there are no chains. Such
   * a bundle draws curves (the tour, the precomputed overlays) and is never stored or analysed as a run.
   */
  readonly curvesOnly?: true;
  readonly records: readonly RoundRecord[];
  readonly chains?: readonly SeedChainState[];
}

export type BundleImport =
  { readonly ok: true; readonly bundle: RunBundle } | { readonly ok: false; readonly message: string };

/** Longest import error message shown (they quote the file; see importBundle). */
const MAX_MESSAGE = 600;

/** A key of the file quoted in a message (at most 64 characters). */
const echoKey = (k: string) => (k.length > 64 ? `${k.slice(0, 64)}…` : k);

/** A value of the file quoted in a message: JSON, at most 40 characters. */
function echo(v: unknown): string | undefined {
  const s = JSON.stringify(v);
  return s === undefined ? undefined : s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function roundJson(r: RoundRecord, curvesOnly: boolean): BundleRoundJson {
  return {
    seed: r.seed,
    method: r.method,
    roundNum: r.roundNum,
    sparsityFrac: r.sparsityFrac,
    prunableActive: r.prunableActive,
    esDim: r.esDim,
    finalPerf: encodeXNumber(r.finalPerf),
    finalLoss: encodeXNumber(r.finalLoss),
    bestPerf: encodeXNumber(r.bestPerf),
    evals: r.evals.map((e) => ({ gen: e.gen, perf: encodeXNumber(e.perf), loss: encodeXNumber(e.loss) })),
    ...(curvesOnly ? {} : { mask: packArray(r.mask), mean: packArray(r.mean), std: packArray(r.std) }),
    sigmaStats: {
      mean: encodeXNumber(r.sigmaStats.mean),
      median: encodeXNumber(r.sigmaStats.median),
      min: encodeXNumber(r.sigmaStats.min),
      max: encodeXNumber(r.sigmaStats.max),
    },
    layerSparsity: [...r.layerSparsity],
    pruneThreshold: encodeXNumber(r.pruneThreshold),
    generations: r.generations,
    wallMs: r.wallMs,
    ...(r.sharedWith ? { sharedWith: [...r.sharedWith] } : {}),
  };
}

function chainJson(c: SeedChainState): BundleChainJson {
  return {
    seed: c.seed,
    method: c.method,
    nextRoundNum: c.nextRoundNum,
    mask: packArray(c.mask),
    init: packArray(c.init),
  };
}

/** The bundle as a JSON object (the run id is recomputed from the config, never trusted from the caller). */
export function bundleToJson(run: Omit<RunBundle, 'runId'>): BundleJson {
  const config = parseConfig(run.config);
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    runId: runIdOf(config),
    config,
    createdAt: run.createdAt,
    ...(run.label !== undefined ? { label: run.label } : {}),
    ...(run.command !== undefined ? { command: run.command } : {}),
    ...(run.precomputed !== undefined ? { precomputed: run.precomputed } : {}),
    ...(run.provenance !== undefined ? { provenance: run.provenance } : {}),
    ...(run.curvesOnly ? { curvesOnly: true as const } : {}),
    records: run.records.map((r) => roundJson(r, run.curvesOnly === true)),
    ...(run.chains && !run.curvesOnly ? { chains: run.chains.map(chainJson) } : {}),
  };
}

/** Bundle text (compact JSON). */
export function exportBundle(run: Omit<RunBundle, 'runId'>): string {
  return JSON.stringify(bundleToJson(run));
}

/** Gzipped bundle text (a `.json.gz` download; importBundle accepts it as bytes). */
export function exportBundleGzip(run: Omit<RunBundle, 'runId'>): Uint8Array {
  return gzipSync(new TextEncoder().encode(exportBundle(run)), { level: 6 });
}

/** What the lab exports, for messages about a file that is not one of its bundles. */
const BUNDLE_KINDS = 'the lab saves runs as .json or .json.gz files';

function textOf(input: string | Uint8Array): string {
  if (typeof input === 'string') return input;
  const gz = isGzip(input);
  // Inflated in slices against the size limit, with the gzip checksum checked (gunzip.ts).
  const bytes = gz ? gunzipBounded(input, BUNDLE_LIMITS.maxTextChars) : input;
  if (bytes.length > BUNDLE_LIMITS.maxTextChars)
    throw new Error(`file is ${bytes.length} bytes (limit ${BUNDLE_LIMITS.maxTextChars})`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Said apart: a gzip file that unpacks fine may hold anything (an image, another program's data).
    throw new Error(
      gz
        ? `the file is a gzip archive, but what it holds is not text, so not a run bundle (${BUNDLE_KINDS})`
        : `the file is neither text nor gzip, so not a run bundle (${BUNDLE_KINDS})`,
    );
  }
}

function zodMessage(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const shown = issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map((p) => echoKey(String(p))).join('.')}: ${i.message}` : i.message));
  return shown.join('; ') + (issues.length > 5 ? ` (and ${issues.length - 5} more)` : '');
}

function importUnsafe(input: string | Uint8Array): RunBundle {
  const text = textOf(input);
  if (text.length > BUNDLE_LIMITS.maxTextChars)
    throw new Error(`file is ${text.length} characters (limit ${BUNDLE_LIMITS.maxTextChars})`);
  if (!text.trim()) throw new Error(`the file is empty (${BUNDLE_KINDS})`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`not valid JSON (truncated or corrupted?): ${(e as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new Error('not an ES Lottery Lab run bundle (expected a JSON object)');
  const head = raw as Record<string, unknown>;
  if (head.format !== BUNDLE_FORMAT)
    throw new Error(
      `not an ES Lottery Lab run bundle (format is ${echo(head.format) ?? 'missing'}, expected "${BUNDLE_FORMAT}")`,
    );
  if (head.version !== BUNDLE_VERSION)
    throw new Error(
      `unsupported bundle version ${echo(head.version) ?? '(missing)'}: this app reads version ${BUNDLE_VERSION}`,
    );
  const bad = findKey(raw, UNSAFE_KEYS);
  if (bad) {
    const where = bad.slice(0, -1).map((p) => echoKey(String(p)));
    const key = echoKey(String(bad[bad.length - 1]));
    throw new Error(`forbidden key "${key}" in ${where.join('.') || 'the file'} (rejected as unsafe)`);
  }
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid bundle: ${zodMessage(parsed.error.issues)}`);
  const json = parsed.data;
  let config: ExperimentConfig;
  try {
    config = parseConfig(json.config);
  } catch (e) {
    if (e instanceof ConfigError)
      throw new Error(`invalid config: ${e.issues.map((i) => `config.${i.path}: ${i.message}`).join('; ')}`);
    throw e;
  }
  const id = runIdOf(config);
  if (id !== json.runId)
    throw new Error(
      `run id mismatch: the file says ${json.runId} but its config hashes to ${id} (edited or corrupted config)`,
    );
  const { records, chains } = decodeBundleArrays(json, config, networkOf(config));
  return {
    runId: id,
    config,
    createdAt: json.createdAt,
    records,
    ...(json.label !== undefined ? { label: json.label } : {}),
    ...(json.command !== undefined ? { command: json.command } : {}),
    ...(json.precomputed !== undefined ? { precomputed: json.precomputed } : {}),
    ...(json.provenance !== undefined ? { provenance: json.provenance } : {}),
    ...(json.curvesOnly ? { curvesOnly: true as const } : {}),
    ...(chains ? { chains } : {}),
  };
}

/**
 * Validates and decodes a bundle (JSON text, UTF-8 bytes or gzip bytes). Never throws; a rejection has a
 * message naming what is wrong and where.
 */
export function importBundle(input: string | Uint8Array): BundleImport {
  try {
    return { ok: true, bundle: importUnsafe(input) };
  } catch (e) {
    // Messages can quote the file; a hostile field must not come back whole (at most MAX_MESSAGE chars).
    const full = e instanceof Error && e.message ? e.message : `unreadable bundle (${String(e).slice(0, 200)})`;
    const message = full.length > MAX_MESSAGE ? `${full.slice(0, MAX_MESSAGE)}…` : full;
    return {
      ok: false,
      message: e instanceof RangeError ? `file too large or too deeply nested (${message})` : message,
    };
  }
}
