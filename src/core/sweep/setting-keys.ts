/**
 * What the keys of a sweep file set, checked before any of them is applied (config-paths.ts applies them):
 *   - every key inside an object value is a config field or a parameter name: zod drops unknown keys, so
 *     `es: {constructor: 1}` or `prune: {round: 3}` would otherwise set nothing and run the base instead;
 *   - no field is set by two keys of base.config, or by two axes: `prune.rounds: 4` next to
 *     `prune: {rounds: 3}` would leave the value to key order, and two axes would label one field twice;
 *   - no key switches an entry (task, network, ES) after another key set that entry's params: switching
 *     starts the params from the new entry's defaults (config-paths.ts), so those params would be lost.
 * Axes override base.config on purpose (that is what an axis is for), so the two are checked separately,
 * except for one case (droppedBySwitchIssues): an axis that switches an entry whose params base.config
 * sets would drop them on the runs it switches, where the CLI (`--es.sigma_init 0.05 --es snes`) keeps
 * them.
 */
import { configPartsError, isPlainObject } from './config-paths';
import { filePath, type SweepIssue } from './sweep-spec';

/** One field a key sets: its config path and where in the file it is set. */
interface Setting {
  readonly parts: readonly string[];
  readonly at: readonly PropertyKey[];
}

/** Keys set by one key of base.config or one axis (all its values), in the order they are applied. */
export interface SettingGroup {
  readonly settings: readonly Setting[];
}

/**
 * Issues for the keys inside `value` (set at config path `parts`, found at `at` in the file) that are not
 * config fields, and the fields it sets: the leaves of its nested objects (a list, a single value or an
 * empty object is one field).
 */
export function settingsOf(
  parts: readonly string[],
  value: unknown,
  at: readonly PropertyKey[],
): { issues: SweepIssue[]; settings: Setting[] } {
  const issues: SweepIssue[] = [];
  const settings: Setting[] = [];
  const walk = (p: readonly string[], v: unknown, a: readonly PropertyKey[]) => {
    const keys = isPlainObject(v) ? Object.keys(v) : [];
    if (!keys.length) settings.push({ parts: p, at: a });
    for (const k of keys) {
      const err = configPartsError([...p, k]);
      if (err) issues.push({ path: filePath([...a, k]), message: err });
      else walk([...p, k], (v as Record<string, unknown>)[k], [...a, k]);
    }
  };
  walk(parts, value, at);
  return { issues, settings };
}

const joinPath = (parts: readonly string[]) => parts.join('.');
const SEP = '\u0000';

/** Two groups that set one field, or one that switches an entry whose params an earlier one set. */
export function conflictIssues(groups: readonly SettingGroup[]): SweepIssue[] {
  interface Seen extends Setting {
    readonly group: number;
  }
  const setAt = new Map<string, Seen>(); // a field's path → the first key that sets it
  const setInside = new Map<string, Seen>(); // every path above a set field → a key that sets a field inside it
  const issues: SweepIssue[] = [];
  const earlier = (key: string, group: number): Seen | undefined => {
    const s = setAt.get(key) ?? setInside.get(key);
    return s && s.group !== group ? s : undefined;
  };
  groups.forEach((g, group) => {
    for (const s of g.settings) {
      // The same field, a field inside it, or a field it lies inside, set by another key.
      let other = setInside.get(s.parts.join(SEP));
      for (let n = 1; n <= s.parts.length && !(other && other.group !== group); n++)
        other = setAt.get(s.parts.slice(0, n).join(SEP));
      if (other && other.group !== group) {
        const field = other.parts.length < s.parts.length ? other.parts : s.parts;
        issues.push({
          path: filePath(s.at),
          message: `sets ${joinPath(field)}, which ${filePath(other.at)} sets too: set each field in one place`,
        });
        continue;
      }
      const entry = s.parts.length >= 2 && s.parts[s.parts.length - 1] === 'id' ? s.parts.slice(0, -1) : null;
      const params = entry && earlier([...entry, 'params'].join(SEP), group);
      if (entry && params)
        issues.push({
          path: filePath(s.at),
          message:
            `switches ${joinPath(entry)} after ${filePath(params.at)} set ${joinPath(params.parts)}, and a switch ` +
            `starts ${joinPath(entry)}.params from the new ${joinPath(entry)}'s defaults, so that setting would be lost: ` +
            `list this one first, or give both in one value ({id: …, params: {…}})`,
        });
    }
    for (const s of g.settings) {
      const key = s.parts.join(SEP);
      if (!setAt.has(key)) setAt.set(key, { ...s, group });
      for (let n = 1; n < s.parts.length; n++) {
        const above = s.parts.slice(0, n).join(SEP);
        if (!setInside.has(above)) setInside.set(above, { ...s, group });
      }
    }
  });
  return issues;
}

/**
 * base.config settings inside an entry's params (`es.params.sigma_init`) where an axis switches that
 * entry (`es.id: [snes, pgpe]`): the switch starts the params from the new entry's defaults, so the
 * setting would hold on some runs and be dropped on others without a word.
 */
export function droppedBySwitchIssues(base: readonly SettingGroup[], axes: readonly SettingGroup[]): SweepIssue[] {
  const switches = new Map<string, Setting>();
  for (const s of axes.flatMap((g) => g.settings))
    if (s.parts.length >= 2 && s.parts[s.parts.length - 1] === 'id') switches.set(s.parts.slice(0, -1).join(SEP), s);
  const issues: SweepIssue[] = [];
  for (const s of base.flatMap((g) => g.settings)) {
    const at = s.parts.indexOf('params');
    const axis = at > 0 ? switches.get(s.parts.slice(0, at).join(SEP)) : undefined;
    if (!axis) continue;
    const entry = joinPath(s.parts.slice(0, at));
    issues.push({
      path: filePath(s.at),
      message:
        `sets ${joinPath(s.parts)}, but ${filePath(axis.at.slice(0, 2))} switches ${entry}, which starts ${entry}.params from ` +
        `the new ${entry}'s defaults, so this setting would be lost on those runs: move it to a one-value axis ` +
        `listed after that one ("${joinPath(s.parts)}": [value]), or give both in each value of an axis "${entry}" ` +
        `({id: …, params: {…}})`,
    });
  }
  return issues;
}
