/**
 * An evaluation worker of a population split (core/experiments/parallel/) as the ES side holds it: a
 * `ManagedWorker` (src/lib/worker-lifecycle.ts, the app's one worker lifecycle) whose death is final. The
 * worker holds the run's task and current round, so a fresh one could not take over: after a stop every
 * request rejects with the reason. Used for the browser's Web Workers (lab.worker.ts) and Node's worker
 * threads (src/cli/eval-threads.ts) alike.
 */
import type { Remote } from 'comlink';
import { ManagedWorker, type WorkerHandle } from '../src/lib/worker-lifecycle';
import type { EvalPeer, EvalReply, EvalRequest, EvalWorkerApi } from '../src/core/experiments/parallel/protocol';

export interface EvalPeerOptions<Api extends EvalWorkerApi> {
  /** Names the worker in messages, e.g. "lab-eval-1". */
  readonly name: string;
  /** Starts the worker (a Web Worker through `webWorkerHandle`, a thread through `nodeThreadHandle`). */
  readonly create: () => WorkerHandle;
  /** Runs once before the first request (e.g. tell a browser worker where the data files are). */
  readonly setup?: (api: Remote<Api>) => Promise<unknown>;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function managedEvalPeer<Api extends EvalWorkerApi>(opts: EvalPeerOptions<Api>): EvalPeer {
  const worker = new ManagedWorker<Api>(opts);
  let failure: Error | null = null;
  let isReady = false;
  worker.onStopped((reason) => {
    failure ??= new Error(`an evaluation worker stopped: ${reason}`);
  });
  return {
    async request(body: EvalRequest): Promise<EvalReply> {
      if (failure) throw failure;
      try {
        // Once set up, the request is posted before `request` returns: the ES thread posts its workers'
        // requests and then evaluates its own slice synchronously, so a post deferred to a microtask (an
        // `await` here) would reach the worker only after that, and the split would run one slice at a time.
        if (!isReady) {
          await worker.ready();
          isReady = true;
        }
        return await worker.call<EvalReply>((api) => api.handle(body));
      } catch (e) {
        throw failure ?? new Error(`an evaluation worker failed: ${messageOf(e)}`);
      }
    },
    close(): void {
      failure ??= new Error('an evaluation worker stopped: closed');
      worker.terminate();
    },
  };
}
