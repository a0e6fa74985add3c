/**
 * The messages between the thread that runs the ES and its evaluation workers (population-parallel
 * evaluation; split.ts, replica.ts): what a worker answers (`createEvalServer`, exposed as `EvalWorkerApi`)
 * and what the ES side holds of a worker (`EvalPeer`). The transport is the app's one worker lifecycle
 * (src/lib/worker-lifecycle.ts over comlink: Web Workers in the browser, worker_threads in Node), which
 * pairs each request with its reply and notices a worker's death; core only defines the conversation.
 *
 * A worker is started once per run: `init` gives it the experiment config (it loads the task data and
 * builds the network itself, through the same registries) and, where the transport can share or copy
 * it cheaply, the shared noise table. Per round it gets the mask and its slice; per generation only the
 * recipe (mean, scale, table offsets) and the data stream's key, and it answers with its slice's scores.
 */
import * as tf from '@tensorflow/tfjs-core';
import { adoptNoiseTable } from '../../es/noise-table';
import type { PopulationRecipe } from '../../es/population-rows';
import type { PopulationLayout, PopulationNet } from '../../nets/types';
import { Rng } from '../../rng';
import { parseConfig, type ExperimentConfig } from '../../runs/config';
import type { ExperimentParts } from '../setup';
import { roundNetwork } from '../round-net';
import { EvalReplica } from './replica';

export type EvalRequest =
  | {
      readonly kind: 'init';
      readonly config: ExperimentConfig;
      readonly backend: string;
      readonly noiseTable?: Float32Array;
    }
  | {
      readonly kind: 'round';
      readonly mask: Uint8Array;
      readonly layout: PopulationLayout;
      readonly members: Int32Array;
      /** Leading pairs that only supply the centre (split.ts `centreOnlyPairs`). */
      readonly centreOnlyPairs: number;
    }
  /** A new slice for the same round (the ES thread rebalanced the split; split.ts, balance.ts). */
  | { readonly kind: 'members'; readonly members: Int32Array; readonly centreOnlyPairs: number }
  | { readonly kind: 'eval'; readonly rngKey: readonly [number, number]; readonly recipe: PopulationRecipe }
  | { readonly kind: 'stats' }
  | { readonly kind: 'dispose' }
  /** The worker's end of a direct channel for later requests (see `LanePort`), sent as a transferable. */
  | { readonly kind: 'lane'; readonly port: LanePort };

/**
 * One end of a MessageChannel (browser or Node) used as a direct lane for the per-generation requests:
 * a message carries `{ id, body }` one way and `{ id, reply }` or `{ id, error }` back. Why: through the
 * general RPC layer each message took 0.25–0.3 ms to arrive here, against ≈ 0.07 ms for a bare port
 * (docs/PERFORMANCE.md), and the ES thread waits for that twice per generation.
 */
export interface LanePort {
  postMessage(message: unknown): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
  close(): void;
}

/** A message on a lane. */
export type LaneMessage =
  | { readonly id: number; readonly body: EvalRequest }
  | { readonly id: number; readonly reply: EvalReply }
  | { readonly id: number; readonly error: string };

export type EvalReply =
  | { readonly kind: 'ok' }
  /**
   * `busyMs`: how long the worker took to build and score its slice; `endAt`: when it finished, as
   * performance.timeOrigin + performance.now() (comparable across the threads of one process or page).
   * The split's balance uses them (balance.ts).
   */
  | { readonly kind: 'scores'; readonly scores: Float32Array; readonly busyMs: number; readonly endAt: number }
  | { readonly kind: 'stats'; readonly numTensors: number; readonly heapBytes: number };

/** What an evaluation worker exposes: one request at a time, answered in arrival order. */
export interface EvalWorkerApi {
  handle(req: EvalRequest): Promise<EvalReply>;
}

/**
 * The ES side of one evaluation worker. A worker holds its run's task and round, so one that stopped is
 * not replaced: every later request rejects with the reason it stopped.
 */
export interface EvalPeer {
  request(body: EvalRequest): Promise<EvalReply>;
  close(): void;
}

/** What the worker side needs from its platform. */
export interface EvalServerDeps {
  /** Activates the named tfjs backend in this worker ('wasm' or 'cpu'). */
  setBackend(name: string): Promise<void>;
  /** Loads the task and builds the network of a config (setup.ts `instantiate` with the platform's file reader). */
  load(config: ExperimentConfig): Promise<ExperimentParts>;
  /** Bytes in use on this worker's JS heap (NaN where the platform does not tell). */
  heapBytes(): number;
}

/**
 * The worker side (one replica per worker). Requests are answered one at a time in arrival order, so a
 * round never starts while `init` is still loading, whatever the transport delivers meanwhile.
 */
export function createEvalServer(deps: EvalServerDeps): EvalWorkerApi {
  let queue: Promise<unknown> = Promise.resolve();
  const serve = evalHandler(deps);
  const handle = (req: EvalRequest): Promise<EvalReply> => {
    if (req.kind === 'lane') {
      serveLane(req.port, handle);
      return Promise.resolve({ kind: 'ok' });
    }
    const reply = queue.then(() => serve(req));
    queue = reply.catch(() => undefined);
    return reply;
  };
  return { handle };
}

/** Answers the requests that arrive on a lane with `handle` (so in the same order as all others). */
function serveLane(port: LanePort, handle: (req: EvalRequest) => Promise<EvalReply>): void {
  port.onmessage = (ev) => {
    const { id, body } = ev.data as { id: number; body: EvalRequest };
    handle(body).then(
      (reply) => port.postMessage({ id, reply }),
      (e: unknown) => port.postMessage({ id, error: e instanceof Error ? e.message : String(e) }),
    );
  };
}

/** Answers one request; `createEvalServer` keeps them in order. */
function evalHandler(deps: EvalServerDeps): (req: EvalRequest) => Promise<EvalReply> {
  let parts: { config: ExperimentConfig; net: PopulationNet; replica: EvalReplica } | null = null;
  const need = () => {
    if (!parts) throw new Error('the evaluation worker got work before init');
    return parts;
  };
  return async (req) => {
    switch (req.kind) {
      case 'init': {
        await deps.setBackend(req.backend);
        if (req.noiseTable && !adoptNoiseTable(req.noiseTable))
          throw new Error('the noise table sent to the evaluation worker is not the shared table');
        const config = parseConfig(req.config);
        const { task, net } = await deps.load(config);
        parts = { config, net, replica: new EvalReplica(task) };
        return { kind: 'ok' };
      }
      case 'round': {
        const p = need();
        const net = roundNetwork(p.config, p.net, req.mask);
        p.replica.beginRound({
          net,
          mask: req.mask,
          layout: req.layout,
          members: req.members,
          centreOnlyPairs: req.centreOnlyPairs,
        });
        return { kind: 'ok' };
      }
      case 'members':
        need().replica.setMembers(req.members, req.centreOnlyPairs);
        return { kind: 'ok' };
      case 'eval': {
        const start = performance.now();
        const scores = need().replica.evaluate(req.recipe, new Rng(req.rngKey));
        const end = performance.now();
        return { kind: 'scores', scores, busyMs: end - start, endAt: performance.timeOrigin + end };
      }
      case 'stats':
        return { kind: 'stats', numTensors: tf.memory().numTensors, heapBytes: deps.heapBytes() };
      case 'dispose':
        parts?.replica.task.dispose();
        parts = null;
        return { kind: 'ok' };
      case 'lane':
        throw new Error('a lane is opened by createEvalServer, not queued');
    }
  };
}
