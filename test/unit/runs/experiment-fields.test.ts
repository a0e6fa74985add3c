// The config's own fields are declared once (src/core/runs/experiment-fields.ts): the schema fills each
// optional field with its spec's default, refuses a missing required field and an out-of-range value with
// a message naming the field's path and its range, and every declared path is a field of the config.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';
import { EXPERIMENT_FIELD_LIST, fieldPath, fieldValue } from '../../../src/core/runs/experiment-fields';
import { rangeText } from '../../../src/core/params';

const base = getPreset('mnist-quick').config as unknown as Record<string, Record<string, unknown>>;

/** `base` without the field (or with it set to `value`). */
function withField(path: readonly string[], value?: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, Record<string, unknown>>;
  const holder = path.length === 1 ? (copy as Record<string, unknown>) : copy[path[0]];
  const key = path[path.length - 1];
  if (value === undefined) delete holder[key];
  else holder[key] = value;
  return copy;
}

function issues(input: unknown): string[] {
  try {
    parseConfig(input);
    return [];
  } catch (e) {
    return (e as ConfigError).issues.map((i) => `${i.path}: ${i.message}`);
  }
}

describe.each(EXPERIMENT_FIELD_LIST.map((f) => [f.id, f] as const))('experiment field %s', (_id, f) => {
  it('is a field of the parsed config, and absent it is the default or refused', () => {
    expect(fieldValue(parseConfig(base), f)).toBeDefined();
    if (f.required) expect(issues(withField(f.path)).join('\n')).toContain(fieldPath(f));
    else expect(fieldValue(parseConfig(withField(f.path)), f)).toBe(f.spec.default);
  });

  it('a value outside its range is refused with the path and the range', () => {
    const bad = f.spec.kind === 'number' ? f.spec.max + 1 : f.spec.kind === 'choice' ? 'no-such-value' : 'yes';
    const got = issues(withField(f.path, bad));
    expect(got).toHaveLength(1);
    expect(got[0]).toContain(fieldPath(f));
    expect(got[0]).toContain(f.spec.kind === 'boolean' ? 'true or false' : rangeText(f.spec));
  });
});
