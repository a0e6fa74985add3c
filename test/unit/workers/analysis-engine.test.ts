// LabEngine.runAnalysis (workers/lab-engine.ts) in Node, through the method the comlink worker exposes
// (runs in the worker with progress and cancel): the engine instantiates task + network from the
// run's config (cached per run id) and gives the same numbers as calling the analysis jobs directly on
// instances built the same way; progress is monotone; cancel ends the job within one chunk; one job at a
// time; no leaked tensors. Records are the ones a real (tiny) IMP run streamed, layout included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { LabEngine } from '../../../workers/lab-engine';
import type { AnalysisProgress, ImpProgress } from '../../../src/protocol/worker-protocol';
import { selectBackend } from '../../../workers/backend-chain';
import { runRegistryJob, runRolloutJob } from '../../../workers/analysis-job';
import { instantiate } from '../../../src/core/experiments/setup';
import type { RoundRecord } from '../../../src/core/experiments/events';
import { tinyCartpoleConfig } from '../../helpers/tiny-cartpole';

const config = tinyCartpoleConfig({ methods: ['magnitude', 'snr'], seeds: [0] });
const noFiles = (path: string): Promise<Uint8Array> =>
  Promise.reject(new Error(`no data files in this test (${path})`));

let eng: LabEngine;
let records: RoundRecord[] = [];
let start: Extract<ImpProgress, { kind: 'start' }> | undefined;

beforeAll(async () => {
  eng = new LabEngine({ initBackend: (pref) => selectBackend(pref) });
  await eng.init('wasm');
  await eng.runImp(config, (m) => {
    if (m.kind === 'round') records.push(m.record);
    if (m.kind === 'start') start = m;
  });
  records = records.slice();
});
afterAll(async () => {
  await tf.setBackend('wasm');
});

describe('LabEngine.runAnalysis', () => {
  it('the start message carries the network layout and input shape', async () => {
    const { net, task } = await instantiate(config, { readBytes: noFiles });
    expect(start?.layout.layers).toEqual(net.layers);
    expect(start?.layout.inputShape).toEqual([4]); // CartPole observation (x, ẋ, θ, θ̇)
    expect(start?.layout.outputSize).toBe(task.io.outputSize);
    task.dispose();
  });

  it('LMC and correlation equal the jobs run directly; progress is monotone; tensors stay flat', async () => {
    const inst = await instantiate(config, { readBytes: noFiles });
    const parts = { ...inst, prune: { pruneFrac: config.prune.pruneFrac, scope: config.prune.scope } };
    const lmcArgs = { options: { points: 5, pairs: 'rounds' }, selection: { chains: ['snr'], seeds: [0] } };
    const direct = await runRegistryJob('lmc', parts, records, lmcArgs);
    const before = tf.memory().numTensors;
    const seen: AnalysisProgress[] = [];
    const out = await eng.runAnalysis('lmc', config, records, lmcArgs, (p) => {
      seen.push(p);
    });
    expect(out.status).toBe('done');
    if (out.status !== 'done') return;
    const [g] = out.result.groups;
    expect(out.result.barrierKind).toBe('return'); // CartPole: returns, no connectivity threshold
    expect(g.matrix.endpointBarrier).toEqual(direct.groups[0].matrix.endpointBarrier);
    expect(g.matrix.excessBarrier).toEqual(direct.groups[0].matrix.excessBarrier);
    expect(g.nets.map((n) => n.perf)).toEqual(direct.groups[0].nets.map((n) => n.perf));
    expect(g.nets.map((n) => n.roundNum)).toEqual([1, 2, 3]);
    expect(g.matrix.pairs.every((p) => p.path.connected === null)).toBe(true);
    expect(seen.length).toBeGreaterThan(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i].done).toBeGreaterThanOrEqual(seen[i - 1].done);
    expect(seen[seen.length - 1].done).toBe(seen[0].total);

    const corrArgs = { options: { layer: 0 } };
    const corr = await eng.runAnalysis('correlation', config, records, corrArgs);
    const corrDirect = await runRegistryJob('correlation', parts, records, corrArgs);
    expect(corr.status === 'done' && corr.result.rows.map((r) => r.spearman)).toEqual(
      corrDirect.rows.map((r) => r.spearman),
    );
    // the cached task (one instance per run id) stays; nothing else is left behind
    const cachedOnce = tf.memory().numTensors;
    await eng.runAnalysis('correlation', config, records, corrArgs);
    expect(tf.memory().numTensors).toBe(cachedOnce);
    expect(cachedOnce - before).toBeLessThanOrEqual(parts.task.kind === 'control' ? 0 : 10);
    inst.task.dispose();
  });

  it('rollout replays the fixed test episode of a round mean; its return matches the direct job', async () => {
    const last = records.filter((r) => r.method === 'magnitude').sort((a, b) => b.roundNum - a.roundNum)[0];
    const args = { taskId: 'cartpole', envParams: config.task.params, params: last.mean };
    const out = await eng.runAnalysis('rollout', config, [], args);
    const { net, task } = await instantiate(config, { readBytes: noFiles });
    const direct = await runRolloutJob({ net }, [], args);
    task.dispose();
    expect(out.status).toBe('done');
    if (out.status !== 'done') return;
    expect(out.result.episodeReturn).toBe(direct.episodeReturn);
    expect(out.result.states.length).toBe(out.result.rewards.length + 1);
  });

  it('cancel ends a running analysis; a second job meanwhile is refused', async () => {
    const args = {
      options: { directions: 4, points: 41, surface: 15 },
      selection: { chains: ['magnitude'], seeds: [0] },
    };
    let cancelled = false;
    const run = eng.runAnalysis('landscape', config, records, args, (p) => {
      if (!cancelled && p.done > 0) {
        cancelled = true;
        eng.cancel();
      }
    });
    await expect(eng.runAnalysis('lmc', config, records, { options: { points: 3 } })).rejects.toThrow(
      /already in progress/,
    );
    expect((await run).status).toBe('cancelled');
    expect(eng.status().running).toBeNull();
  });

  it('rejects an invalid config and an unknown kind with clear messages', async () => {
    await expect(eng.runAnalysis('lmc', { ...config, seeds: [] }, records, { options: { points: 3 } })).rejects.toThrow(
      /seeds/,
    );
    await expect(eng.runAnalysis('nope' as 'lmc', config, records, { options: { points: 3 } })).rejects.toThrow(
      /unknown analysis/,
    );
    await expect(eng.runAnalysis('lmc', config, records, { options: { points: 1 } })).rejects.toThrow(
      /points = 1 is outside/,
    );
  });
});
