/**
 * Evaluation "workers" that run in the test's own thread (experiments/parallel/protocol.ts): the server is
 * exposed through comlink on one end of a MessageChannel and the peer is the app's own eval peer
 * (workers/eval-peer.ts, a ManagedWorker) on the other, so every request and reply is structured-cloned and
 * delivered asynchronously as over a worker transport, without starting threads.
 */
import { expose } from 'comlink';
import { createEvalServer, type EvalPeer } from '../../src/core/experiments/parallel/protocol';
import type { ExperimentParts } from '../../src/core/experiments/setup';
import type { ExperimentConfig } from '../../src/core/runs/config';
import { managedEvalPeer } from '../../workers/eval-peer';

export function loopbackPeer(load: (config: ExperimentConfig) => Promise<ExperimentParts>): EvalPeer {
  return managedEvalPeer({
    name: 'loopback evaluation worker',
    create: () => {
      const { port1, port2 } = new MessageChannel();
      expose(createEvalServer({ setBackend: async () => undefined, load, heapBytes: () => NaN }), port2);
      return {
        endpoint: port1,
        terminate: () => {
          port1.close();
          port2.close();
        },
        onError: () => undefined,
      };
    },
  });
}
