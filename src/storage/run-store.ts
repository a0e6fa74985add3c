/**
 * Persistent runs in IndexedDB: every finished round (metrics, mask, final mean and σ) and, per chain, the
 * latest ChainState a resume needs (experiments/imp.ts). Usable from the main thread and from a worker
 * (IndexedDB exists in both; nothing here touches the DOM). The database schema and its transaction
 * helpers are in lab-db.ts. A round and its chain state are written in ONE transaction with the run's
 * summary, so a reload never finds a round without the state to continue from it; a failed write leaves
 * every stored run exactly as it was.
 */
import type { IDBPDatabase } from 'idb';
import { parseConfig, recordMethodIds, type ExperimentConfig } from '../core/runs/config';
import { runId as runIdOf } from '../core/runs/hash';
import type { RoundRecord } from '../core/experiments/events';
import type { ChainState } from '../core/experiments/imp';
import type { RunBundle, SeedChainState } from '../core/runs/bundle';
import { emptySummary, withRound } from './run-summary';
import { asRead, doneTooEarly, importedState } from './import-status';
import { RunExistsError, RunNotFoundError } from './errors';
import {
  deleteIn,
  inTx,
  openLabDb,
  strip,
  type LabDb,
  type StoredRun,
  type StoredRunData,
  type StoredRunStatus,
} from './lab-db';

export { DEFAULT_DB_NAME } from './lab-db';
export type { StoredRun, StoredRunData, StoredRunStatus } from './lab-db';

export interface RunStoreOptions {
  /** Database name (tests use a fresh one each). */
  readonly name?: string;
  /** Clock in ms (injectable for tests). */
  readonly now?: () => number;
}

/** Storage use as the browser reports it (navigator.storage.estimate), or null where unavailable. */
export async function storageEstimate(): Promise<{ usageBytes: number; quotaBytes: number } | null> {
  const storage = (
    globalThis as { navigator?: { storage?: { estimate?: () => Promise<{ usage?: number; quota?: number }> } } }
  ).navigator?.storage;
  if (!storage?.estimate) return null;
  const e = await storage.estimate();
  return { usageBytes: e.usage ?? 0, quotaBytes: e.quota ?? 0 };
}

function byRunOrder(config: ExperimentConfig) {
  const methodIdx = (m: string) => config.prune.methods.indexOf(m);
  return (
    a: { seed: number; method: string; roundNum?: number },
    b: { seed: number; method: string; roundNum?: number },
  ) => a.seed - b.seed || methodIdx(a.method) - methodIdx(b.method) || (a.roundNum ?? 0) - (b.roundNum ?? 0);
}

/** The run store. Open with `RunStore.open()`. */
export class RunStore {
  private constructor(
    private readonly db: IDBPDatabase<LabDb>,
    private readonly now: () => number,
  ) {}

  static async open(options: RunStoreOptions = {}): Promise<RunStore> {
    const db = await openLabDb(options.name);
    return new RunStore(db, options.now ?? Date.now);
  }

  close(): void {
    this.db.close();
  }

  /**
   * Creates the run of `config` (validated; its id is the hash of the canonical config) or updates the
   * status/label of an existing one, keeping its rounds. Returns the stored run. It drops an import's
   * `resumable: false`: a run trained from here saves the state after every round it finishes.
   */
  async saveRun(input: {
    config: unknown;
    status?: StoredRunStatus;
    label?: string;
    precomputed?: boolean;
    command?: string;
  }): Promise<StoredRun> {
    const config = parseConfig(input.config);
    const id = runIdOf(config);
    let saved!: StoredRun;
    await inTx(this.db, async (tx) => {
      const old = await tx.objectStore('runs').get(id);
      const t = this.now();
      saved = {
        id,
        config,
        status: input.status ?? old?.status ?? 'running',
        createdAt: old?.createdAt ?? t,
        updatedAt: t,
        summary: old?.summary ?? emptySummary(recordMethodIds(config), config.seeds, config.prune.rounds),
        ...((input.label ?? old?.label) !== undefined ? { label: input.label ?? old?.label } : {}),
        ...((input.precomputed ?? old?.precomputed) !== undefined
          ? { precomputed: input.precomputed ?? old?.precomputed }
          : {}),
        ...((input.command ?? old?.command) !== undefined ? { command: input.command ?? old?.command } : {}),
      };
      await tx.objectStore('runs').put(saved);
    });
    return saved;
  }

  /** Sets a run's status ('paused' when the user pauses, 'done' at the end, …). */
  async setStatus(id: string, status: StoredRunStatus): Promise<void> {
    await inTx(this.db, async (tx) => {
      const run = await tx.objectStore('runs').get(id);
      if (!run) throw new RunNotFoundError(id);
      await tx.objectStore('runs').put({ ...run, status, updatedAt: this.now() });
    });
  }

  /**
   * Stores a finished round and (optionally) the chain state to resume after it, atomically with the
   * run's summary. Throws StorageFullError on quota; nothing is written then.
   */
  async saveRound(id: string, record: RoundRecord, chain?: ChainState): Promise<void> {
    await inTx(this.db, async (tx) => {
      const run = await tx.objectStore('runs').get(id);
      if (!run) throw new RunNotFoundError(id);
      const rounds = tx.objectStore('rounds');
      const isNew = (await rounds.getKey([id, record.seed, record.method, record.roundNum])) === undefined;
      await rounds.put({ ...record, runId: id });
      if (chain) await tx.objectStore('chains').put({ ...chain, seed: record.seed, runId: id });
      await tx
        .objectStore('runs')
        .put({ ...run, summary: withRound(run.summary, record, isNew), updatedAt: this.now() });
    });
  }

  /**
   * Every stored run with its summary, most recently updated first, each as import-status.ts `asRead`
   * shows it. No masks or weights are loaded, except the chain states of a run stored 'done' too early
   * (an older version's import), which say whether Resume can continue it.
   */
  async listRuns(): Promise<StoredRun[]> {
    const runs = await this.db.getAll('runs');
    const read = await Promise.all(
      runs.map(async (r) => (doneTooEarly(r) ? asRead(r, await this.db.getAllFromIndex('chains', 'runId', r.id)) : r)),
    );
    return read.sort((a, b) => b.updatedAt - a.updatedAt);
  }

  /** A run with all its rounds and chain states (the run as import-status.ts `asRead` shows it), or undefined. */
  async getRun(id: string): Promise<StoredRunData | undefined> {
    const tx = this.db.transaction(['runs', 'rounds', 'chains'], 'readonly');
    const [run, rounds, chains] = await Promise.all([
      tx.objectStore('runs').get(id),
      tx.objectStore('rounds').index('runId').getAll(id),
      tx.objectStore('chains').index('runId').getAll(id),
    ]);
    await tx.done;
    if (!run) return undefined;
    const order = byRunOrder(run.config);
    return {
      run: asRead(run, chains),
      config: run.config,
      records: rounds.map(strip).sort(order) as RoundRecord[],
      chains: chains.map(strip).sort(order) as SeedChainState[],
    };
  }

  /** The chain states to pass to runImp({ resume }) for one seed, in the config's method order. */
  async resumeState(id: string, seed: number): Promise<ChainState[]> {
    const data = await this.getRun(id);
    if (!data) throw new RunNotFoundError(id);
    return data.chains.filter((c) => c.seed === seed).map(({ seed: _, ...c }) => c);
  }

  /** Deletes a run, its rounds and chain states (one transaction). */
  async deleteRun(id: string): Promise<void> {
    await inTx(this.db, (tx) => deleteIn(tx, id));
  }

  /**
   * Deletes the run `id` only if it holds no finished round: no round, no chain state and an empty summary,
   * checked in the same transaction as the delete, so a round written meanwhile (another tab, the worker)
   * keeps the run. What a cancel before the first round says ("this run has nothing to keep"); a run
   * with any finished round — resumed, imported or trained here — is never touched. Returns whether it
   * deleted the run.
   */
  async deleteIfNoRounds(id: string): Promise<boolean> {
    let deleted = false;
    await inTx(this.db, async (tx) => {
      const run = await tx.objectStore('runs').get(id);
      if (!run || run.summary.recordCount > 0) return;
      const rounds = await tx.objectStore('rounds').index('runId').count(id);
      const chains = await tx.objectStore('chains').index('runId').count(id);
      if (rounds > 0 || chains > 0) return;
      await deleteIn(tx, id);
      deleted = true;
    });
    return deleted;
  }

  /**
   * Marks runs left 'running' by a closed tab as 'interrupted' (call once at startup, before starting
   * any run); returns their ids so the UI can offer to resume them.
   */
  async markInterrupted(): Promise<string[]> {
    const ids: string[] = [];
    await inTx(this.db, async (tx) => {
      for (const run of await tx.objectStore('runs').getAll()) {
        if (run.status !== 'running') continue;
        ids.push(run.id);
        await tx.objectStore('runs').put({ ...run, status: 'interrupted' });
      }
    });
    return ids;
  }

  /**
   * Stores a validated bundle (importBundle's result) as a run — one transaction: finished ('done') only
   * when every chain reached the planned rounds, else 'interrupted' (import-status.ts). Throws
   * RunExistsError if the run is stored already, unless `overwrite`.
   */
  async importRun(bundle: RunBundle, options: { overwrite?: boolean } = {}): Promise<StoredRun> {
    // A stored run must reopen with its masks and weights (masks view, analyses, resume).
    if (bundle.curvesOnly)
      throw new Error(
        'this file holds only the curves of a run (no masks or weights), so it cannot be opened as a run',
      );
    const existing = await this.db.get('runs', bundle.runId);
    if (existing && !options.overwrite) throw new RunExistsError(bundle.runId);
    const c = bundle.config;
    let summary = emptySummary(recordMethodIds(c), c.seeds, c.prune.rounds);
    for (const r of bundle.records) summary = withRound(summary, r, true);
    const t = Date.parse(bundle.createdAt);
    const run: StoredRun = {
      id: bundle.runId,
      config: c,
      createdAt: t,
      updatedAt: this.now(),
      summary,
      ...importedState(bundle, summary),
      ...(bundle.label !== undefined ? { label: bundle.label } : {}),
      ...(bundle.precomputed !== undefined ? { precomputed: bundle.precomputed } : {}),
      ...(bundle.command !== undefined ? { command: bundle.command } : {}),
    };
    await inTx(this.db, async (tx) => {
      if (existing) await deleteIn(tx, run.id); // same transaction: a failed overwrite keeps the old run
      await tx.objectStore('runs').put(run);
      for (const r of bundle.records) await tx.objectStore('rounds').put({ ...r, runId: run.id });
      for (const ch of bundle.chains ?? []) await tx.objectStore('chains').put({ ...ch, runId: run.id });
    });
    return run;
  }

  /** A stored run in the shape exportBundle takes (for "export run"). */
  async toBundle(id: string): Promise<Omit<RunBundle, 'runId'>> {
    const data = await this.getRun(id);
    if (!data) throw new RunNotFoundError(id);
    const { run } = data;
    return {
      config: data.config,
      createdAt: new Date(run.createdAt).toISOString(),
      records: data.records,
      chains: data.chains,
      ...(run.label !== undefined ? { label: run.label } : {}),
      ...(run.precomputed !== undefined ? { precomputed: run.precomputed } : {}),
      ...(run.command !== undefined ? { command: run.command } : {}),
    };
  }
}
