// The result tabs' data adapters: a stored run's network layout rebuilt from its config equals the one the
// worker builds (instantiate) — so the mask views of a reopened run index the same flat parameters — and
// the records sent to the analysis worker are copies (the store's arrays stay attached) carrying what the
// jobs read.
import { describe, expect, it } from 'vitest';
import { layoutOf } from '../../../src/core/runs/network-shape';
import { jobRecords } from '../../../src/ui/run/analysis-client';
import { instantiate } from '../../../src/core/experiments/setup';
import { parseConfig } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';
import type { RoundRecord } from '../../../src/core/experiments/events';

const noFiles = (p: string): Promise<Uint8Array> => Promise.reject(new Error(`no data files here (${p})`));

describe('layoutOf', () => {
  it('control: equals the layout of the instantiated policy network', async () => {
    const config = parseConfig({
      ...getPreset('mnist-quick').config,
      task: { id: 'pendulum', params: {} },
      network: { id: 'policy_mlp', params: {} },
    });
    const { net, task } = await instantiate(config, { readBytes: noFiles });
    const layout = layoutOf(config);
    expect(layout.layers).toEqual(net.layers);
    expect(layout.inputShape).toEqual([3]); // Pendulum observation (cos θ, sin θ, θ̇)
    expect(layout.outputSize).toBe(1);
    task.dispose();
  });

  it('vision: the pool param picks 14×14 or 28×28 inputs; the first kernel has side² rows', () => {
    const base = parseConfig(getPreset('mnist-quick').config);
    for (const [pool, side] of [
      ['14x14', 14],
      ['28x28', 28],
    ] as const) {
      const config = parseConfig({ ...base, task: { ...base.task, params: { ...base.task.params, pool } } });
      const layout = layoutOf(config);
      expect(layout.inputShape).toEqual([side, side, 1]);
      expect(layout.outputSize).toBe(10);
      if (layout.layers[0].kind === 'dense') expect(layout.layers[0].kernelShape[0]).toBe(side * side);
      const last = layout.layers[layout.layers.length - 1];
      expect(last.biasSize).toBe(10);
    }
  });
});

describe('jobRecords', () => {
  const rec = {
    seed: 1,
    method: 'snr',
    roundNum: 2,
    sparsityFrac: 0.2,
    mask: Uint8Array.of(1, 0, 1),
    mean: Float32Array.of(0.5, 0, -1),
    std: Float32Array.of(0.1, 1e20, 0.2),
    finalPerf: 0.9,
    evals: [],
  } as unknown as RoundRecord;

  it('copies mask, mean (and σ when asked) into fresh buffers listed for transfer', () => {
    const { records, buffers } = jobRecords([rec], true);
    const r = records[0];
    expect([...r.mask]).toEqual([1, 0, 1]);
    expect([...r.mean]).toEqual([0.5, 0, -1]);
    expect([...r.std]).toEqual([...rec.std]);
    expect(r.mean.buffer).not.toBe(rec.mean.buffer);
    expect(buffers).toEqual([r.mask.buffer, r.mean.buffer, r.std.buffer]);
    expect(r).toMatchObject({ seed: 1, method: 'snr', roundNum: 2, sparsityFrac: 0.2 });
    expect('evals' in r).toBe(false);
  });

  it('leaves σ out (empty) for jobs that do not read it', () => {
    expect(jobRecords([rec], false).records[0].std.length).toBe(0);
  });
});
