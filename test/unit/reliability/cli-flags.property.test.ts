/**
 * Input surface "CLI flags" (docs/RELIABILITY.md): every generated bad flag value is refused with an
 * error that names the flag as the user typed it — for the config flags of imp/gd/transfer (through
 * configFromFlags and the registry params) and, end to end through `main`, for every command — and the
 * refused command writes nothing: no output folder appears and an existing run folder stays as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError, parseArgv } from '../../../src/cli/args';
import { configFromFlags, KNOWN_FLAGS } from '../../../src/cli/config-from-flags';
import { getPreset } from '../../../src/core/runs/presets';
import { getStrategy } from '../../../src/core/es/registry';
import { getNetwork } from '../../../src/core/nets/registry';
import { getTask, TASKS } from '../../../src/core/tasks/registry';
import type { ParamSpecs } from '../../../src/core/params';
import { ownSpec } from '../../../src/core/params';
import { runCli, snapshotDir, tinyImpArgs } from '../../helpers/cli';
import { SurfaceTally, reEscape } from '../../helpers/surface';

/** Every registered task id: a bad value is any other string. */
const TASK_IDS = TASKS.map((t) => t.id);

const tally = new SurfaceTally('cli-flags');
let root = '';
let run = '';
let runFiles: Record<string, string> = {};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lab-flags-'));
  run = join(root, 'run');
  expect((await runCli(tinyImpArgs(run))).code).toBe(0);
  runFiles = await snapshotDir(run);
});
afterAll(async () => {
  tally.save();
  await rm(root, { recursive: true, force: true });
});

const num = (x: number) => String(x);
const badIntText = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min: max + 1, max: max + 10 ** 6 }).map(num),
    fc.integer({ min: min - 10 ** 6, max: min - 1 }).map(num),
    fc
      .double({ min, max, noNaN: true })
      .filter((x) => !Number.isInteger(x))
      .map(num),
    fc.constantFrom('', 'abc', '0x10', 'NaN', 'Infinity', ' ', '1,2'),
  );
const badNumText = (min: number, max: number) =>
  fc.oneof(
    fc
      .double({ min: max, max: max * 10 + 10, noNaN: true })
      .filter((x) => x > max)
      .map(num),
    fc
      .double({ min: min - 10, max: min, noNaN: true })
      .filter((x) => x < min)
      .map(num),
    fc.constantFrom('', 'abc', 'NaN', 'Infinity', '0x1'),
  );
const notIn = (valid: readonly string[]) =>
  fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !valid.includes(s) && !s.startsWith('--'));
const badBool = notIn(['true', 'false']);

/** A bad text value for one registry param spec (as typed on the command line). */
function badParamText(specs: ParamSpecs): fc.Arbitrary<[string, string]> {
  const names = Object.keys(specs);
  const unknown = fc
    .oneof(
      fc.constantFrom('toString', 'valueOf', 'constructor', 'hasOwnProperty'),
      fc.stringMatching(/^[a-z][a-zA-Z]{0,12}$/),
    )
    .filter((k) => !ownSpec(specs, k))
    .map((k): [string, string] => [k, '1']);
  if (!names.length) return unknown;
  const known = fc.constantFrom(...names).chain((k) => {
    const s = specs[k];
    const v =
      s.kind === 'number'
        ? s.integer
          ? badIntText(s.min, s.max)
          : badNumText(s.min, s.max)
        : s.kind === 'boolean'
          ? badBool
          : notIn(s.options.map((o) => o.value));
    return v.map((text): [string, string] => [k, text]);
  });
  return fc.oneof(known, unknown);
}

/** [flag, value] pairs that configFromFlags must refuse, on top of preset `preset`. */
function badConfigFlag(preset: string): fc.Arbitrary<[string, string]> {
  const c = getPreset(preset).config;
  const pair = (flag: string, v: fc.Arbitrary<string>) => v.map((x): [string, string] => [flag, x]);
  return fc.oneof(
    pair('rounds', badIntText(1, 40)),
    pair('prune-frac', badNumText(0.01, 0.9)),
    pair('gens', badIntText(1, 100000)),
    pair('eval-every', badIntText(1, 100000)),
    // An odd population only for strategies that sample mirrored pairs.
    pair(
      'popsize',
      getStrategy(c.es.id).antithetic !== 'none'
        ? fc.oneof(badIntText(4, 4096), fc.constant('33'))
        : badIntText(4, 4096),
    ),
    pair('seed', fc.oneof(fc.constantFrom('', 'a', '0,0', '-1', '2-1', '0-40', '1,,2', '3,3,4', '1.5', '99999999999'))),
    pair('mean-decay', badNumText(0, 0.1)),
    pair('centered-rank', badBool),
    pair('sigma-mode', notIn(['paper', 'sC', 'true'])),
    pair('scope', notIn(['global', 'layerwise'])),
    pair('task', notIn(TASK_IDS)),
    pair('net', notIn(['mlp', 'cnn', 'policy_mlp'])),
    pair('es', notIn(['pgpe', 'snes', 'sep_cma_es', 'des', 'open_es', 'ars'])),
    pair(
      'prune',
      fc.oneof(
        notIn(['magnitude', 'snr', 'random_reinit', 'mask_reinit', 'permute_weights', 'permute_mask_weights']),
        fc.constant('magnitude,magnitude'),
      ),
    ),
    pair('out', fc.constantFrom('', 'true', ' ')),
    badParamText(getStrategy(c.es.id).paramSpecs).map(([k, v]): [string, string] => [`es.${k}`, v]),
    badParamText(getNetwork(c.network.id).paramSpecs).map(([k, v]): [string, string] => [`net.${k}`, v]),
    badParamText(getTask(c.task.id).paramSpecs).map(([k, v]): [string, string] => [`task.${k}`, v]),
    fc
      .stringMatching(/^[a-z][a-z-]{0,15}$/)
      .filter((k) => !KNOWN_FLAGS.has(k))
      .map((k): [string, string] => [k, '1']),
  );
}

describe('CLI flags', () => {
  it('configFromFlags refuses every bad config flag, naming the flag', async () => {
    const cases = fc
      .constantFrom('mnist-quick', 'cartpole-reduced', 'hopper-reduced')
      .chain((preset) => badConfigFlag(preset).map(([flag, value]) => ({ preset, flag, value })));
    await fc.assert(
      fc.asyncProperty(cases, async ({ preset, flag, value }) => {
        const flags = parseArgv(['imp', '--preset', preset, `--${flag}=${value}`]).flags;
        await tally.expectRefused(() => configFromFlags(flags), new RegExp(reEscape(`--${flag}`)), CliError);
      }),
      { numRuns: 300 },
    );
  });

  it('every command refuses a bad flag before writing anything', async () => {
    const out = () => join(root, 'out');
    const cmd = fc.oneof(
      badConfigFlag('cartpole-reduced').map(([f, v]) => ({
        argv: ['imp', '--preset', 'cartpole-reduced', '--out', out(), `--${f}=${v}`],
        flag: f,
      })),
      fc
        .oneof(
          fc.constant<[string, string]>(['backend', 'webgl']),
          badIntText(1, 100000).map((v): [string, string] => ['report-every', v]),
          badBool.map((v): [string, string] => ['quiet', v]),
        )
        .map(([f, v]) => ({ argv: ['imp', '--preset', 'cartpole-reduced', '--out', out(), `--${f}=${v}`], flag: f })),
      fc
        .oneof(
          badNumText(1e-6, 1).map((v): [string, string] => ['lr', v]),
          badIntText(1, 200).map((v): [string, string] => ['epochs', v]),
          badIntText(1, 8192).map((v): [string, string] => ['batch-size', v]),
          notIn(['adam', 'sgd']).map((v): [string, string] => ['optimizer', v]),
        )
        .map(([f, v]) => ({ argv: ['gd', '--preset', 'mnist-quick', '--out', out(), `--${f}=${v}`], flag: f })),
      fc
        .oneof(
          badIntText(1, 100000).map((v): [string, string] => ['report-every', v]),
          fc.constantFrom('0', 'a', '1,,2', '-3').map((v): [string, string] => ['rounds', v]),
          badBool.map((v): [string, string] => ['baselines', v]),
          badBool.map((v): [string, string] => ['to-gd', v]),
          fc.constant<[string, string]>(['backend', 'gpu']),
        )
        .map(([f, v]) => ({
          argv: [
            'transfer',
            '--from',
            run,
            '--out',
            out(),
            ...(f === 'rounds' ? [] : ['--rounds', '2']),
            `--${f}=${v}`,
          ],
          flag: f,
        })),
      fc
        .oneof(
          fc.constantFrom('', 'x', '0,0', '5').map((v): [string, string] => ['seeds', v]),
          fc.constant<[string, string]>(['colour', 'red']),
        )
        .map(([f, v]) => ({ argv: ['bundle', '--run', run, '--out', join(out(), 'b.json'), `--${f}=${v}`], flag: f })),
      fc
        .constantFrom<[string, string[]]>(
          ['runs', ['--runs', run]],
          ['out', ['--runs', `${run},${run}`, '--out=']],
          ['colour', ['--runs', `${run},${run}`, '--colour', 'red']],
        )
        .map(([flag, rest]) => ({ argv: ['merge', ...(flag === 'out' ? [] : ['--out', out()]), ...rest], flag })),
      fc.constantFrom('lmc', 'landscape', 'correlation').chain((c) =>
        fc
          .oneof(
            badIntText(0, 100000).map((v): [string, string] => ['test-images', v]),
            badIntText(1, 4096).map((v): [string, string] => ['chunk-rows', v]),
            fc.constantFrom('', 'x', '0,0', '7').map((v): [string, string] => ['seeds', v]),
            badBool.map((v): [string, string] => ['quiet', v]),
            fc.constant<[string, string]>(['backend', 'webgpu']),
            fc.constant<[string, string]>(['method', 'nope']),
            fc.constant<[string, string]>(['colour', 'red']),
          )
          .map(([f, v]) => ({ argv: [c, '--run', run, `--${f}=${v}`], flag: f })),
      ),
    );
    await fc.assert(
      fc.asyncProperty(cmd, async ({ argv, flag }) => {
        await tally.expectRefused(
          async () => {
            const r = await runCli(argv);
            if (r.code === 0) return undefined;
            throw new CliError(r.stderr);
          },
          new RegExp(reEscape(`--${flag}`)),
          CliError,
        );
        expect(await snapshotDir(out())).toEqual({});
        expect(await snapshotDir(run)).toEqual(runFiles);
      }),
      { numRuns: 150 },
    );
  });
});
