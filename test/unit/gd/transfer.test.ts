// Ticket transfer (docs/ALGORITHMS.md §5): byte-identical source masks, clear shape errors, baselines.
import { describe, expect, it, vi } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkTicketFits,
  randomReinitAt,
  runTransfer,
  type Ticket,
  type TicketSource,
} from '../../../src/core/experiments/transfer';
import { runGdImp } from '../../../src/core/experiments/gd/gd-imp';
import { parseGdOptions } from '../../../src/core/experiments/gd/gd-options';
import { getNetwork } from '../../../src/core/nets/registry';
import { prunableSparsity } from '../../../src/core/prune/layout';
import { parseConfig } from '../../../src/core/runs/config';
import { RunFolder } from '../../../src/cli/run-folder';
import { readTickets, type SourceRun } from '../../../src/cli/gd/ticket-io';
import { gdFixture } from './fixtures';

const { task, train, net } = gdFixture();
const source: TicketSource = {
  taskId: 'synthetic',
  inputShape: [4, 4, 1],
  outputSize: 10,
  netDescribe: net.describe,
  paramCount: net.paramCount,
};
const options = parseGdOptions({ lr: 1e-2, batchSize: 25, epochs: 1 });
const prune = { methods: ['magnitude'], rounds: 3, pruneFrac: 0.5, scope: 'global' as const, params: {} };

/** A `lab gd` run folder of seed 0, 3 rounds of chain gd_magnitude, as transfer reads it (`run`). */
async function gdSourceRun() {
  const dir = await mkdtemp(join(tmpdir(), 'gd-transfer-'));
  const folder = new RunFolder(dir);
  await folder.create({}, { kind: 'gd' });
  const src = await runGdImp({ net, task, train, options, prune, seed: 0 });
  for (const r of src.records) await folder.appendRound(r);
  await folder.writeTheta0(0, src.theta0);
  const run: SourceRun = {
    dir,
    kind: 'gd',
    source,
    config: parseConfig({
      task: { id: 'mnist', params: {} },
      network: { id: 'mlp', params: { width: 16 } },
      es: { id: 'pgpe', popSize: 8, params: {} },
      prune: { methods: ['magnitude'], rounds: 3, pruneFrac: 0.5 },
      budget: { generationsPerRound: 1 },
      seeds: [0],
    }),
  };
  return { dir, src, run };
}

describe('transfer', () => {
  it('loads the source mask byte-identically from a run folder and trains exactly that mask', async () => {
    const { dir, src, run } = await gdSourceRun();
    const [
      {
        seed,
        tickets: [ticket],
      },
    ] = await readTickets(run, { method: 'gd_magnitude', seeds: [0], rounds: [3] });
    expect(seed).toBe(0);
    const fileBytes = new Uint8Array(await readFile(join(dir, 'masks', '0-gd_magnitude-r3.mask.bin')));
    expect(Buffer.compare(Buffer.from(ticket.mask), Buffer.from(fileBytes))).toBe(0);
    expect(ticket.mask).toEqual(src.records[2].mask);
    expect(ticket.theta0).toEqual(src.theta0);
    expect(ticket.sparsityFrac).toBeCloseTo(0.75, 12);

    const before = tf.memory().numTensors;
    const records = await runTransfer({
      tickets: [ticket],
      net,
      task,
      trainer: { kind: 'gd', options, train },
      seed: 5,
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(records.map((r) => r.method)).toEqual(['gd_transfer_gd_magnitude', 'gd_random_reinit']);
    const [tr, rr] = records;
    expect(Buffer.compare(Buffer.from(tr.mask), Buffer.from(fileBytes))).toBe(0);
    for (let i = 0; i < net.paramCount; i++) if (!fileBytes[i]) expect(tr.mean[i]).toBe(0);
    expect(tr.roundNum).toBe(3);
    expect(tr.pruneThreshold).toBeNaN(); // no pruning decision in a transfer run
    // The baseline is sparsity-matched (exact count) but a different, random mask.
    expect(prunableSparsity(rr.mask, net.layers)).toBeCloseTo(prunableSparsity(tr.mask, net.layers), 12);
    expect(rr.mask).not.toEqual(tr.mask);
    expect(tr.finalPerf).toBeGreaterThan(0.3);
  });

  // Every ticket read rounds.csv again, and its seed's θ0, after a first reading that checked the request.
  it('reads rounds.csv once for all the tickets of a transfer, in the order asked', async () => {
    const { src, run } = await gdSourceRun();
    const reads = vi.spyOn(RunFolder.prototype, 'readRounds');
    try {
      const [{ theta0, tickets }] = await readTickets(run, { method: 'gd_magnitude', seeds: [0], rounds: [3, 1, 2] });
      expect(reads).toHaveBeenCalledTimes(1);
      expect(theta0).toEqual(src.theta0);
      expect(tickets.map((t) => t.roundNum)).toEqual([3, 1, 2]);
      expect(tickets.map((t) => t.mask)).toEqual([2, 0, 1].map((k) => src.records[k].mask));
      for (const t of tickets) expect(t.theta0).toEqual(src.theta0);
    } finally {
      reads.mockRestore();
    }
    await expect(readTickets(run, { method: 'gd_magnitude', seeds: [0], rounds: [4] })).rejects.toThrow(
      `--from ${run.dir} has no finished round 4 of chain gd_magnitude (its finished rounds: 1-3); choose with --rounds`,
    );
  });

  it('its random/reinit baseline equals the native random_reinit chain at that round', async () => {
    const native = await runGdImp({
      net,
      task,
      train,
      options,
      prune: { ...prune, methods: ['random_reinit'], rounds: 2 },
      seed: 3,
    });
    const rr = randomReinitAt(net, 3, 2, native.records[1].sparsityFrac);
    expect(rr.mask).toEqual(native.records[1].mask);
  });

  it('trains a ticket with an ES target (fresh ES state, same mask) without a baseline on request', async () => {
    const src = await runGdImp({ net, task, train, options, prune: { ...prune, rounds: 2 }, seed: 1 });
    const ticket: Ticket = {
      mask: src.records[1].mask,
      theta0: src.theta0,
      roundNum: 2,
      sparsityFrac: 0.5,
      sourceMethod: 'gd_magnitude',
      source,
    };
    const records = await runTransfer({
      tickets: [ticket],
      net,
      task,
      seed: 1,
      baselines: false,
      trainer: {
        kind: 'es',
        es: {
          strategyId: 'pgpe',
          esParams: { lrate_init: 0.05, sigma_init: 0.1, sigmaSign: 'corrected' },
          popSize: 16,
          shaping: { centeredRank: true, zScore: false, wDecay: 0 },
          meanDecay: 0,
          sigmaMode: 'paper',
          generations: 20,
          evalEvery: 10,
        },
      },
    });
    expect(records.map((r) => r.method)).toEqual(['transfer_gd_magnitude']);
    expect(records[0].mask).toBe(ticket.mask);
    expect(records[0].generations).toBe(20);
    expect(records[0].evals.map((e) => e.gen)).toEqual([1, 10, 20]);
    for (let i = 0; i < net.paramCount; i++) if (!ticket.mask[i]) expect(records[0].mean[i]).toBe(0);
  });

  it('refuses a ticket whose input size differs, naming both shapes', () => {
    const big = getNetwork('mlp').build({ hiddenLayers: 1, width: 16 }, { inputShape: [14, 14, 1], outputSize: 10 });
    const ticket: Ticket = {
      mask: new Uint8Array(big.paramCount).fill(1),
      theta0: new Float32Array(big.paramCount),
      roundNum: 1,
      sparsityFrac: 0,
      sourceMethod: 'snr',
      source: {
        taskId: 'mnist',
        inputShape: [14, 14, 1],
        outputSize: 10,
        netDescribe: big.describe,
        paramCount: big.paramCount,
      },
    };
    expect(() => checkTicketFits(ticket, net, task)).toThrow(
      /ticket from mnist \(input 14×14×1 → 10, MLP 196-16-10 \(relu\), D=3322\) cannot be trained on synthetic \(input 4×4×1 → 10, MLP 16-16-10 \(relu\), D=442\): the input\/output sizes differ/,
    );
  });
});
