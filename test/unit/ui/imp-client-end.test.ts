/**
 * How imp-client.ts ends a run, with the lab worker, the sweep workers and the stored-run reads faked: a run
 * cancelled before any round finished has its empty record removed (run-db.ts dropRunsWithoutRounds, run
 * with the run ids) only after the Web Lock that marks the run as trained here is released — while it is
 * held, the cleanup would see its own tab training the run and keep the record. A run that ends done or
 * failed keeps its record. Start on settings whose run is finished and stored never computes, even when
 * reading that run fails (open-finished.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/core/runs/config';
import { runId } from '../../../src/core/runs/hash';
import { useBackendStore } from '../../../src/state/backend-store';
import { useImpStore } from '../../../src/state/imp-store';
import { cancelImp, startImp } from '../../../src/ui/run/imp-client';
import { finishedRunOf, showStoredIfAny } from '../../../src/ui/run/run-db';
import { seedConfigs } from '../../../src/ui/run/seed-pool';
import type { StoredRun } from '../../../src/storage/run-store';
import { quickConfig } from '../runs/fixtures';

type Outcome = 'done' | 'cancelled' | 'failed';

const h = vi.hoisted(() => {
  const events: string[] = [];
  /** Shared Web Locks of this "tab": how many are held now. */
  let held = 0;
  /** How the next run ends: 'cancelled' waits for cancel() as a real run does. */
  let outcome: 'done' | 'cancelled' | 'failed' = 'done';
  const cancels: (() => void)[] = [];
  const engine = {
    runImp: (config: { seeds: number[] }) => {
      events.push(`run seeds ${config.seeds.join(',')}`);
      if (outcome === 'failed') return Promise.reject(new Error('the GPU device was lost'));
      if (outcome === 'done') return Promise.resolve({ status: 'done', result: {}, ms: 1 });
      return new Promise((resolve) => cancels.push(() => resolve({ status: 'cancelled', ms: 1 })));
    },
    cancel: async () => {
      for (const c of cancels.splice(0)) c();
    },
    pause: async () => {},
    resume: async () => {},
  };
  return {
    events,
    engine,
    cancels,
    held: () => held,
    hold: (d: number) => (held += d),
    setOutcome: (o: typeof outcome) => (outcome = o),
  };
});

vi.mock('../../../src/ui/lab-client', () => ({
  getEngine: () => h.engine,
  ensureBackend: async () => {},
  initBackend: async () => {},
  labWatchdog: () => ({ start() {}, stop() {}, alive() {}, snooze() {} }),
  onWorkerStopped: () => () => {},
  abandonWorker: () => {},
  watchdogBaseMs: () => 30_000,
}));
vi.mock('../../../src/ui/run/pool-worker', () => ({
  createPoolWorker: async () => ({ engine: h.engine, dispose() {} }),
}));
vi.mock('../../../src/ui/run/run-db', async (importOriginal) => ({
  // holdingRuns is the real one, over the fake Web Locks below
  ...(await importOriginal<typeof import('../../../src/ui/run/run-db')>()),
  dropRunsWithoutRounds: vi.fn(async (ids: readonly string[]) => {
    h.events.push(`drop ${ids.join(',')} with ${h.held()} locks held`);
    return [];
  }),
  finishedRunOf: vi.fn(async () => null),
  showStoredIfAny: vi.fn(async () => true),
}));

const { dropRunsWithoutRounds } = await import('../../../src/ui/run/run-db');

beforeEach(() => {
  h.events.length = 0;
  h.cancels.length = 0;
  vi.mocked(dropRunsWithoutRounds).mockClear();
  useImpStore.setState({ status: 'idle', notice: null });
  vi.stubGlobal('navigator', {
    locks: {
      request: async (_name: string, _opts: object, body: () => Promise<unknown>) => {
        h.hold(1);
        try {
          return await body();
        } finally {
          h.hold(-1);
          h.events.push('lock released');
        }
      },
    },
  });
});
afterEach(() => vi.unstubAllGlobals());

/** Starts a run of `config` on `workers` CPU workers that ends with `outcome`; resolves when startImp does. */
async function runTo(outcome: Outcome, config = quickConfig, workers = 1): Promise<void> {
  h.setOutcome(outcome);
  useBackendStore.getState().setWorkers(workers);
  const started = startImp({ config });
  if (outcome === 'cancelled') {
    await vi.waitFor(() => expect(h.cancels.length).toBe(config.seeds.length > 1 && workers > 1 ? 2 : 1));
    await cancelImp();
  }
  await started;
}

const single = parseConfig({ ...quickConfig, seeds: [0] });
const twoSeeds = parseConfig({ ...quickConfig, seeds: [0, 1] });

describe('the end of a run in one worker', () => {
  it('cancelled: drops the empty record of the run, after its lock is released', async () => {
    await runTo('cancelled', single);
    expect(useImpStore.getState().status).toBe('cancelled');
    expect(dropRunsWithoutRounds).toHaveBeenCalledExactlyOnceWith([runId(single)]);
    expect(h.events).toEqual(['run seeds 0', 'lock released', `drop ${runId(single)} with 0 locks held`]);
  });

  it('done or failed: keeps the record', async () => {
    await runTo('done', single);
    expect(useImpStore.getState().status).toBe('done');
    await runTo('failed', single);
    expect(useImpStore.getState()).toMatchObject({ status: 'error', error: 'the GPU device was lost' });
    expect(dropRunsWithoutRounds).not.toHaveBeenCalled();
  });
});

describe('the end of a sweep (one worker per seed)', () => {
  const ids = seedConfigs(twoSeeds).map(runId);

  it("cancelled: drops every seed's empty record, after all its locks are released", async () => {
    await runTo('cancelled', twoSeeds, 2);
    expect(useImpStore.getState().status).toBe('cancelled');
    expect(dropRunsWithoutRounds).toHaveBeenCalledExactlyOnceWith(ids);
    expect(h.events.at(-1)).toBe(`drop ${ids.join(',')} with 0 locks held`);
    expect(h.events.filter((e) => e === 'lock released')).toHaveLength(2);
  });

  it('done or failed: keeps the records', async () => {
    await runTo('done', twoSeeds, 2);
    expect(useImpStore.getState().status).toBe('done');
    await runTo('failed', twoSeeds, 2);
    expect(useImpStore.getState()).toMatchObject({ status: 'error', error: 'the GPU device was lost' });
    expect(dropRunsWithoutRounds).not.toHaveBeenCalled();
  });
});

describe('Start on settings whose run is finished and stored', () => {
  const finished = { id: runId(single), updatedAt: Date.UTC(2025, 4, 1) } as StoredRun;

  it('never computes, even when the stored rounds cannot be read', async () => {
    vi.mocked(finishedRunOf).mockResolvedValue(finished);
    vi.mocked(showStoredIfAny).mockResolvedValueOnce(false).mockRejectedValueOnce(new Error('storage closed'));
    useBackendStore.getState().setWorkers(1);
    await startImp({ config: single });
    expect(h.events).toEqual([]); // no run started
    expect(useImpStore.getState().notice).toMatch(/^The stored run of these settings could not be opened: its rounds/);
    await startImp({ config: single });
    expect(h.events).toEqual([]);
    expect(useImpStore.getState().notice).toMatch(/could not be opened: storage closed\. Nothing was computed/);
    expect(useImpStore.getState().status).toBe('idle');
    vi.mocked(finishedRunOf).mockResolvedValue(null);
  });
});
