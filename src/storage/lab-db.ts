/**
 * The IndexedDB database behind the run store (run-store.ts), via `idb`: its schema and the transaction
 * helpers every write goes through. Object stores:
 *   runs    key id                              StoredRun (config, status, times, label, summary)
 *   rounds  key [runId, seed, method, roundNum] RoundRecord + runId
 *   chains  key [runId, seed, method]           latest ChainState + seed + runId
 * Every write runs in ONE transaction over all three stores (`inTx`): any failure aborts it, so a full
 * disk (StorageFullError) leaves every stored run exactly as it was.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { ExperimentConfig } from '../core/runs/config';
import type { RoundRecord } from '../core/experiments/events';
import type { SeedChainState } from '../core/runs/bundle';
import type { RunSummary } from './run-summary';
import { mapStorageErrors } from './errors';

export type StoredRunStatus = 'running' | 'paused' | 'done' | 'interrupted';

export interface StoredRun {
  readonly id: string;
  readonly config: ExperimentConfig;
  readonly status: StoredRunStatus;
  /** ms since epoch. */
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly label?: string;
  /** Imported from a precomputed bundle (shown labelled as such). */
  readonly precomputed?: boolean;
  readonly command?: string;
  readonly summary: RunSummary;
  /**
   * false: imported unfinished from a file without the training state Resume continues from
   * (import-status.ts); Start trains it anew. Absent on every run this browser trained.
   */
  readonly resumable?: false;
}

export interface StoredRunData {
  readonly run: StoredRun;
  readonly config: ExperimentConfig;
  /** Sorted by seed, then method (config order), then roundNum. */
  readonly records: RoundRecord[];
  /** Latest state of every chain that has one. */
  readonly chains: SeedChainState[];
}

export type StoredRound = RoundRecord & { readonly runId: string };
export type StoredChain = SeedChainState & { readonly runId: string };

export interface LabDb extends DBSchema {
  runs: { key: string; value: StoredRun };
  rounds: { key: [string, number, string, number]; value: StoredRound; indexes: { runId: string } };
  chains: { key: [string, number, string]; value: StoredChain; indexes: { runId: string } };
}

export type Tx = IDBPTransaction<LabDb, StoreNames<LabDb>[], 'readwrite'>;

export const DEFAULT_DB_NAME = 'es-lottery-lab';
const DB_VERSION = 1;

/** Opens (and on first use creates) the database `name`. */
export function openLabDb(name: string = DEFAULT_DB_NAME): Promise<IDBPDatabase<LabDb>> {
  return openDB<LabDb>(name, DB_VERSION, {
    upgrade(d) {
      d.createObjectStore('runs', { keyPath: 'id' });
      d.createObjectStore('rounds', { keyPath: ['runId', 'seed', 'method', 'roundNum'] }).createIndex('runId', 'runId');
      d.createObjectStore('chains', { keyPath: ['runId', 'seed', 'method'] }).createIndex('runId', 'runId');
    },
  });
}

/** A stored row without its runId key part. */
export function strip<T extends { runId: string }>(v: T): Omit<T, 'runId'> {
  const { runId: _, ...rest } = v;
  return rest;
}

/** Writes inside one transaction; aborts it on any error so partial writes never commit. */
export async function inTx(db: IDBPDatabase<LabDb>, body: (tx: Tx) => Promise<void>): Promise<void> {
  return mapStorageErrors(async () => {
    const tx = db.transaction(['runs', 'rounds', 'chains'], 'readwrite');
    try {
      await body(tx);
    } catch (e) {
      try {
        tx.abort();
      } catch {
        /* already aborted by the failing request */
      }
      await tx.done.catch(() => undefined);
      throw e;
    }
    await tx.done;
  });
}

/** Deletes run `id` with its rounds and chain states inside `tx`. */
export async function deleteIn(tx: Tx, id: string): Promise<void> {
  await tx.objectStore('runs').delete(id);
  for (const name of ['rounds', 'chains'] as const) {
    const keys = await tx.objectStore(name).index('runId').getAllKeys(id);
    for (const k of keys) await tx.objectStore(name).delete(k);
  }
}
