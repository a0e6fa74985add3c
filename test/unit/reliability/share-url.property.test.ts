/**
 * Input surface "share URL" (docs/RELIABILITY.md): decodeShareParams never throws; every generated bad
 * link is reported with an issue naming the part (c, v, seed, hide) or the config field, and a link with
 * a bad config yields no config to run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeShareParams, encodeShareQuery } from '../../../src/core/runs/url-codec';
import { encodeBase64 } from '../../../src/core/runs/base64';
import { parseConfig } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';
import { badConfig } from '../../helpers/bad-configs';
import { SurfaceTally } from '../../helpers/surface';

const tally = new SurfaceTally('share-url');
afterAll(() => tally.save());

const good = parseConfig(getPreset('mnist-quick').config);
const goodQuery = encodeShareQuery(good, { seed: 0 });
const b64 = (text: string) => encodeBase64(new TextEncoder().encode(text), true);

/** Decodes `query`; returns the issues as one message when it was refused for `path`, throws otherwise. */
function refusal(query: string, path: string | RegExp, configMustBeGone: boolean): string {
  const s = decodeShareParams(query);
  if (!s.errors.length) throw new Error('silent acceptance: the input was accepted');
  const named = s.errors.some((e) =>
    typeof path === 'string' ? e.path === path || e.path.startsWith(`${path}.`) : path.test(e.path),
  );
  if (!named) throw new Error(`crash: issues do not name ${String(path)}: ${JSON.stringify(s.errors)}`);
  if (configMustBeGone && s.config) throw new Error('silent acceptance: a config came back from a bad link');
  return s.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
}

describe('share URL', () => {
  it('the good link decodes to the config', () => {
    expect(decodeShareParams(goodQuery)).toMatchObject({ config: good, seed: 0, errors: [] });
  });

  it('a link whose config has one broken field names that field', async () => {
    await fc.assert(
      fc.asyncProperty(badConfig(), async (bad) => {
        await tally.expectRefused(() => refusal(`c=${b64(JSON.stringify(bad.input))}&v=1`, bad.path, true), /./);
      }),
      { numRuns: 300 },
    );
  });

  it('damaged parts of a link name the part', async () => {
    const part = fc.oneof(
      fc.string({ minLength: 1 }).map((junk) => ({ q: `c=${encodeURIComponent(junk)}&v=1`, path: 'c', gone: true })),
      fc.string({ maxLength: 200 }).map((t) => ({ q: `c=${b64(t)}&v=1`, path: /^(c|config|[a-z]+)/, gone: true })),
      fc
        .string({ minLength: 1, maxLength: 10 })
        .filter((v) => v !== '1')
        .map((v) => ({ q: `${goodQuery.replace('v=1', `v=${encodeURIComponent(v)}`)}`, path: 'v', gone: true })),
      fc
        .oneof(
          fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/^\d+$/.test(s)),
          fc
            .integer({ min: 0, max: 10 ** 9 })
            .filter((n) => !good.seeds.includes(n))
            .map(String),
        )
        .map((seed) => ({
          q: goodQuery.replace('seed=0', `seed=${encodeURIComponent(seed)}`),
          path: 'seed',
          gone: false,
        })),
      fc
        .string({ minLength: 1, maxLength: 12 })
        .filter(
          (h) =>
            !['task', 'network', 'es', 'prune', 'budget', 'seeds', 'backend'].includes(h.trim()) &&
            !h.includes(',') &&
            h.trim() !== '',
        )
        .map((h) => ({ q: `${goodQuery}&hide=${encodeURIComponent(h)}`, path: 'hide', gone: false })),
    );
    await fc.assert(
      fc.asyncProperty(part, async ({ q, path, gone }) => {
        await tally.expectRefused(() => refusal(q, path, gone), /./);
      }),
      { numRuns: 300 },
    );
  });
});
