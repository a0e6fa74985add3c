// The optional `trainer` block of the run config (runs/config.ts; GD-IMP in the lab): absent for
// ES (so every existing config keeps its canonical form and run id), `{ id: 'gd' }` gets the GD defaults
// filled, bad values name their field and range, and GD refuses SNR pruning and control tasks.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/core/runs/config';
import { canonicalJson, runId } from '../../../src/core/runs/hash';
import { getPreset } from '../../../src/core/runs/presets';
import { esConfigForGd, gdConfigOf, isCompanion, isGdBaselineOf, pickCompanion } from '../../../src/state/gd-runs';

const es = parseConfig(getPreset('mnist-quick').config);
const issues = (input: unknown): string[] => {
  try {
    parseConfig(input);
    return [];
  } catch (e) {
    return (e as ConfigError).issues.map((i) => `${i.path}: ${i.message}`);
  }
};

describe('config trainer block', () => {
  it('is absent from ES configs: canonical JSON and run id unchanged', () => {
    expect('trainer' in es).toBe(false);
    expect(canonicalJson(es)).not.toContain('trainer');
    expect(runId(parseConfig({ ...es, trainer: undefined }))).toBe(runId(es));
  });

  it('fills the GD defaults (Adam 3e-4, batch 128, 1 epoch) and gives GD its own run id', () => {
    const gd = parseConfig({
      ...es,
      prune: { ...es.prune, methods: ['magnitude'], params: {} },
      trainer: { id: 'gd' },
    });
    expect(gd.trainer).toEqual({
      id: 'gd',
      params: { optimizer: 'adam', lr: 3e-4, momentum: 0, batchSize: 128, epochs: 1 },
    });
    expect(runId(gd)).not.toBe(runId({ ...gd, trainer: undefined }));
    expect(runId(parseConfig(gd))).toBe(runId(gd)); // canonical: parsing again changes nothing
  });

  it('names each bad field with its range; refuses SNR and control tasks for GD', () => {
    expect(issues({ ...es, trainer: { id: 'gd', params: { lr: 5, epochs: 0 } } })).toEqual([
      'trainer.params.lr: must be a number in [0.000001, 1]',
      'trainer.params.epochs: must be an integer in [1, 200]',
    ]);
    expect(issues({ ...es, trainer: { id: 'ppo' } })).toEqual(['trainer.id: must be "gd" (omit trainer for ES)']);
    expect(issues({ ...es, trainer: { id: 'gd', params: { nesterov: true } } })[0]).toMatch(/^trainer\.params/);
    expect(issues({ ...es, trainer: { id: 'gd' } })).toEqual([
      expect.stringMatching(/^prune\.methods\.1: .*needs a per-parameter σ, which gradient descent does not have/),
    ]);
    const cart = parseConfig(getPreset('cartpole-reduced').config);
    expect(
      issues({ ...cart, prune: { ...cart.prune, methods: ['magnitude'], params: {} }, trainer: { id: 'gd' } }),
    ).toEqual([expect.stringMatching(/^trainer\.id: the GD baseline covers vision tasks/)]);
  });
});

describe('GD runs next to ES runs (state/gd-runs.ts)', () => {
  const gd = gdConfigOf(es, { lr: 1e-3 });

  it('gdConfigOf keeps task, network, seeds and schedule, drops SNR, adds the trainer', () => {
    expect(es.prune.methods).toContain('snr');
    expect(gd.prune.methods).toEqual(es.prune.methods.filter((m) => m !== 'snr'));
    expect(gd.trainer?.params.lr).toBe(1e-3);
    for (const k of ['task', 'network', 'seeds'] as const) expect(gd[k]).toEqual(es[k]);
    expect([gd.prune.rounds, gd.prune.pruneFrac, gd.prune.scope]).toEqual([
      es.prune.rounds,
      es.prune.pruneFrac,
      es.prune.scope,
    ]);
    expect(
      gdConfigOf(parseConfig({ ...es, prune: { ...es.prune, methods: ['snr'], params: {} } }), {}).prune.methods,
    ).toEqual(['magnitude', 'random_reinit']);
  });

  it('companions: same task/network/schedule, other trainer; the newest sharing a seed wins', () => {
    expect(isCompanion(es, gd)).toBe(true);
    expect(isCompanion(gd, es)).toBe(true);
    expect(isCompanion(es, es)).toBe(false);
    expect(isCompanion(es, { ...gd, prune: { ...gd.prune, pruneFrac: 0.3 } })).toBe(false);
    expect(isCompanion(es, { ...gd, network: { ...gd.network, params: { ...gd.network.params, width: 64 } } })).toBe(
      false,
    );
    const other = { ...gd, seeds: [7] };
    const runs = [
      { id: 'new-other-seed', config: other },
      { id: 'es-self', config: es },
      { id: 'older-gd', config: gd },
    ];
    expect(pickCompanion(es, 'es-self', runs)?.id).toBe('older-gd');
    expect(pickCompanion(es, 'es-self', [runs[0]])?.id).toBe('new-other-seed');
    expect(pickCompanion(es, 'es-self', [runs[1]])).toBeNull();
  });

  it('a stored GD run opens with the ES experiment it is the baseline of (SNR kept), else without its trainer', () => {
    const mnist2 = parseConfig(getPreset('mnist-2min').config);
    expect(isGdBaselineOf(es, gd)).toBe(true);
    expect(isGdBaselineOf(mnist2, gd)).toBe(false);
    expect(isGdBaselineOf(gd, gd)).toBe(false);
    // found among the candidates: the ES config itself (SNR back in the methods), with the run's seeds
    const reseeded = gdConfigOf(parseConfig({ ...es, seeds: [4, 5] }), { lr: 1e-3 });
    const back = esConfigForGd(reseeded, [mnist2, es]);
    expect(back.prune.methods).toContain('snr');
    expect(canonicalJson(back)).toBe(canonicalJson(parseConfig({ ...es, seeds: [4, 5] })));
    // no candidate: the GD run's settings as an ES experiment
    const bare = esConfigForGd(gd, [mnist2]);
    expect(bare.trainer).toBeUndefined();
    expect(bare.prune.methods).toEqual(gd.prune.methods);
    expect(esConfigForGd(es, [])).toBe(es);
  });
});
