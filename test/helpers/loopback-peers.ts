/**
 * Evaluation "workers" that run in the test's own thread (experiments/parallel/protocol.ts): every
 * message is structured-cloned and delivered asynchronously, as a worker transport would, so the split
 * evaluator's whole protocol runs without starting threads.
 */
import { createEvalServer, EvalPeer, serveEnvelopes } from '../../src/core/experiments/parallel/protocol';
import type { ExperimentParts } from '../../src/core/experiments/setup';
import type { ExperimentConfig } from '../../src/core/runs/config';

export function loopbackPeer(load: (config: ExperimentConfig) => Promise<ExperimentParts>): EvalPeer {
  const serve = createEvalServer({ setBackend: async () => undefined, load, heapBytes: () => NaN });
  let closed = false;
  const deliver = serveEnvelopes(serve, (reply) =>
    setTimeout(() => {
      if (!closed) peer.receive(structuredClone(reply));
    }, 0),
  );
  const peer: EvalPeer = new EvalPeer(
    (msg) => setTimeout(() => deliver(structuredClone(msg)), 0),
    () => {
      closed = true;
    },
  );
  return peer;
}
