// Transfer store + selectors: defaults for a chosen ticket, job arguments for
// each target kind (mask copied, GD tickets keep GD on another task), progress folding (only evaluated
// generations become curve points), overall fraction, target curves switching from live points to the
// finished record, the aligned table/CSV rows and the comparison table.
import { beforeEach, describe, expect, it } from 'vitest';
import type { GenerationMetrics, RoundRecord } from '../../../src/core/experiments/events';
import { parseConfig } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';
import {
  TRANSFER_DEFAULT,
  curveTable,
  defaultDraft,
  sharedDomain,
  foldLive,
  roleOf,
  sourceCurves,
  summaryRows,
  targetCurves,
  targetTaskOptions,
  transferArgsOf,
  transferFraction,
  useTransferStore,
  type TicketChoice,
} from '../../../src/state/transfer-store';

const config = parseConfig(getPreset('mnist-quick').config);
const cartpole = parseConfig(getPreset('cartpole-reduced').config);
const ticket: TicketChoice = {
  runId: 'run1',
  config,
  seed: 0,
  method: 'snr',
  roundNum: 3,
  sparsityFrac: 0.36,
  mask: new Uint8Array([1, 0, 1]),
  finalPerf: 0.8,
  evals: [
    { gen: 1, perf: 0.1, loss: 2 },
    { gen: 300, perf: 0.8, loss: 0.5 },
  ],
  sourceBaseline: {
    finalPerf: 0.7,
    evals: [
      { gen: 1, perf: 0.1, loss: 2 },
      { gen: 300, perf: 0.7, loss: 0.7 },
    ],
  },
};
const rec = (method: string, finalPerf: number, evals: RoundRecord['evals']): RoundRecord => ({
  seed: 0,
  method,
  roundNum: 3,
  sparsityFrac: 0.36,
  prunableActive: 2,
  esDim: 2,
  finalPerf,
  finalLoss: 0,
  bestPerf: finalPerf + 0.01,
  evals,
  mask: new Uint8Array(3),
  mean: new Float32Array(3),
  std: new Float32Array(3),
  sigmaStats: { mean: 0, median: 0, min: 0, max: 0 },
  layerSparsity: [],
  pruneThreshold: NaN,
  generations: 10,
  wallMs: 1,
});
const gen = (method: string, g: number, evalGen?: number): GenerationMetrics => ({
  seed: 0,
  method,
  roundNum: 3,
  gen: g,
  generations: 10,
  bestScore: 0,
  meanScore: 0,
  esDim: 2,
  evalsPerSec: 1,
  ...(evalGen !== undefined ? { lastEval: { gen: evalGen, perf: g / 10, loss: 0 } } : {}),
});
const s = () => useTransferStore.getState();
beforeEach(() => {
  useTransferStore.setState(TRANSFER_DEFAULT);
});

describe('transfer selectors', () => {
  it('target tasks: the other vision data sets; none for a control task', () => {
    expect(targetTaskOptions(config)).toEqual(['fmnist', 'kmnist']);
    expect(targetTaskOptions(cartpole)).toEqual([]);
  });

  it('default draft: another task first (else another ES); the source budget; a different ES', () => {
    const d = defaultDraft(config);
    expect(d).toMatchObject({ kind: 'task', taskId: 'fmnist', generations: 300, popSize: 64, baselines: true });
    expect(d.esId).not.toBe('pgpe');
    expect(d.gd.optimizer).toBe('adam');
    expect(defaultDraft(cartpole).kind).toBe('es');
  });

  it('job arguments per target kind; the mask is a byte-equal copy', () => {
    const d = defaultDraft(config);
    const a = transferArgsOf(ticket, d);
    expect(a.source).toMatchObject({ seed: 0, method: 'snr', roundNum: 3, runId: 'run1' });
    expect(a.source.mask).not.toBe(ticket.mask);
    expect(Array.from(a.source.mask!)).toEqual([1, 0, 1]);
    expect(a.target).toEqual({ taskId: 'fmnist', trainer: { kind: 'es', generations: 300 } });
    expect(
      transferArgsOf(ticket, {
        ...d,
        kind: 'es',
        esId: 'snes',
        esParams: { temperature: 12 },
        popSize: 32,
        generations: 50,
      }).target,
    ).toEqual({ trainer: { kind: 'es', esId: 'snes', params: { temperature: 12 }, popSize: 32, generations: 50 } });
    expect(transferArgsOf(ticket, { ...d, kind: 'gd' }).target).toEqual({ trainer: { kind: 'gd', options: d.gd } });
    // a GD-IMP ticket moved to another task keeps gradient descent as its trainer
    expect(transferArgsOf({ ...ticket, method: 'gd_magnitude' }, d).target).toEqual({
      taskId: 'fmnist',
      trainer: { kind: 'gd', options: d.gd },
    });
    expect(transferArgsOf(ticket, { ...d, baselines: false }).baselines).toBe(false);
  });

  it("roles, source curves (with the source run's own random/reinit round) and the comparison rows", () => {
    expect(['transfer_snr', 'gd_transfer_magnitude', 'random_reinit', 'gd_random_reinit'].map(roleOf)).toEqual([
      'ticket',
      'ticket',
      'baseline',
      'baseline',
    ]);
    expect(sourceCurves(ticket)).toEqual([
      {
        role: 'ticket',
        method: 'snr',
        points: [
          [1, 0.1],
          [300, 0.8],
        ],
      },
      {
        role: 'baseline',
        method: 'random_reinit',
        points: [
          [1, 0.1],
          [300, 0.7],
        ],
      },
    ]);
    expect(sourceCurves({ ...ticket, sourceBaseline: null })).toHaveLength(1);
    const rows = summaryRows(ticket, [rec('transfer_snr', 0.75, []), rec('random_reinit', 0.6, [])], 'fmnist');
    expect(rows).toEqual([
      ['source', 'Ticket (signal-to-noise pruning)', 'MNIST', 0.8, 0.8],
      ['source', 'Random mask, new weights (baseline)', 'MNIST', 0.7, 0.7],
      ['target', 'Ticket (signal-to-noise pruning), transferred', 'Fashion-MNIST', 0.75, 0.76],
      ['target', 'Random mask, new weights (baseline)', 'Fashion-MNIST', 0.6, 0.61],
    ]);
  });

  it('shared y range: padded, widened to the minimum span around the middle, null without points', () => {
    const c = (pts: [number, number][]) => ({ role: 'ticket' as const, method: 'm', points: pts });
    expect(sharedDomain([c([[1, 0.2]]), c([[1, 0.6]])], 100, 10)).toEqual([18, 62]);
    expect(sharedDomain([c([[465, 0.8593]]), c([[465, 0.8586]])], 100, 10)).toEqual(
      [80.895, 90.895].map((v) => expect.closeTo(v, 9)),
    );
    expect(sharedDomain([c([])], 100, 10)).toBeNull();
  });

  it('curve table aligns every curve on the union of steps (null where a curve has no point)', () => {
    const t = curveTable([
      {
        role: 'ticket',
        method: 'transfer_snr',
        points: [
          [1, 0.1],
          [5, 0.5],
        ],
      },
      {
        role: 'baseline',
        method: 'random_reinit',
        points: [
          [1, 0.2],
          [3, 0.3],
        ],
      },
    ]);
    expect(t.header).toEqual([
      'step',
      'Ticket (signal-to-noise pruning), transferred',
      'Random mask, new weights (baseline)',
    ]);
    expect(t.rows).toEqual([
      [1, 0.1, 0.2],
      [3, null, 0.3],
      [5, 0.5, null],
    ]);
  });
});

describe('transfer store', () => {
  it('choosing a ticket sets its default draft and clears an earlier job; setEs restarts the ES params', () => {
    useTransferStore.setState({ status: 'done', records: [rec('transfer_snr', 0.7, [])] });
    s().chooseTicket(ticket);
    expect(s()).toMatchObject({ status: 'idle', records: [], ticket });
    expect(s().draft?.taskId).toBe('fmnist');
    s().setEs('snes');
    expect(s().draft?.esId).toBe('snes');
    expect(s().draft?.esParams).toHaveProperty('temperature');
    s().setDraft({ kind: 'gd' });
    expect(s().draft?.kind).toBe('gd');
  });

  it('folds progress: only evaluated generations become points; rounds finish trainings; fraction over both', () => {
    s().chooseTicket(ticket);
    s().starting();
    expect(transferFraction(s())).toBe(0);
    s().progress({
      kind: 'start',
      sourceLabel: 's',
      targetLabel: 't',
      trainerLabel: 'pgpe',
      targetTaskId: 'fmnist',
      methods: ['ticket', 'random_reinit'],
      stepsPerTraining: 10,
      notes: [],
    });
    s().progress({
      kind: 'gens',
      metrics: [gen('transfer_snr', 1, 1), gen('transfer_snr', 2, 1), gen('transfer_snr', 5, 5)],
    });
    expect(s().live).toEqual({
      transfer_snr: [
        [1, 0.1],
        [5, 0.5],
      ],
    });
    expect(s().currentStep).toBe(5);
    expect(transferFraction(s())).toBeCloseTo(5 / 20, 12);
    const done = rec('transfer_snr', 0.9, [
      { gen: 1, perf: 0.1, loss: 0 },
      { gen: 10, perf: 0.9, loss: 0 },
    ]);
    s().progress({ kind: 'round', record: done });
    s().progress({ kind: 'gens', metrics: [gen('random_reinit', 4, 4)] });
    expect(transferFraction(s())).toBeCloseTo(14 / 20, 12);
    // finished trainings draw their record's evaluations; the one in progress its live points; ticket first
    expect(targetCurves(s())).toEqual([
      {
        role: 'ticket',
        method: 'transfer_snr',
        points: [
          [1, 0.1],
          [10, 0.9],
        ],
      },
      { role: 'baseline', method: 'random_reinit', points: [[4, 0.4]] },
    ]);
    expect(foldLive({}, [gen('x', 3)])).toEqual({});
    s().finished({
      records: [done, rec('random_reinit', 0.5, [])],
      targetConfig: config,
      trainerLabel: 'pgpe',
      sparsityFrac: 0.36,
    });
    // a progress batch that lands after the result (its own comlink channel) changes nothing
    s().progress({ kind: 'round', record: rec('random_reinit', 0.5, []) });
    s().progress({ kind: 'gens', metrics: [gen('random_reinit', 9, 9)] });
    expect(s().records.map((r) => r.method)).toEqual(['transfer_snr', 'random_reinit']);
    expect(s().status).toBe('done');
    expect(transferFraction(s())).toBe(1);
    s().finished(null);
    expect(s().status).toBe('cancelled');
    s().failed('boom');
    expect(s()).toMatchObject({ status: 'error', error: 'boom' });
    s().close();
    expect(s().ticket).toBeNull();
  });
});
