/**
 * Parameter names that every JavaScript object inherits ("toString", "constructor", "hasOwnProperty", …)
 * are not parameters: the config schema, the CLI flags, a share link and a run bundle all refuse them,
 * naming the field (they used to pass as registry params, change the run id and break String(params)).
 */
import { describe, expect, it } from 'vitest';
import { parseConfig, ConfigError } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';
import { resolveParams } from '../../../src/core/params';
import { getStrategy } from '../../../src/core/es/registry';
import { decodeShareParams } from '../../../src/core/runs/url-codec';
import { encodeBase64 } from '../../../src/core/runs/base64';
import { exportBundle, importBundle } from '../../../src/core/runs/bundle';
import { configFromFlags } from '../../../src/cli/config-from-flags';
import { CliError } from '../../../src/cli/args';

const INHERITED = Object.getOwnPropertyNames(Object.prototype).filter((k) => k !== '__proto__');
const base = getPreset('mnist-quick').config;

describe('inherited property names as parameter names', () => {
  it('parseConfig refuses each of them in every registry scope, naming the field', () => {
    for (const k of INHERITED) {
      for (const [scope, patch] of [
        ['es.params', { es: { ...base.es, params: { [k]: 1 } } }],
        ['network.params', { network: { ...base.network, params: { [k]: 3 } } }],
        ['task.params', { task: { ...base.task, params: { [k]: 1 } } }],
        ['prune.params.magnitude', { prune: { ...base.prune, params: { magnitude: { [k]: 1 } } } }],
      ] as const) {
        let err: unknown;
        try {
          parseConfig({ ...base, ...patch });
        } catch (e) {
          err = e;
        }
        expect(err, `${scope}.${k}`).toBeInstanceOf(ConfigError);
        expect((err as ConfigError).issues.map((i) => i.path)).toContain(`${scope}.${k}`);
      }
      expect(() => resolveParams(getStrategy('pgpe').paramSpecs, { [k]: 1 })).toThrow(/unknown parameter/);
    }
  });

  it('the CLI names the flag: --es.toString 1, --net.valueOf 3, --es.hasOwnProperty 1', () => {
    for (const [flag, value] of [
      ['es.toString', '1'],
      ['net.valueOf', '3'],
      ['es.hasOwnProperty', '1'],
      ['task.constructor', '1'],
    ]) {
      const run = () =>
        configFromFlags(
          new Map([
            ['preset', 'mnist-quick'],
            [flag, value],
          ]),
        );
      expect(run, flag).toThrow(CliError);
      expect(run, flag).toThrow(`--${flag}: unknown parameter`);
    }
  });

  it('a share link and a run bundle with such a parameter are refused', () => {
    const config = { ...base, es: { ...base.es, params: { toString: 1 } } };
    const c = encodeBase64(new TextEncoder().encode(JSON.stringify(config)), true);
    const shared = decodeShareParams(`c=${c}&v=1`);
    expect(shared.config).toBeUndefined();
    expect(shared.errors.map((e) => e.path)).toContain('es.params.toString');

    const text = exportBundle({ config: parseConfig(base), createdAt: '2024-01-01T00:00:00Z', records: [] });
    const tampered = text.replace('"params":{', '"params":{"valueOf":3,');
    const r = importBundle(tampered);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/config\.(es|network|task)\.params\.valueOf: unknown parameter/);
  });
});
