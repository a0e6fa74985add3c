/**
 * Node's worker_threads in the one worker lifecycle (worker-lifecycle.ts): a thread as a `WorkerHandle` for
 * `ManagedWorker`, and the thread's own side of comlink. The types name only what is used, so this module
 * needs no Node typings; comlink's Node adapter turns a thread's `on('message')` into the endpoint comlink
 * speaks.
 */
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { WorkerHandle } from './worker-lifecycle';

/** A message port as comlink's Node adapter takes it (a worker_threads Worker, or `parentPort`). */
export type NodePort = Parameters<typeof nodeEndpoint>[0];

/** What is used of a node:worker_threads `Worker`: a port that also reports errors and exits. */
export type NodeThread = {
  on(event: 'error', listener: (err: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): unknown;
} & NodePort;

/**
 * A worker thread as a WorkerHandle. An uncaught error and an exit both count as the thread dying (an exit
 * after `terminate` is ignored by the lifecycle, which has let go of the thread by then).
 */
export function nodeThreadHandle(thread: NodeThread): WorkerHandle {
  return {
    endpoint: nodeEndpoint(thread),
    terminate: () => void thread.terminate(),
    onError: (listener) => {
      thread.on('error', (err: Error) => listener(err.message));
      thread.on('exit', (code: number) => listener(`exited with code ${code}`));
    },
  };
}

/** Inside a worker thread: serves `api` to the thread that started it, over `port` (`parentPort`). */
export function exposeToParent(api: object, port: NodePort): void {
  expose(api, nodeEndpoint(port));
}
