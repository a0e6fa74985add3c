/**
 * The sweep file (YAML or JSON; `lab sweep plan|run|slurm`): a base experiment (a preset and/or a config),
 * axes that vary config paths, and the seeds every configuration runs with. Validated with zod; every
 * error names its place in the file, e.g. `axes["es.params.sigma_init"][1]`.
 *
 *   name: cartpole-es                  # optional; names the Slurm jobs and the bundles
 *   base:
 *     preset: cartpole-reduced         # and/or config: { … } (merged onto the preset)
 *   axes:                              # the grid: every combination of the values
 *     es.id: [snes, sep_cma_es]
 *     prune.rounds: [3, 5]
 *   seeds: 0-2                         # or [0, 1, 2]
 */
import { z } from 'zod';
import { MAX_SEED, seedProblem } from '../runs/config';
import { clip } from '../runs/csv-format';
import { findProtoKey, PROTO_KEY_MESSAGE } from '../runs/proto-key';
import { isPlainObject } from '../plain-object';

const MAX_SEEDS = 32;

/** "0-4" → [0..4], "0,2" → [0, 2], one whole number, or a list of them; each seed checked by seedProblem. */
const seedsSchema = z
  .unknown()
  .transform((v, ctx): number[] => {
    const bad = (seed: unknown, path: PropertyKey[] = []) => {
      ctx.addIssue({ code: 'custom', message: seedProblem(seed) ?? '', path });
      return z.NEVER;
    };
    if (typeof v === 'number') return seedProblem(v) ? bad(v) : [v];
    if (Array.isArray(v)) {
      const wrong = v.findIndex((s) => seedProblem(s) !== null);
      return wrong >= 0 ? bad(v[wrong], [wrong]) : (v as number[]);
    }
    if (typeof v === 'string') {
      const range = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(v);
      const parts = range ? [range[1], range[2]] : v.split(',').map((s) => s.trim());
      const seeds = parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : null;
      const tooBig = seeds?.find((n) => n > MAX_SEED);
      if (tooBig !== undefined) return bad(tooBig);
      if (seeds && !range) return seeds;
      // The count is checked before the list is built: "0-99999999" would allocate millions of seeds.
      if (seeds && seeds[1] >= seeds[0] && seeds[1] - seeds[0] < MAX_SEEDS)
        return Array.from({ length: seeds[1] - seeds[0] + 1 }, (_, i) => seeds[0] + i);
      if (seeds && seeds[1] >= seeds[0]) {
        ctx.addIssue({ code: 'custom', message: `give between 1 and ${MAX_SEEDS} seeds ("${v.trim()}" is more)` });
        return z.NEVER;
      }
    }
    ctx.addIssue({
      code: 'custom',
      message: `seeds must be a whole number, a list of them, "A-B" or "A,B,…" (got ${clip(JSON.stringify(v) ?? String(v))})`,
    });
    return z.NEVER;
  })
  .refine((s) => s.length >= 1 && s.length <= MAX_SEEDS, `give between 1 and ${MAX_SEEDS} seeds`)
  .superRefine((s, ctx) => {
    const twice = s.find((seed, i) => s.indexOf(seed) !== i);
    if (twice !== undefined) ctx.addIssue({ code: 'custom', message: `seed ${twice} is listed twice` });
  });

export const sweepSpecSchema = z.strictObject({
  name: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
      'letters, digits, ".", "_" and "-" only, at most 64, as it names files and Slurm jobs',
    )
    .default('sweep'),
  base: z
    .strictObject({
      preset: z.string().min(1).optional(),
      config: z.record(z.string(), z.unknown()).optional(),
    })
    .refine((b) => b.preset !== undefined || b.config !== undefined, 'give base.preset, base.config or both'),
  axes: z
    .record(
      z.string(),
      z.array(z.unknown()).min(1, 'an axis needs at least one value').max(256, 'at most 256 values per axis'),
    )
    .default({}),
  seeds: seedsSchema,
});

export type SweepSpecInput = z.input<typeof sweepSpecSchema>;
export type SweepSpec = z.output<typeof sweepSpecSchema>;

export interface SweepIssue {
  readonly path: string;
  readonly message: string;
}

/** A sweep file that cannot run; `issues` name their place in the file. */
export class SweepError extends Error {
  constructor(readonly issues: readonly SweepIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n'));
    this.name = 'SweepError';
  }
}

/** A path in the sweep file as the user would look for it: axes["es.id"][1], base.config.es.popSize. */
export function filePath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(String(p))) out += out ? `.${String(p)}` : String(p);
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out || '(the file)';
}

/** Whether a base.config key sets the seeds (`seeds`, or a path into them). */
export const isSeedsKey = (k: string): boolean => k === 'seeds' || k.startsWith('seeds.');

/**
 * Content of a sweep file the lab wrote itself (a sweep folder's sweep.json, a Slurm folder's copy) with
 * base.config's seeds left out. The lab used to write the preset's seeds there, which the top-level seeds
 * replaced; without them such a file expands to the runs it was written for instead of being refused
 * by the check that base.config's seeds are the top-level ones (expand.ts).
 */
export function withoutStoredBaseSeeds(input: unknown): unknown {
  const base = isPlainObject(input) ? input.base : undefined;
  const config = isPlainObject(base) ? base.config : undefined;
  if (!isPlainObject(input) || !isPlainObject(base) || !isPlainObject(config)) return input;
  const kept = Object.entries(config).filter(([k]) => !isSeedsKey(k));
  return { ...input, base: { ...base, config: Object.fromEntries(kept) } };
}

/**
 * Validates parsed file content (from YAML or JSON). Throws SweepError naming every bad field. `stored`:
 * a file the lab wrote itself (withoutStoredBaseSeeds).
 */
export function parseSweepSpec(input: unknown, opts: { readonly stored?: boolean } = {}): SweepSpec {
  // Before zod, whose records would drop the key silently (runs/proto-key.ts).
  const proto = findProtoKey(input);
  if (proto) throw new SweepError([{ path: filePath(proto), message: PROTO_KEY_MESSAGE }]);
  const content = opts.stored ? withoutStoredBaseSeeds(input) : input;
  const r = sweepSpecSchema.safeParse(content);
  if (!r.success)
    throw new SweepError(
      r.error.issues.map((i) => ({ path: filePath(i.path), message: i.message + issueGiven(i, content) })),
    );
  return r.data;
}

/**
 * " (got "2")" for an issue about a value's type or form, so the message says what the file holds;
 * '' for other issues, whose messages say it already or concern a whole object (an unknown key).
 */
function issueGiven(issue: z.core.$ZodIssue, content: unknown): string {
  return issue.code === 'invalid_type' || issue.code === 'invalid_format'
    ? givenText(valueAt(content, issue.path))
    : '';
}

/** " (got 2.5)", " (got "2")": a value from the file as JSON, shortened; '' for no value. */
function givenText(value: unknown): string {
  if (value === undefined) return '';
  const text = JSON.stringify(value) ?? String(value);
  return ` (got ${text.length > 40 ? `${text.slice(0, 40)}…` : text})`;
}

/** The value at `path` in parsed file content (own keys only), or undefined where there is none. */
function valueAt(content: unknown, path: readonly PropertyKey[]): unknown {
  let v = content;
  for (const p of path) {
    if (Array.isArray(v) && typeof p === 'number') v = v[p];
    else if (isPlainObject(v) && typeof p === 'string' && Object.hasOwn(v, p)) v = v[p];
    else return undefined;
  }
  return v;
}

/** A problem parseConfig found in one configuration: at config field `field` (a dotted path). */
export interface ConfigIssue {
  readonly where: string;
  readonly field: string;
  readonly message: string;
}

/** A dotted config path as the parts of a place in the file: list indices as numbers. */
const pathParts = (dotted: string): (string | number)[] =>
  dotted.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * parseConfig's message for field `i.path` without the path it starts with (the issue names it already),
 * plus what the configuration holds there: `must be an integer in [1, 40] (got "2")`.
 */
export function fieldMessage(i: { readonly path: string; readonly message: string }, input: unknown): string {
  const message = i.message.startsWith(`${i.path} `) ? i.message.slice(i.path.length + 1) : i.message;
  const value = valueAt(input, pathParts(i.path));
  return isPlainObject(value) || message.includes('(got ') ? message : message + givenText(value);
}

/** Whether config paths `a` and `b` are the same field or one lies inside the other. */
const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/**
 * The configurations' problems as issues. One that every configuration has alike, at a field that
 * base.config sets and no axis touches, is base.config's: reported once, at its key in the file, instead
 * of once per configuration.
 */
export function placeConfigIssues(invalid: readonly ConfigIssue[], spec: SweepSpec, configCount: number): SweepIssue[] {
  const keyOf = (i: ConfigIssue) => `${i.field}\u0000${i.message}`;
  const count = new Map<string, number>();
  for (const i of invalid) count.set(keyOf(i), (count.get(keyOf(i)) ?? 0) + 1);
  const baseKeys = Object.keys(spec.base.config ?? {});
  const axisPaths = Object.keys(spec.axes);
  const placed = new Map<string, SweepIssue>();
  for (const i of invalid) {
    const baseKey = baseKeys.find((k) => overlaps(k, i.field));
    const fromBase =
      baseKey !== undefined && count.get(keyOf(i)) === configCount && !axisPaths.some((p) => overlaps(p, i.field));
    if (!fromBase) {
      placed.set(`${i.where}\u0000${keyOf(i)}`, { path: i.where, message: `${i.field}: ${i.message}` });
      continue;
    }
    // The field's place in the file: the key, then the rest of the path inside the key's object value.
    const inside = i.field.startsWith(`${baseKey}.`) ? pathParts(i.field.slice(baseKey.length + 1)) : [];
    placed.set(keyOf(i), { path: filePath(['base', 'config', baseKey, ...inside]), message: i.message });
  }
  return [...placed.values()];
}
