/**
 * A teacher's link: the URL parameters that open the paper tour at a step, a preset, the simple view for
 * students and projector mode, next to the share link's own `c`, `v`, `seed` and `hide`
 * (core/runs/url-codec.ts), after TF Playground's URL state:
 *   ?tour=3            the tour at step 3 (`?tour` alone: step 1; a step id such as `?tour=snr` works too)
 *   ?preset=mnist-2min the experiment with a preset loaded
 *   &simple=1          the simple view: task, strategy, rounds and Start only
 *   &projector=1       projector mode: large type, thick lines, high contrast
 * Parsing never throws: a bad value is reported with the parameter's name and otherwise ignored.
 */
import type { ExperimentConfig } from '../runs/config';
import { encodeShareQuery, type UrlIssue } from '../runs/url-codec';

export interface LessonState {
  /** 1-based tour step to open; null: not the tour. */
  readonly tourStep: number | null;
  readonly preset: string | null;
  readonly simple: boolean;
  readonly projector: boolean;
}

export interface LessonParse extends LessonState {
  readonly errors: readonly UrlIssue[];
}

export interface LessonOptions {
  /** Tour step ids in order (core/tour/steps.ts). */
  readonly stepIds: readonly string[];
  /** Preset ids (core/runs/presets.ts). */
  readonly presetIds: readonly string[];
}

export const LESSON_DEFAULT: LessonState = { tourStep: null, preset: null, simple: false, projector: false };

const TRUE = new Set(['', '1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

function flag(p: URLSearchParams, name: string, errors: UrlIssue[]): boolean {
  const raw = p.get(name);
  if (raw === null) return false;
  const v = raw.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (!FALSE.has(v)) errors.push({ path: name, message: `"${raw}" is not on or off (use ${name}=1 or ${name}=0)` });
  return false;
}

function tourStep(raw: string | null, stepIds: readonly string[], errors: UrlIssue[]): number | null {
  if (raw === null) return null;
  const v = raw.trim();
  if (v === '') return 1;
  if (/^\d{1,6}$/.test(v)) {
    const n = Number(v);
    if (n >= 1 && n <= stepIds.length) return n;
  }
  const byId = stepIds.indexOf(v);
  if (byId >= 0) return byId + 1;
  errors.push({
    path: 'tour',
    message: `"${raw}" is not a tour step (use 1–${stepIds.length} or one of ${stepIds.join(', ')}); opening step 1`,
  });
  return 1;
}

/** Reads the lesson parameters of a URL (a query string such as location.search, or URLSearchParams). */
export function parseLessonParams(params: URLSearchParams | string, options: LessonOptions): LessonParse {
  const p = typeof params === 'string' ? new URLSearchParams(params) : params;
  const errors: UrlIssue[] = [];
  const step = tourStep(p.get('tour'), options.stepIds, errors);
  let preset: string | null = null;
  const rawPreset = p.get('preset');
  if (rawPreset !== null) {
    if (options.presetIds.includes(rawPreset)) preset = rawPreset;
    else
      errors.push({
        path: 'preset',
        message: `unknown preset "${rawPreset}" (valid: ${options.presetIds.join(', ')})`,
      });
  }
  if (preset && p.has('c')) {
    errors.push({ path: 'preset', message: 'ignored: the link also carries its own settings (c)' });
    preset = null;
  }
  return {
    tourStep: step,
    preset,
    simple: flag(p, 'simple', errors),
    projector: flag(p, 'projector', errors),
    errors,
  };
}

/**
 * The query string (without '?') for a lesson state; `extra` (e.g. a share link's `c=…&v=1`) goes after the
 * tour or preset. Values are URL-safe by construction (step numbers, preset ids, 1).
 */
export function encodeLessonQuery(state: Partial<LessonState>, extra = ''): string {
  const parts: string[] = [];
  if (state.tourStep != null) parts.push(`tour=${state.tourStep}`);
  if (state.preset) parts.push(`preset=${encodeURIComponent(state.preset)}`);
  if (extra) parts.push(extra);
  if (state.simple) parts.push('simple=1');
  if (state.projector) parts.push('projector=1');
  return parts.join('&');
}

/** What a teacher's link opens. */
export type LessonTarget =
  | { readonly view: 'tour'; readonly tourStep: number }
  | { readonly view: 'experiment'; readonly presetId: string | null; readonly config: ExperimentConfig | null }
  | { readonly view: 'demo' };

/**
 * The query of a teacher's link to `target`: a tour step; the experiment with its preset (by id, so the
 * preset's precomputed curves come along) or, once edited, its settings as a share link; or the 2-D demo.
 * `simple` applies to the experiment only.
 */
export function teacherQuery(target: LessonTarget, options: { simple: boolean; projector: boolean }): string {
  const { projector } = options;
  if (target.view === 'tour') return encodeLessonQuery({ tourStep: target.tourStep, projector });
  if (target.view === 'demo') return encodeLessonQuery({ projector }, 'view=demo');
  const simple = options.simple;
  if (target.presetId) return encodeLessonQuery({ preset: target.presetId, simple, projector });
  const extra = target.config ? encodeShareQuery(target.config, { seed: target.config.seeds[0] }) : '';
  return encodeLessonQuery({ simple, projector }, extra);
}
