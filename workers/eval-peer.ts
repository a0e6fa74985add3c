/**
 * An evaluation worker of a population split (core/experiments/parallel/) as the ES side holds it: a
 * `ManagedWorker` (src/lib/worker-lifecycle.ts, the app's one worker lifecycle) whose death is final. The
 * worker holds the run's task and current round, so a fresh one could not take over: after a stop every
 * request rejects with the reason. Used for the browser's Web Workers (lab.worker.ts) and Node's worker
 * threads (src/cli/eval-threads.ts) alike.
 */
import { transfer, type Remote } from 'comlink';
import { ManagedWorker, type WorkerHandle } from '../src/lib/worker-lifecycle';
import type {
  EvalPeer,
  EvalReply,
  EvalRequest,
  EvalWorkerApi,
  LaneMessage,
  LanePort,
} from '../src/core/experiments/parallel/protocol';

export interface EvalPeerOptions<Api extends EvalWorkerApi> {
  /** Names the worker in messages, e.g. "lab-eval-1". */
  readonly name: string;
  /** Starts the worker (a Web Worker through `webWorkerHandle`, a thread through `nodeThreadHandle`). */
  readonly create: () => WorkerHandle;
  /** Runs once before the first request (e.g. tell a browser worker where the data files are). */
  readonly setup?: (api: Remote<Api>) => Promise<unknown>;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The ES end of a lane (protocol.ts `LanePort`): requests by id, their replies matched back. */
interface Lane {
  send(body: EvalRequest): Promise<EvalReply>;
  close(reason: Error): void;
}

/** Opens a lane to the worker through `worker`: a fresh MessageChannel whose other end it is sent. */
async function openLane<Api extends EvalWorkerApi>(worker: ManagedWorker<Api>): Promise<Lane | null> {
  if (typeof MessageChannel === 'undefined') return null;
  const { port1, port2 } = new MessageChannel();
  const port = port1 as unknown as LanePort & { unref?: () => void };
  const pending = new Map<number, { resolve: (r: EvalReply) => void; reject: (e: Error) => void }>();
  let next = 0;
  port.onmessage = (ev) => {
    const msg = ev.data as LaneMessage;
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    if (p && 'reply' in msg) p.resolve(msg.reply);
    else if (p && 'error' in msg) p.reject(new Error(msg.error));
  };
  port.unref?.(); // Node: an open lane alone does not keep the process running (the thread does)
  await worker.call<EvalReply>((api) =>
    api.handle(transfer({ kind: 'lane', port: port2 as unknown as LanePort }, [port2])),
  );
  return {
    send: (body) =>
      new Promise<EvalReply>((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        port.postMessage({ id, body });
      }),
    close: (reason) => {
      port.close();
      for (const p of pending.values()) p.reject(reason);
      pending.clear();
    },
  };
}

export function managedEvalPeer<Api extends EvalWorkerApi>(opts: EvalPeerOptions<Api>): EvalPeer {
  const worker = new ManagedWorker<Api>(opts);
  let failure: Error | null = null;
  let isReady = false;
  let lane: Lane | null = null;
  worker.onStopped((reason) => {
    failure ??= new Error(`an evaluation worker stopped: ${reason}`);
    lane?.close(failure);
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
          lane = await openLane(worker);
          isReady = true;
        }
        // A generation's evaluation goes through the lane (fast); the rest through the RPC layer. Both
        // are raced against the worker's death by `call`.
        const viaLane = lane && body.kind === 'eval' ? lane : null;
        return await worker.call<EvalReply>((api) => (viaLane ? viaLane.send(body) : api.handle(body)));
      } catch (e) {
        throw failure ?? new Error(`an evaluation worker failed: ${messageOf(e)}`);
      }
    },
    close(): void {
      failure ??= new Error('an evaluation worker stopped: closed');
      lane?.close(failure);
      worker.terminate();
    },
  };
}
