/**
 * The one "is this a plain JSON object (not null, not an array)?" check that input readers share
 * (sweep files, config differences, analysis output files).
 */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
