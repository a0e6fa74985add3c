// LabEngine.runTransfer (workers/transfer-job.ts) in Node, through the method the comlink worker exposes
// (docs/ALGORITHMS.md §5): a real (tiny) MNIST IMP run's SNR ticket is
// trained on F-MNIST / with SNES / with GD; the trained mask is the source mask byte for byte (passed in,
// or read from the run store), the baseline is sparsity-matched; a ticket that does not fit names both
// sizes; cancel ends the job; one job at a time; tfjs tensor count stays flat.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { readFile } from 'node:fs/promises';
import { LabEngine } from '../../../workers/lab-engine';
import type { TransferArgs, TransferProgress } from '../../../src/protocol/worker-protocol';
import { selectBackend } from '../../../workers/backend-chain';
import { targetConfigOf, ticketOf } from '../../../workers/transfer-job';
import { gdBackendProblem } from '../../../src/core/experiments/gd/gd-eligibility';
import { theta0For } from '../../../src/core/experiments/imp';
import { randomReinitAt } from '../../../src/core/experiments/transfer';
import { getNetwork } from '../../../src/core/nets/registry';
import { prunableSparsity } from '../../../src/core/prune/layout';
import { parseConfig } from '../../../src/core/runs/config';
import { runId } from '../../../src/core/runs/hash';
import { RunStore } from '../../../src/storage/run-store';
import type { RoundRecord } from '../../../src/core/experiments/events';

const readBytes = async (p: string): Promise<Uint8Array> => new Uint8Array(await readFile(`public/data/${p}`));
const config = parseConfig({
  task: { id: 'mnist', params: { pool: '14x14', batchSize: 64, testSubset: 300 } },
  network: { id: 'mlp', params: { hiddenLayers: 1, width: 8 } },
  es: { id: 'pgpe', popSize: 8, params: { sigma_init: 0.05 } },
  prune: { methods: ['snr', 'random_reinit'], rounds: 2, pruneFrac: 0.5 },
  budget: { generationsPerRound: 3, evalEvery: 3 },
  seeds: [0],
});

let eng: LabEngine;
let source: RoundRecord;
const sourceReinit: RoundRecord[] = [];

beforeAll(async () => {
  const store = RunStore.open({ name: 'transfer-job' });
  eng = new LabEngine({
    initBackend: (pref) => selectBackend(pref),
    readBytes: (p) => readBytes(p),
    openStore: () => store,
  });
  await eng.init('wasm');
  const recs: RoundRecord[] = [];
  const out = await eng.runImp(config, (m) => {
    if (m.kind === 'round') recs.push(m.record);
  });
  expect(out.status).toBe('done');
  source = recs.find((r) => r.method === 'snr' && r.roundNum === 2)!;
  sourceReinit.push(recs.find((r) => r.method === 'random_reinit' && r.roundNum === 2)!);
});
afterAll(async () => {
  await tf.setBackend('wasm');
});

const ref = (over: Partial<TransferArgs['source']> = {}): TransferArgs['source'] => ({
  config,
  seed: 0,
  method: 'snr',
  roundNum: 2,
  mask: source.mask.slice(),
  ...over,
});
const collect = () => {
  const msgs: TransferProgress[] = [];
  return {
    msgs,
    sink: (m: TransferProgress) => {
      msgs.push(m);
    },
  };
};

describe('targetConfigOf / ticketOf (pure)', () => {
  it('a task switch keeps the source task params; an ES switch starts from that ES defaults; seeds = [seed]', () => {
    const t = targetConfigOf(
      config,
      { taskId: 'fmnist', trainer: { kind: 'es', esId: 'snes', params: { temperature: 12 }, generations: 7 } },
      3,
    );
    expect(t.task).toEqual({ id: 'fmnist', params: config.task.params });
    expect(t.es.id).toBe('snes');
    expect(t.es.params.temperature).toBe(12);
    expect(t.es.params).not.toHaveProperty('lrate_init'); // no PGPE params leak into SNES
    expect(t.budget.generationsPerRound).toBe(7);
    expect(t.seeds).toEqual([3]);
    expect(() => targetConfigOf(config, { trainer: { kind: 'es', params: { nope: 1 } } }, 0)).toThrow(/nope/);
  });

  it('θ0 is the chain θ0 as the IMP run drew it (random_reinit: the round-k fresh init)', () => {
    const net = getNetwork('mlp').build(config.network.params, { inputShape: [14, 14, 1], outputSize: 10 });
    const t = ticketOf(config, ref(), source.mask);
    expect(t.mask).toBe(source.mask);
    expect(t.theta0).toEqual(theta0For(net, 0));
    expect(t.sparsityFrac).toBeCloseTo(0.5, 12);
    expect(t.source).toMatchObject({
      taskId: 'mnist',
      inputShape: [14, 14, 1],
      outputSize: 10,
      paramCount: net.paramCount,
    });
    const rr = ticketOf(config, ref({ method: 'random_reinit' }), sourceReinit[0].mask);
    expect(rr.theta0).toEqual(randomReinitAt(net, 0, 2, 0.5).init);
    expect(randomReinitAt(net, 0, 2, 0.5).mask).toEqual(sourceReinit[0].mask); // the stored chain's own mask
  });

  it('GD on a CNN is refused on wasm with a message naming the kernel and the way out', () => {
    const cnn = getNetwork('cnn').build({}, { inputShape: [28, 28, 1], outputSize: 10 });
    expect(gdBackendProblem(cnn, 'wasm')).toMatch(/Conv2DBackpropFilter.*wasm.*cpu/);
    expect(gdBackendProblem(cnn, 'cpu')).toBeNull();
    expect(
      gdBackendProblem(getNetwork('mlp').build({}, { inputShape: [14, 14, 1], outputSize: 10 }), 'wasm'),
    ).toBeNull();
  });
});

describe('LabEngine.runTransfer', () => {
  it('MNIST → F-MNIST: trains exactly the source mask, streams progress, baseline at the same sparsity, no leak', async () => {
    const before = tf.memory().numTensors;
    const sourceBytes = source.mask.slice();
    const { msgs, sink } = collect();
    const out = await eng.runTransfer({ source: ref(), target: { taskId: 'fmnist', trainer: { kind: 'es' } } }, sink);
    expect(out.status).toBe('done');
    if (out.status !== 'done') return;
    expect(tf.memory().numTensors).toBe(before);
    const [ticket, base] = out.result.records;
    expect(ticket.method).toBe('transfer_snr');
    expect(base.method).toBe('random_reinit');
    expect(Buffer.compare(Buffer.from(ticket.mask), Buffer.from(sourceBytes))).toBe(0);
    for (let i = 0; i < ticket.mask.length; i++) if (!ticket.mask[i]) expect(ticket.mean[i]).toBe(0);
    const layers = getNetwork('mlp').build(config.network.params, { inputShape: [14, 14, 1], outputSize: 10 }).layers;
    expect(prunableSparsity(base.mask, layers)).toBeCloseTo(prunableSparsity(ticket.mask, layers), 12);
    expect(base.mask).not.toEqual(ticket.mask);
    expect(out.result.targetConfig.task.id).toBe('fmnist');
    expect(ticket.evals.map((e) => e.gen)).toEqual([1, 3]);
    expect(ticket.finalPerf).toBeGreaterThanOrEqual(0);
    // start, then generation batches, then one round message per training, in order
    expect(msgs[0].kind).toBe('start');
    if (msgs[0].kind === 'start')
      expect(msgs[0]).toMatchObject({ methods: ['ticket', 'random_reinit'], stepsPerTraining: 3 });
    expect(msgs.filter((m) => m.kind === 'round').map((m) => m.kind === 'round' && m.record.method)).toEqual([
      'transfer_snr',
      'random_reinit',
    ]);
    expect(msgs.some((m) => m.kind === 'gens')).toBe(true);
  });

  it('reads the mask from the run store when none is passed (byte-identical to the streamed round)', async () => {
    const out = await eng.runTransfer(
      {
        source: ref({ mask: undefined, runId: runId(config) }),
        target: { trainer: { kind: 'es', esId: 'snes', params: { sigma_init: 0.025 } } },
        baselines: false,
      },
      () => undefined,
    );
    expect(out.status).toBe('done');
    if (out.status !== 'done') return;
    expect(out.result.records.map((r) => r.method)).toEqual(['transfer_snr']);
    expect(Buffer.compare(Buffer.from(out.result.records[0].mask), Buffer.from(source.mask))).toBe(0);
    await expect(
      eng.runTransfer(
        { source: ref({ mask: undefined, runId: runId(config), roundNum: 9 }), target: { trainer: { kind: 'es' } } },
        () => undefined,
      ),
    ).rejects.toThrow(/no finished round snr, seed 0, round 9/);
  });

  it('GD target: masked Adam keeps the pruned weights at zero', async () => {
    const before = tf.memory().numTensors;
    const out = await eng.runTransfer(
      { source: ref(), target: { trainer: { kind: 'gd', options: { epochs: 1, batchSize: 2048, lr: 1e-3 } } } },
      () => undefined,
    );
    expect(out.status).toBe('done');
    if (out.status !== 'done') return;
    expect(tf.memory().numTensors).toBe(before);
    const [ticket, base] = out.result.records;
    expect([ticket.method, base.method]).toEqual(['gd_transfer_snr', 'gd_random_reinit']);
    expect(ticket.mask).toEqual(source.mask);
    for (let i = 0; i < ticket.mask.length; i++) if (!ticket.mask[i]) expect(ticket.mean[i]).toBe(0);
    expect(out.result.trainerLabel).toMatch(/Adam.*batch 2048.*1 epoch/);
  });

  it('a ticket that does not fit names both sizes; a wrong-length mask names the architectures', async () => {
    await expect(
      eng.runTransfer(
        { source: ref(), target: { taskParams: { pool: '28x28' }, trainer: { kind: 'es' } } },
        () => undefined,
      ),
    ).rejects.toThrow(
      /input 14×14×1 → 10.*cannot be trained on mnist \(input 28×28×1 → 10.*input\/output sizes differ/,
    );
    await expect(
      eng.runTransfer({ source: ref(), target: { taskId: 'cartpole', trainer: { kind: 'es' } } }, () => undefined),
    ).rejects.toThrow(/input 14×14×1 → 10.*cartpole \(input 4 →/);
    await expect(
      eng.runTransfer(
        { source: ref({ mask: new Uint8Array(5) }), target: { trainer: { kind: 'es' } } },
        () => undefined,
      ),
    ).rejects.toThrow(/architectures differ \(mask has 5 entries\)/);
    expect(eng.status().running).toBeNull();
  });

  it('cancel ends the job within a generation; a second job meanwhile is refused; tensors stay flat', async () => {
    const before = tf.memory().numTensors;
    let cancelled = false;
    const run = eng.runTransfer({ source: ref(), target: { trainer: { kind: 'es', generations: 400 } } }, (m) => {
      if (!cancelled && m.kind === 'gens') {
        cancelled = true;
        eng.cancel();
      }
    });
    await expect(
      eng.runTransfer({ source: ref(), target: { trainer: { kind: 'es' } } }, () => undefined),
    ).rejects.toThrow(/already in progress/);
    const out = await run;
    expect(out.status).toBe('cancelled');
    expect(cancelled).toBe(true);
    expect(eng.status().running).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });
});
