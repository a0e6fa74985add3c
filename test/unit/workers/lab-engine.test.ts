// LabEngine (workers/lab-engine.ts) in Node, through the same methods the comlink worker exposes:
// backend report, the 2-D demo for every registered strategy, one-run-at-a-time, pause/resume/cancel,
// tensor hygiene, and a round trip through comlink over a MessageChannel.
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { expose, proxy, wrap } from 'comlink';
import { LabEngine } from '../../../workers/lab-engine';
import type { Demo2dBatch, Demo2dConfig } from '../../../src/protocol/worker-protocol';
import { selectBackend } from '../../../workers/backend-chain';
import { STRATEGIES } from '../../../src/core/es/registry';
import { defaultsOf } from '../../../src/core/params';
import { TOY_2D_LIST } from '../../../src/core/tasks/toy/toy-2d';

const newEngine = () => new LabEngine({ initBackend: (pref) => selectBackend(pref) });

function cfgFor(strategyId: string, over: Partial<Demo2dConfig> = {}): Demo2dConfig {
  const s = STRATEGIES.find((x) => x.id === strategyId)!;
  return {
    fnId: TOY_2D_LIST[0].id,
    strategyId,
    params: defaultsOf(s.paramSpecs),
    popSize: 16,
    generations: 60,
    seed: 3,
    gensPerSec: 0,
    ...over,
  };
}

const frames = (batches: Demo2dBatch[]) => batches.flatMap((b) => b.frames);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterAll(async () => {
  await tf.setBackend('wasm');
});

describe('LabEngine', () => {
  it('refuses to run before init; init reports the chain (Node: wasm after webgpu/webgl skipped)', async () => {
    const eng = newEngine();
    await expect(eng.runDemo2d(cfgFor(STRATEGIES[0].id), () => undefined)).rejects.toThrow(/call init\(\)/);
    const rep = await eng.init('auto');
    expect(rep.active).toBe('wasm');
    expect(rep.attempts.filter((a) => !a.ok).map((a) => a.backend)).toEqual(['webgpu', 'webgl']);
    expect(eng.status()).toMatchObject({ running: null, phase: 'idle', backend: 'wasm' });
  });

  it('toyGrid returns res² finite values over the function bounds', async () => {
    const eng = newEngine();
    await eng.init('wasm');
    const g = await eng.toyGrid(TOY_2D_LIST[0].id, 21);
    expect(g.values.length).toBe(21 * 21);
    expect(g.values.every(Number.isFinite)).toBe(true);
    expect(g.bounds[1]).toBeGreaterThan(g.bounds[0]);
  });

  it.each(STRATEGIES.map((s) => [s.id]))(
    '%s: streams every generation once, improves, and frees its tensors',
    async (id) => {
      const eng = newEngine();
      await eng.init('wasm');
      const before = tf.memory().numTensors;
      const batches: Demo2dBatch[] = [];
      const out = await eng.runDemo2d(cfgFor(id), (b) => {
        batches.push(b);
      });
      expect(out.status).toBe('done');
      const fr = frames(batches);
      expect(fr.map((f) => f.generation)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      // batched, not one message per generation
      expect(batches.length).toBeLessThan(60);
      for (const f of fr) {
        expect(f.population.length).toBe(32);
        expect(f.mean.length).toBe(2);
      }
      // best-so-far is monotone and ends better than the first generation's
      for (let i = 1; i < fr.length; i++) expect(fr[i].bestScore).toBeGreaterThanOrEqual(fr[i - 1].bestScore);
      expect(fr[fr.length - 1].bestScore).toBeGreaterThan(fr[0].bestScore);
      if (out.status === 'done') expect(out.result.bestScore).toBe(fr[fr.length - 1].bestScore);
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it('one run at a time: a second request gets a clear error and the first finishes', async () => {
    const eng = newEngine();
    await eng.init('wasm');
    const first = eng.runDemo2d(cfgFor(STRATEGIES[0].id, { generations: 30, gensPerSec: 200 }), () => undefined);
    await expect(eng.runDemo2d(cfgFor(STRATEGIES[1].id), () => undefined)).rejects.toThrow(/already in progress/);
    await expect(eng.init('cpu')).rejects.toThrow(/cannot switch backend/);
    expect((await first).status).toBe('done');
    expect(eng.status().running).toBeNull();
  });

  it('pause holds the generation counter, resume continues, cancel stops within one generation', async () => {
    const eng = newEngine();
    await eng.init('wasm');
    const before = tf.memory().numTensors;
    let lastGen = 0;
    let cancelAt = Infinity;
    let atCancel = -1;
    const run = eng.runDemo2d(cfgFor(STRATEGIES[0].id, { generations: 5000, gensPerSec: 100 }), (b) => {
      lastGen = b.frames[b.frames.length - 1].generation;
      // cancel from inside the stream, exactly when generation ≥ cancelAt has been reported
      if (lastGen >= cancelAt && atCancel < 0) {
        atCancel = lastGen;
        eng.cancel();
      }
    });
    await sleep(150);
    expect(lastGen).toBeGreaterThan(0);
    eng.pause();
    await sleep(50);
    const atPause = lastGen;
    await sleep(200);
    expect(eng.status().phase).toBe('paused');
    expect(lastGen).toBe(atPause);
    eng.resume();
    await sleep(150);
    expect(lastGen).toBeGreaterThan(atPause);
    cancelAt = lastGen + 5;
    const out = await run;
    expect(out.status).toBe('cancelled');
    expect(atCancel).toBeGreaterThanOrEqual(cancelAt);
    expect(lastGen - atCancel).toBeLessThanOrEqual(1);
    expect(tf.memory().numTensors).toBe(before);
    // the slot is free again
    expect((await eng.runDemo2d(cfgFor(STRATEGIES[0].id, { generations: 3 }), () => undefined)).status).toBe('done');
  });

  it('invalid configs are rejected with the field named', async () => {
    const eng = newEngine();
    await eng.init('wasm');
    await expect(eng.runDemo2d(cfgFor(STRATEGIES[0].id, { popSize: 1 }), () => undefined)).rejects.toThrow(/popSize/);
    await expect(eng.runDemo2d(cfgFor(STRATEGIES[0].id, { fnId: 'nope' }), () => undefined)).rejects.toThrow(/nope/);
  });

  it('works through comlink over a MessageChannel (the worker interface)', async () => {
    const { port1, port2 } = new MessageChannel();
    expose(newEngine(), port1 as unknown as Parameters<typeof expose>[1]);
    const remote = wrap<LabEngine>(port2 as unknown as Parameters<typeof wrap>[0]);
    expect((await remote.init('wasm')).active).toBe('wasm');
    const gens: number[] = [];
    const out = await remote.runDemo2d(
      cfgFor(STRATEGIES[0].id, { generations: 20 }),
      proxy((b: Demo2dBatch) => {
        gens.push(...b.frames.map((f) => f.generation));
      }),
    );
    expect(out.status).toBe('done');
    await sleep(20);
    expect(gens).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await expect(
      remote.runDemo2d(
        cfgFor(STRATEGIES[0].id, { popSize: 1 }),
        proxy(() => undefined),
      ),
    ).rejects.toThrow(/popSize/);
    port1.close();
    port2.close();
  });
});
