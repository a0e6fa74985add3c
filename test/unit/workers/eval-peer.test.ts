// An evaluation worker in the one worker lifecycle (workers/eval-peer.ts): requests go through comlink, a
// worker error fails what is pending and every later request with the reason (a fresh worker would lack
// the run's task and round, so none is started), and close stops the worker.
import { describe, expect, it, vi } from 'vitest';
import { expose } from 'comlink';
import { managedEvalPeer } from '../../../workers/eval-peer';
import type { EvalReply, EvalRequest, EvalWorkerApi } from '../../../src/core/experiments/parallel/protocol';

/**
 * A fake worker over a MessageChannel whose `handle` answers 'stats' and opens the lane it is sent; an
 * 'eval' on the lane is answered only with `answerEvals` (and counted).
 */
function fakeWorker(answerEvals = false) {
  const lane = { evals: 0 };
  const started: { die: (msg: string) => void; terminated: boolean; port: MessagePort }[] = [];
  const peer = managedEvalPeer({
    name: 'fake evaluation worker',
    create: () => {
      const { port1, port2 } = new MessageChannel();
      const api: EvalWorkerApi = {
        handle: (req: EvalRequest): Promise<EvalReply> => {
          if (req.kind === 'stats') return Promise.resolve({ kind: 'stats', numTensors: 3, heapBytes: 7 });
          if (req.kind === 'lane') {
            const port = req.port;
            port.onmessage = (ev) => {
              const { id, body } = ev.data as { id: number; body: EvalRequest };
              if (body.kind !== 'eval') throw new Error('only evaluations travel on the lane');
              lane.evals++;
              if (answerEvals)
                port.postMessage({ id, reply: { kind: 'scores', scores: new Float32Array([5]), busyMs: 1 } });
            };
            return Promise.resolve({ kind: 'ok' });
          }
          return new Promise<EvalReply>(() => undefined);
        },
      };
      expose(api, port2);
      const w = { die: (_msg: string) => undefined as void, terminated: false, port: port1 };
      started.push(w);
      return {
        endpoint: port1,
        terminate: () => {
          w.terminated = true;
          port1.close();
          port2.close();
        },
        onError: (listener: (message: string) => void) => {
          w.die = listener;
        },
      };
    },
  });
  return { peer, started, lane };
}

describe('evaluation worker peer', () => {
  it('answers requests through the worker', async () => {
    const { peer, started } = fakeWorker();
    expect(await peer.request({ kind: 'stats' })).toEqual({ kind: 'stats', numTensors: 3, heapBytes: 7 });
    expect(started).toHaveLength(1);
    peer.close();
    expect(started[0].terminated).toBe(true);
  });

  it('a worker error fails the pending request and every later one, without starting another worker', async () => {
    const { peer, started } = fakeWorker();
    const pending = peer.request({ kind: 'eval', rngKey: [1, 2], recipe: undefined as never });
    await new Promise((r) => setTimeout(r, 0));
    started[0].die('out of memory');
    await expect(pending).rejects.toThrow(/an evaluation worker stopped: .*out of memory/);
    await expect(peer.request({ kind: 'stats' })).rejects.toThrow(/out of memory/);
    expect(started).toHaveLength(1);
    expect(started[0].terminated).toBe(true);
    peer.close();
  });

  it('once ready, a request is posted before request() returns (the split overlaps the slices)', async () => {
    const { peer, started } = fakeWorker();
    await peer.request({ kind: 'stats' }); // the first request waits for the worker's setup
    const port = started[0].port;
    const post = vi.spyOn(port, 'postMessage');
    const reply = peer.request({ kind: 'stats' });
    expect(post).toHaveBeenCalledTimes(1); // synchronously, as SplitEvaluator relies on
    expect(await reply).toEqual({ kind: 'stats', numTensors: 3, heapBytes: 7 });
    peer.close();
  });

  it('evaluations travel on the direct lane, posted before request() returns', async () => {
    const { peer, started, lane } = fakeWorker(true);
    await peer.request({ kind: 'stats' });
    const rpc = vi.spyOn(started[0].port, 'postMessage');
    const post = vi.spyOn(MessagePort.prototype, 'postMessage');
    const reply = peer.request({ kind: 'eval', rngKey: [1, 2], recipe: undefined as never });
    expect(post).toHaveBeenCalledTimes(1);
    expect(rpc).not.toHaveBeenCalled(); // not through the RPC port
    expect(await reply).toEqual({ kind: 'scores', scores: new Float32Array([5]), busyMs: 1 });
    expect(lane.evals).toBe(1);
    post.mockRestore();
    peer.close();
  });

  it('after close, requests are refused', async () => {
    const { peer } = fakeWorker();
    peer.close();
    await expect(peer.request({ kind: 'stats' })).rejects.toThrow(/stopped: closed/);
  });
});
