/**
 * Input surface "config schema" (docs/RELIABILITY.md): every generated invalid config is refused by
 * parseConfig with a ConfigError whose issues name the broken field; valid presets still pass.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ConfigError, parseConfig } from '../../../src/core/runs/config';
import { PRESETS } from '../../../src/core/runs/presets';
import { badConfig } from '../../helpers/bad-configs';
import { SurfaceTally } from '../../helpers/surface';

const tally = new SurfaceTally('config-schema');
afterAll(() => tally.save());

describe('config schema', () => {
  it('every preset is valid (the generators start from valid configs)', () => {
    for (const p of PRESETS) expect(() => parseConfig(p.config), p.id).not.toThrow();
  });

  it('refuses every config with one broken field, naming that field', async () => {
    await fc.assert(
      fc.asyncProperty(badConfig(), async (bad) => {
        await tally.expectRefused(
          () => {
            try {
              parseConfig(bad.input);
            } catch (e) {
              if (e instanceof ConfigError) {
                const named = e.issues.some((i) => i.path === bad.path || i.path.startsWith(`${bad.path}.`));
                if (!named) throw new Error(`crash: refused without naming ${bad.path}: ${e.message}`);
              }
              throw e;
            }
          },
          /./,
          ConfigError,
        );
      }),
      { numRuns: 600 },
    );
  });
});
