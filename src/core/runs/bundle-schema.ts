/**
 * The JSON shape of a run bundle, as zod schemas. Structural
 * checks only — sizes against the network's D, seeds/methods against the config and the run id are
 * checked in bundle.ts once the config is known. Every object is strict: unknown keys mean a different
 * format (or tampering) and are rejected rather than silently dropped.
 *
 * JSON has no NaN/±Infinity, yet some metrics legitimately are (σ statistics of an empty layer, the
 * pruning threshold τ of a chain's last round, a diverged loss). Those fields accept the strings
 * "NaN", "Infinity", "-Infinity"; structural numbers (seed, round, sizes, sparsity) must be finite.
 */
import { z } from 'zod';

export const BUNDLE_FORMAT = 'es-lottery-lab-run';
export const BUNDLE_VERSION = 1;

/** Bounds that keep a hostile file from making the importer allocate without limit. */
export const BUNDLE_LIMITS = {
  /** Characters of bundle text (or bytes after gunzip). */
  maxTextChars: 256 * 2 ** 20,
  /** Bytes all typed arrays of a bundle may decode to. */
  maxDecodedBytes: 2 * 2 ** 30,
  maxRecords: 32 * 8 * 40,
  maxEvalsPerRound: 100_001,
  maxLayers: 64,
  maxNameChars: 64,
} as const;

type NonFinite = 'NaN' | 'Infinity' | '-Infinity';
/** A number as stored in a bundle: finite, or one of the three non-finite spellings. */
export type XNumber = number | NonFinite;

const xnum = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]);
const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const count = z.number().int().min(0);
const name = z.string().min(1).max(BUNDLE_LIMITS.maxNameChars);

/** Writes a number for JSON (NaN/±Infinity as strings). */
export function encodeXNumber(x: number): XNumber {
  if (Number.isFinite(x)) return x;
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

/** Reads a number written by `encodeXNumber`. */
export function decodeXNumber(x: XNumber): number {
  return typeof x === 'number' ? x : x === 'NaN' ? NaN : x === 'Infinity' ? Infinity : -Infinity;
}

const packed = (dtype: 'u8' | 'f32') =>
  z.strictObject({
    dtype: z.literal(dtype),
    length: count,
    // base64 of at most maxTextChars characters; the real bound is the bundle's text size.
    data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  });

const evalPoint = z.strictObject({ gen: count, perf: xnum, loss: xnum });

export const bundleRoundSchema = z.strictObject({
  seed: count,
  method: name,
  roundNum: z.number().int().min(1),
  sparsityFrac: finite.pipe(z.number().min(0).max(1)),
  prunableActive: count,
  esDim: count,
  finalPerf: xnum,
  finalLoss: xnum,
  bestPerf: xnum,
  evals: z.array(evalPoint).max(BUNDLE_LIMITS.maxEvalsPerRound),
  // Left out only by a curves-only bundle (checked in bundle-decode.ts against the envelope's flag).
  mask: packed('u8').optional(),
  mean: packed('f32').optional(),
  std: packed('f32').optional(),
  sigmaStats: z.strictObject({ mean: xnum, median: xnum, min: xnum, max: xnum }),
  layerSparsity: z.array(finite.pipe(z.number().min(0).max(1))).max(BUNDLE_LIMITS.maxLayers),
  pruneThreshold: xnum,
  generations: count,
  wallMs: finite.pipe(z.number().min(0)),
  sharedWith: z.array(name).max(16).optional(),
});

export const bundleChainSchema = z.strictObject({
  seed: count,
  method: name,
  nextRoundNum: z.number().int().min(1),
  mask: packed('u8'),
  init: packed('f32'),
});

/**
 * Where a precomputed bundle came from (made by the CLI, with the exact commands recorded inside
 * the bundle): the commands that produced the run folder, the git commit and machine the bundle was
 * written on, the tfjs backend the run used. Free text, bounded; shown to the user, never executed.
 */
export const bundleProvenanceSchema = z.strictObject({
  runCommands: z.array(z.string().max(4000)).max(32),
  runCreatedAt: z.string().max(64).optional(),
  backend: z.string().max(32).optional(),
  gitCommit: z.string().max(64).optional(),
  machine: z.string().max(200).optional(),
});

/** The envelope. `config` is validated separately by parseConfig (so its errors name config fields). */
export const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT, { error: `not an ES Lottery Lab run bundle (format must be "${BUNDLE_FORMAT}")` }),
  version: z.literal(BUNDLE_VERSION, {
    error: `unsupported bundle version (this app reads version ${BUNDLE_VERSION})`,
  }),
  runId: z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 hex characters'),
  config: z.unknown(),
  createdAt: z
    .string()
    .max(64)
    .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date'),
  label: z.string().max(200).optional(),
  command: z.string().max(4000).optional(),
  precomputed: z.boolean().optional(),
  provenance: bundleProvenanceSchema.optional(),
  /** The records carry their metrics only, no mask, mean or σ (and there are no chains): curves to draw. */
  curvesOnly: z.literal(true).optional(),
  records: z.array(bundleRoundSchema).max(BUNDLE_LIMITS.maxRecords),
  chains: z.array(bundleChainSchema).max(BUNDLE_LIMITS.maxRecords).optional(),
});

export type BundleJson = z.infer<typeof bundleSchema>;
export type BundleRoundJson = z.infer<typeof bundleRoundSchema>;
export type BundleChainJson = z.infer<typeof bundleChainSchema>;
export type BundleProvenance = z.infer<typeof bundleProvenanceSchema>;
