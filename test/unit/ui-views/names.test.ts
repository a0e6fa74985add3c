// Display names (src/core/names.ts): what students read is a name, never a registry id — every method,
// strategy, task and network of the registries, GD and transfer chains, layers by their role, LMC labels
// and run titles.
import { describe, expect, it } from 'vitest';
import {
  layerName,
  layerNameAt,
  layerNames,
  methodName,
  netLabel,
  networkName,
  sourcedName,
  runTitle,
  strategyName,
  taskName,
  trainerSummary,
} from '../../../src/core/names';
import { PRUNE_METHODS } from '../../../src/core/prune/registry';
import { STRATEGIES } from '../../../src/core/es/registry';
import { TASKS } from '../../../src/core/tasks/registry';
import { NETWORKS } from '../../../src/core/nets/registry';
import { parseConfig } from '../../../src/core/runs/config';
import { PRESETS } from '../../../src/core/runs/presets';
import { gdConfigOf } from '../../../src/state/gd-runs';

/** An id-looking word: snake_case, or the registry's lower-case ids such as fmnist. */
const ID_LIKE = /\b[a-z]+_[a-z_]+\b|\bfmnist\b|\bsep_cma_es\b|\bpolicy_mlp\b|Dense_\d|Conv_\d/;

describe('display names', () => {
  it('every registry entry has a name that is not its id and reads like words', () => {
    const all = [
      ...PRUNE_METHODS.map((m) => [m.id, methodName(m.id)]),
      ...STRATEGIES.map((s) => [s.id, strategyName(s.id)]),
      ...TASKS.map((t) => [t.id, taskName(t.id)]),
      ...NETWORKS.map((n) => [n.id, networkName(n.id)]),
    ];
    for (const [id, name] of all) {
      if (id.length > 3) expect(name, id).not.toBe(id); // short ids such as "des" are also their names' letters
      expect(name, id).not.toMatch(ID_LIKE);
    }
    expect(methodName('random_reinit')).toBe('Random mask, new weights (baseline)');
    expect(taskName('fmnist')).toBe('Fashion-MNIST');
  });

  it('names gradient-descent chains and transferred tickets from the method they carry', () => {
    expect(methodName('gd_magnitude')).toBe('GD · Ticket (magnitude pruning)');
    expect(methodName('transfer_snr')).toBe('Ticket (signal-to-noise pruning), transferred');
    expect(methodName('gd_transfer_snr')).toBe('GD · Ticket (signal-to-noise pruning), transferred');
    expect(methodName('gd_transfer_gd_magnitude')).toBe('GD · Ticket (magnitude pruning), transferred');
    expect(methodName('some_new_thing')).toBe('some new thing'); // unknown: at least no underscores
  });

  it('labels a curve with its source without a second bracket', () => {
    expect(sourcedName('magnitude', 'precomputed')).toBe('Ticket, magnitude pruning — precomputed');
    expect(sourcedName('random_reinit', 'your run')).toBe('Random mask, new weights, baseline — your run');
    expect(sourcedName('gd_snr', 'precomputed')).toBe('GD · Ticket, signal-to-noise pruning — precomputed');
    expect(sourcedName('transfer_snr', 'your run')).toBe('Ticket (signal-to-noise pruning), transferred — your run');
    for (const m of PRUNE_METHODS) expect(sourcedName(m.id, 'precomputed'), m.id).not.toMatch(/\)\s*\(/);
  });

  it('names layers by their role and size', () => {
    const mlp = [
      { name: 'Dense_0', kind: 'dense' as const, kernelShape: [196, 32] },
      { name: 'Dense_1', kind: 'dense' as const, kernelShape: [32, 10] },
    ];
    expect(layerNames(mlp)).toEqual(['hidden layer 1 (196 → 32)', 'output layer (32 → 10)']);
    const cnn = [
      { name: 'Conv_0', kind: 'conv' as const, kernelShape: [5, 5, 1, 8] },
      { name: 'Conv_1', kind: 'conv' as const, kernelShape: [5, 5, 8, 16] },
      { name: 'Dense_0', kind: 'dense' as const, kernelShape: [256, 10] },
    ];
    expect(layerNames(cnn)).toEqual([
      'convolution 1 (5×5, 1 → 8 channels)',
      'convolution 2 (5×5, 8 → 16 channels)',
      'output layer (256 → 10)',
    ]);
    expect(layerName('Conv_1', cnn)).toBe('convolution 2 (5×5, 8 → 16 channels)');
    expect(layerName('Dense_7', cnn)).toBe('dense layer 8'); // not among the layers: from its name alone
    expect(layerName('Conv_0')).toBe('convolution layer 1');
    expect(layerName('weird')).toBe('weird');
  });

  it('an analysis names a layer by its index as the Masks tab does, with its shape', () => {
    const named = layerNames([
      { name: 'Dense_0', kind: 'dense' as const, kernelShape: [196, 32] },
      { name: 'Dense_1', kind: 'dense' as const, kernelShape: [32, 10] },
    ]);
    expect(layerNameAt(0, 'Dense_0', named)).toBe('hidden layer 1 (196 → 32)'); // not "dense layer 1"
    expect(layerNameAt(1, 'Dense_1', named)).toBe('output layer (32 → 10)');
    expect(layerNameAt(0, 'Dense_0')).toBe('dense layer 1'); // the network unknown: its flax name alone
    expect(layerNameAt(5, 'Dense_5', named)).toBe('dense layer 6');
  });

  it('LMC labels and run titles are words', () => {
    expect([netLabel('r3'), netLabel('s12'), netLabel('ES r2')]).toEqual(['round 3', 'seed 12', 'ES r2']);
    for (const p of PRESETS) {
      const c = parseConfig(p.config);
      expect(runTitle(c), p.id).not.toMatch(ID_LIKE);
    }
    const mnist = parseConfig(PRESETS.find((p) => p.id === 'mnist-quick')!.config);
    expect(trainerSummary(mnist)).toMatch(/^PGPE, \d+ per generation, \d+ generations per round$/);
    // one round, one generation: singular words ("1 rounds" read wrong in the Runs list)
    const one = { ...mnist, prune: { ...mnist.prune, rounds: 1 }, budget: { ...mnist.budget, generationsPerRound: 1 } };
    expect(runTitle(one)).toMatch(/PGPE, \d+ per generation, 1 generation per round · 1 round$/);
    expect(trainerSummary(gdConfigOf(mnist, { lr: 0.001 }))).toBe(
      'gradient descent (Adam, learning rate 0.001, 1 epoch per round)',
    );
  });
});
