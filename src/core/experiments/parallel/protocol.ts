/**
 * The messages between the thread that runs the ES and its evaluation workers (population-parallel
 * evaluation; split.ts, replica.ts), and both ends of the conversation over any message port
 * (worker_threads in Node, Web Workers in the browser: the transports only move these plain objects).
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
    }
  | { readonly kind: 'eval'; readonly rngKey: readonly [number, number]; readonly recipe: PopulationRecipe }
  | { readonly kind: 'stats' }
  | { readonly kind: 'dispose' };

export type EvalReply =
  | { readonly kind: 'ok' }
  | { readonly kind: 'scores'; readonly scores: Float32Array }
  | { readonly kind: 'stats'; readonly numTensors: number; readonly heapBytes: number };

/** What travels: a request or reply with the id that pairs them. */
export type Envelope<T> = { readonly id: number } & ({ readonly body: T } | { readonly error: string });

/** What the worker side needs from its platform. */
export interface EvalServerDeps {
  /** Activates the named tfjs backend in this worker ('wasm' or 'cpu'). */
  setBackend(name: string): Promise<void>;
  /** Loads the task and builds the network of a config (setup.ts `instantiate` with the platform's file reader). */
  load(config: ExperimentConfig): Promise<ExperimentParts>;
  /** Bytes in use on this worker's JS heap (NaN where the platform does not tell). */
  heapBytes(): number;
}

/** The worker side: answers each request in order (one replica per worker). */
export function createEvalServer(deps: EvalServerDeps): (req: EvalRequest) => Promise<EvalReply> {
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
        p.replica.beginRound({ net, mask: req.mask, layout: req.layout, members: req.members });
        return { kind: 'ok' };
      }
      case 'eval':
        return { kind: 'scores', scores: need().replica.evaluate(req.recipe, new Rng(req.rngKey)) };
      case 'stats':
        return { kind: 'stats', numTensors: tf.memory().numTensors, heapBytes: deps.heapBytes() };
      case 'dispose':
        parts?.replica.task.dispose();
        parts = null;
        return { kind: 'ok' };
    }
  };
}

/** Runs `serve` on every incoming envelope, in arrival order, and posts the reply envelope. */
export function serveEnvelopes(
  serve: (req: EvalRequest) => Promise<EvalReply>,
  post: (msg: Envelope<EvalReply>) => void,
): (msg: Envelope<EvalRequest>) => void {
  let queue: Promise<void> = Promise.resolve();
  return (msg) => {
    queue = queue.then(async () => {
      if (!('body' in msg)) return;
      try {
        post({ id: msg.id, body: await serve(msg.body) });
      } catch (e) {
        post({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
      }
    });
  };
}

/** The ES side of one worker: requests with replies matched by id; a dead worker fails what is pending. */
export class EvalPeer {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: EvalReply) => void; reject: (e: Error) => void }>();
  private failure: Error | null = null;

  /** `post` sends an envelope to the worker; `terminate` stops it. */
  constructor(
    private readonly post: (msg: Envelope<EvalRequest>) => void,
    private readonly terminate: () => void,
  ) {}

  request(body: EvalRequest): Promise<EvalReply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ id, body });
    });
  }

  /** The transport calls this with every message from the worker. */
  receive(msg: Envelope<EvalReply>): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if ('body' in msg) p.resolve(msg.body);
    else p.reject(new Error(`an evaluation worker failed: ${msg.error}`));
  }

  /** The transport calls this when the worker dies (error event, exit). */
  fail(reason: string): void {
    this.failure ??= new Error(`an evaluation worker stopped: ${reason}`);
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }

  close(): void {
    this.fail('closed');
    this.terminate();
  }
}
