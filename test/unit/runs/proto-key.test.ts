/**
 * `__proto__` as a key: JSON.parse and YAML make it an ordinary own key, which zod, assignments and
 * object literals then drop without a word, so `--es.__proto__ 1` used to run the plain preset under its
 * own run id and a config file or share link with such a key was accepted. Every entry point refuses it,
 * naming the place (the flag for the CLI), and nothing it touches reaches Object.prototype.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';
import { findKey, findProtoKey, UNSAFE_KEYS } from '../../../src/core/runs/proto-key';
import { configIssues } from '../../helpers/refusals';
import { exportBundle, importBundle } from '../../../src/core/runs/bundle';
import { decodeShareParams } from '../../../src/core/runs/url-codec';
import { encodeBase64 } from '../../../src/core/runs/base64';
import { configFromFlags } from '../../../src/cli/config-from-flags';
import { CliError, parseArgv } from '../../../src/cli/args';

const preset = getPreset('mnist-2min').config;
const flagsOf = (argv: string[]) => parseArgv(['imp', '--preset', 'mnist-2min', ...argv]).flags;

const configErrorPaths = configIssues;

afterEach(() => {
  // Nothing may have been merged into the prototype every object shares.
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('x');
});

describe('__proto__ keys', () => {
  it.each([
    ['--es.__proto__', '1'],
    ['--task.__proto__', '1'],
    ['--net.__proto__', '1'],
    ['--prune.magnitude.__proto__', '1'],
    ['--prune.__proto__.x', '1'],
  ])('the CLI refuses %s, naming the flag', (flag, value) => {
    const run = () => configFromFlags(flagsOf([flag, value]));
    expect(run).toThrow(CliError);
    const named = flag === '--prune.__proto__.x' ? '--prune.__proto__' : flag;
    expect(run).toThrow(`${named}: "__proto__" is not a field or parameter name`);
  });

  it('the plain preset still parses (the refusal is not a side effect of the preset)', () => {
    expect(() => configFromFlags(flagsOf([]))).not.toThrow();
  });

  it('parseConfig refuses an own __proto__ key at any depth, naming its path', () => {
    const text = JSON.stringify(preset);
    const withKey = (where: string, key: string) =>
      JSON.parse(text.replace(where, `${where}"__proto__":${key},`)) as unknown;
    expect(configErrorPaths(withKey('"params":{', '{"x":1}'))[0]).toMatch(
      /^(task|network|es)\.params\.__proto__: "__proto__" is not/,
    );
    expect(configErrorPaths(JSON.parse(text.replace(/^\{/, '{"__proto__":{"x":1},')))[0]).toMatch(/^__proto__: /);
    const prune = { ...preset, prune: { ...preset.prune, params: JSON.parse('{"magnitude":{"__proto__":1}}') } };
    expect(configErrorPaths(prune)).toEqual([
      'prune.params.magnitude.__proto__: "__proto__" is not a field or parameter name',
    ]);
  });

  it('a share link with such a key is refused', () => {
    const json = JSON.stringify(preset).replace('"params":{', '"params":{"__proto__":{"x":1},');
    const shared = decodeShareParams(`c=${encodeBase64(new TextEncoder().encode(json), true)}&v=1`);
    expect(shared.config).toBeUndefined();
    expect(shared.errors.map((e) => e.path).join(' ')).toMatch(/params\.__proto__/);
  });

  it('findProtoKey finds own keys only, in arrays and deep nesting, without recursion', () => {
    expect(findProtoKey({ a: [{ b: 1 }, JSON.parse('{"__proto__":2}')] })).toEqual(['a', 1, '__proto__']);
    expect(findProtoKey({ a: { toString: 1 }, b: null })).toBeNull();
    let deep: unknown = JSON.parse('{"__proto__":0}');
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findProtoKey(deep)?.length).toBe(100_001);
  });

  it('a run bundle refuses it, constructor and prototype through the same scan, naming where they are', () => {
    const text = exportBundle({ config: parseConfig(preset), createdAt: '2024-01-01T00:00:00.000Z', records: [] });
    type Json = { config: { es: { params: Record<string, unknown> } } } & Record<string, unknown>;
    const withKey = (edit: (j: Json) => void) => {
      const j = JSON.parse(text) as Json;
      edit(j);
      const got = importBundle(JSON.stringify(j));
      return got.ok ? 'accepted' : got.message;
    };
    const params = (json: string) => (j: Json) => (j.config.es.params = JSON.parse(json) as Record<string, unknown>);
    expect(withKey(params('{"__proto__":{"x":1}}'))).toBe(
      'forbidden key "__proto__" in config.es.params (rejected as unsafe)',
    );
    expect(withKey(params('{"constructor":1}'))).toBe(
      'forbidden key "constructor" in config.es.params (rejected as unsafe)',
    );
    expect(withKey((j) => (j.prototype = 1))).toBe('forbidden key "prototype" in the file (rejected as unsafe)');
    expect(findKey({ a: [{ b: { prototype: 1 } }] }, UNSAFE_KEYS)).toEqual(['a', 0, 'b', 'prototype']);
    expect(findKey({ a: { toString: 1 } }, UNSAFE_KEYS)).toBeNull();
  });
});
