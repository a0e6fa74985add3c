// LabEngine.runImp with several CPU workers (the app's path: the lab worker starts evaluation workers
// that split each generation's population; here they are Node worker threads): the same round records
// as one thread, bit for bit, the start message says how the work is shared, and nothing leaks.
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { LabEngine } from '../../../workers/lab-engine';
import type { ImpProgress } from '../../../src/protocol/worker-protocol';
import { selectBackend } from '../../../workers/backend-chain';
import { spawnEvalThread } from '../../../src/cli/eval-threads';
import { tinyCartpoleConfig } from '../../helpers/tiny-cartpole';

const config = tinyCartpoleConfig({ methods: ['magnitude', 'random_reinit'], seeds: [0] });

async function run(workers: number): Promise<ImpProgress[]> {
  const eng = new LabEngine({ initBackend: (pref) => selectBackend(pref), spawnEvalPeer: spawnEvalThread });
  await eng.init('wasm');
  const msgs: ImpProgress[] = [];
  const out = await eng.runImp(config, (m) => void msgs.push(m), { workers });
  expect(out.status).toBe('done');
  return msgs;
}

describe('LabEngine.runImp over CPU workers', () => {
  it('gives the one-thread records with 2 workers and says so', async () => {
    const before = tf.memory().numTensors;
    const one = await run(1);
    const two = await run(2);
    expect(tf.memory().numTensors).toBe(before);
    const records = (msgs: ImpProgress[]) =>
      msgs.flatMap((m) =>
        m.kind === 'round' ? [[m.record.method, m.record.roundNum, Array.from(m.record.mean)]] : [],
      );
    expect(records(two)).toEqual(records(one));
    const notes = (msgs: ImpProgress[]) => (msgs[0].kind === 'start' ? msgs[0].notes : []);
    expect(notes(two)).toContain("Each generation's population is split across 2 CPU workers.");
    expect(notes(one).some((n) => /CPU workers/.test(n))).toBe(false);
  });
});
