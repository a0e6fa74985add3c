/**
 * A tiny YAML emitter for the config export: nested maps, flow lists of scalars and comments — all the
 * es-lottery train configs use. Scalars are written so PyYAML (YAML 1.1, what the paper's code loads
 * configs with) reads them back as the intended type: strings double-quoted (JSON escapes are valid
 * YAML), floats with a '.' and a signed exponent (PyYAML reads `1e-04` as a string, `1.0e-04` as a float).
 */

export type YamlScalar = string | number | boolean;
export type YamlValue = YamlScalar | readonly YamlScalar[] | YamlMap;
export interface YamlMap {
  readonly [key: string]: YamlValue;
}

/** A number as a YAML 1.1 int or float literal. */
export function yamlNumber(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '.nan' : x > 0 ? '.inf' : '-.inf';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const s = String(x);
  const e = s.indexOf('e');
  if (e < 0) return s.includes('.') ? s : `${s}.0`;
  const mantissa = s.slice(0, e),
    exponent = s.slice(e + 1);
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}e${/^[+-]/.test(exponent) ? exponent : `+${exponent}`}`;
}

function scalar(v: YamlScalar): string {
  return typeof v === 'string' ? JSON.stringify(v) : typeof v === 'number' ? yamlNumber(v) : v ? 'true' : 'false';
}

function isMap(v: YamlValue): v is YamlMap {
  return typeof v === 'object' && !Array.isArray(v);
}

/** Block-style YAML of a map, `indent` spaces deep (keys must be plain identifiers). */
export function emitYaml(map: YamlMap, indent = 0): string {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const [k, v] of Object.entries(map)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new Error(`YAML key "${k}" is not a plain identifier`);
    if (isMap(v)) {
      lines.push(Object.keys(v).length ? `${pad}${k}:\n${emitYaml(v, indent + 2)}` : `${pad}${k}: {}`);
    } else if (Array.isArray(v)) {
      lines.push(`${pad}${k}: [${v.map(scalar).join(', ')}]`);
    } else {
      lines.push(`${pad}${k}: ${scalar(v as YamlScalar)}`);
    }
  }
  return lines.join('\n');
}

/** `# `-prefixed comment lines (empty lines stay `#`). */
export function yamlComment(lines: readonly string[]): string {
  return lines.map((l) => (l ? `# ${l}` : '#')).join('\n');
}
