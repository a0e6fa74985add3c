/**
 * Share links (docs/ARCHITECTURE.md convention 8, after TF Playground's URL state):
 *   ?c=<base64url of canonical JSON of the config's non-default fields>&v=<schema version>
 *    &seed=<selected seed>&hide=prune,es
 * Only fields that differ from what parseConfig would fill in are carried, so links stay short and keep
 * meaning the same run when a default is added elsewhere. `hide` names UI sections a lesson hides.
 * Decoding validates through parseConfig and returns field-named errors; it never throws into the UI.
 */
import {
  ConfigError,
  CONFIG_SCHEMA_VERSION,
  parseConfig,
  type ExperimentConfig,
  type ExperimentConfigInput,
} from './config';
import { canonicalJson } from './hash';
import { decodeBase64, encodeBase64 } from './base64';

/** Settings-panel sections a share link may hide (`?hide=prune,es`). */
export const HIDEABLE_SECTIONS = ['task', 'network', 'es', 'prune', 'budget', 'seeds', 'backend'] as const;
export type UiSection = (typeof HIDEABLE_SECTIONS)[number];

export interface UrlIssue {
  readonly path: string;
  readonly message: string;
}

export interface ShareState {
  /** Canonical config; undefined when the URL carries none (or it is invalid: see errors). */
  readonly config?: ExperimentConfig;
  /** Seed whose results to show; one of config.seeds. */
  readonly seed?: number;
  readonly hidden: ReadonlySet<UiSection>;
  /** Field-named problems (path 'c', 'seed', 'hide', 'v', or a config path such as 'es.popSize'). */
  readonly errors: readonly UrlIssue[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const isObject = (v: unknown): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);

/** The required fields of a config: what parseConfig cannot default. */
function skeletonOf(c: ExperimentConfig): ExperimentConfigInput {
  return {
    task: { id: c.task.id },
    network: { id: c.network.id },
    es: { id: c.es.id, popSize: c.es.popSize },
    prune: { methods: [...c.prune.methods], rounds: c.prune.rounds },
    budget: { generationsPerRound: c.budget.generationsPerRound },
    seeds: [...c.seeds],
  };
}

/** Fields of `a` whose value differs from `b` (recursing into objects; arrays compare whole). */
function diff(a: JsonObject, b: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(a)) {
    const w = b[k];
    if (isObject(v) && isObject(w)) {
      const d = diff(v, w);
      if (Object.keys(d).length) out[k] = d;
    } else if (canonicalJson(v) !== canonicalJson(w)) out[k] = v;
  }
  return out;
}

function merge(a: JsonObject, b: JsonObject): JsonObject {
  const out: JsonObject = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const w = out[k];
    out[k] = isObject(v) && isObject(w) ? merge(w, v) : v;
  }
  return out;
}

/** The smallest input that parseConfig turns back into `config` (required fields + non-defaults). */
export function minimalConfig(config: ExperimentConfig): JsonObject {
  const canonical = parseConfig(config);
  const skeleton = skeletonOf(canonical) as unknown as JsonObject;
  const base = parseConfig(skeleton) as unknown as JsonObject;
  const { schemaVersion: _, ...rest } = merge(skeleton, diff(canonical as unknown as JsonObject, base));
  return rest;
}

/**
 * The query string (without '?') of a share link for a config (+ selected seed, hidden sections).
 * Built by hand: every value is URL-safe (base64url, digits, section names), and URLSearchParams would
 * escape the commas of `hide=prune,es` that a teacher may want to edit by hand.
 */
export function encodeShareQuery(
  config: ExperimentConfig,
  options: { seed?: number; hidden?: Iterable<UiSection> } = {},
): string {
  const parts = [
    `c=${encodeBase64(new TextEncoder().encode(canonicalJson(minimalConfig(config))), true)}`,
    `v=${CONFIG_SCHEMA_VERSION}`,
  ];
  if (options.seed !== undefined) parts.push(`seed=${options.seed}`);
  const hidden = [...new Set(options.hidden ?? [])];
  if (hidden.length) parts.push(`hide=${hidden.join(',')}`);
  return parts.join('&');
}

function parseHidden(raw: string | null, errors: UrlIssue[]): Set<UiSection> {
  const hidden = new Set<UiSection>();
  for (const name of (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if ((HIDEABLE_SECTIONS as readonly string[]).includes(name)) hidden.add(name as UiSection);
    else errors.push({ path: 'hide', message: `unknown section "${name}" (valid: ${HIDEABLE_SECTIONS.join(', ')})` });
  }
  return hidden;
}

function parseConfigParam(raw: string, errors: UrlIssue[]): ExperimentConfig | undefined {
  let input: unknown;
  try {
    input = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(decodeBase64(raw, true)));
  } catch (e) {
    errors.push({
      path: 'c',
      message: `the link's config is damaged (${(e as Error).message}); was the link cut off?`,
    });
    return undefined;
  }
  try {
    return parseConfig(input);
  } catch (e) {
    if (e instanceof ConfigError) errors.push(...e.issues);
    else errors.push({ path: 'c', message: `invalid config (${(e as Error).message})` });
    return undefined;
  }
}

/** Reads a share link's params (a URLSearchParams or a query string such as location.search). */
export function decodeShareParams(params: URLSearchParams | string): ShareState {
  const p = typeof params === 'string' ? new URLSearchParams(params) : params;
  const errors: UrlIssue[] = [];
  const v = p.get('v');
  if (v !== null && v !== String(CONFIG_SCHEMA_VERSION)) {
    errors.push({
      path: 'v',
      message: `the link was made for config schema version ${v}; this app reads version ${CONFIG_SCHEMA_VERSION}`,
    });
  }
  const raw = p.get('c');
  const config = raw !== null && !errors.length ? parseConfigParam(raw, errors) : undefined;
  let seed: number | undefined;
  const seedRaw = p.get('seed');
  if (seedRaw !== null) {
    const n = /^\d{1,10}$/.test(seedRaw) ? Number(seedRaw) : NaN;
    if (!Number.isSafeInteger(n)) errors.push({ path: 'seed', message: `"${seedRaw}" is not a non-negative integer` });
    else if (config && !config.seeds.includes(n))
      errors.push({ path: 'seed', message: `seed ${n} is not among the config's seeds [${config.seeds.join(', ')}]` });
    else seed = n;
  }
  const hidden = parseHidden(p.get('hide'), errors);
  return { ...(config ? { config } : {}), ...(seed !== undefined ? { seed } : {}), hidden, errors };
}
