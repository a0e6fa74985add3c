/**
 * Comparing two runs (`--runs A,B`; src/core/analysis/analyses/selection.ts and the reports): the chain
 * pairing never falls back to a chain outside the defaults (a random baseline would read like the
 * default chain), and every two-run table shows the remaining % of both runs, with a note when the two
 * runs are not equally sparse at the same round (their pruning schedules differ). Also: the file names
 * each analysis gives before it runs (outputNames, which the CLI checks so that a file in the way is
 * refused before any work) are the names its report writes, with one run and with two.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  ANALYSES,
  ANALYSIS_LIST,
  executeAnalysis,
  prepareAnalysis,
  memorySource,
  resolveSelection,
  runAnalysis,
  type AnalysisDef,
} from '../../../src/core/analysis/analyses';
import type { RoundSnapshot } from '../../../src/core/analysis/run';
import { visionFixture } from './fixtures';
import { chainRecords } from './records';

const keysOf = (rs: readonly RoundSnapshot[]) => rs.map(({ seed, method, roundNum }) => ({ seed, method, roundNum }));

describe('which chains two runs compare', () => {
  const fx = visionFixture();
  afterAll(() => fx.task.dispose());
  const es = keysOf([
    ...chainRecords(fx.net, 'magnitude', [0], 2),
    ...chainRecords(fx.net, 'snr', [0], 2),
    ...chainRecords(fx.net, 'random_reinit', [0], 2),
  ]);
  // A transfer folder: no magnitude chain, but a random baseline the ES run has too.
  const transfer = keysOf([
    ...chainRecords(fx.net, 'transfer_snr', [0], 2),
    ...chainRecords(fx.net, 'random_reinit', [0], 2),
  ]);

  it('no default chain with a counterpart in run B: refused, naming both runs’ chains (no random_reinit)', () => {
    for (const id of ['lmc', 'weights'] as const)
      expect(() => resolveSelection(ANALYSES[id].select, es, {}, transfer)).toThrow(
        "no default chain of the first run has a counterpart in the second run (default magnitude; the first run's " +
          "chains: magnitude, snr, random_reinit; the second run's: transfer_snr, random_reinit); choose a chain of each run",
      );
    expect(() => resolveSelection(ANALYSES.landscape.select, es, {}, transfer)).toThrow(/\(default snr, magnitude;/);
  });

  it('a chain asked for is compared, and the defaults still fall back among themselves (snr → magnitude vs GD)', () => {
    const asked = resolveSelection(ANALYSES.lmc.select, es, { chains: ['random_reinit'] }, transfer);
    expect([asked.chains, asked.chainB]).toEqual([['random_reinit'], 'random_reinit']);
    const picked = resolveSelection(ANALYSES.lmc.select, es, { chainB: 'transfer_snr' }, transfer);
    expect([picked.chains, picked.chainB]).toEqual([['magnitude'], 'transfer_snr']);
    const gd = keysOf(chainRecords(fx.net, 'gd_magnitude', [0], 2));
    const s = resolveSelection(ANALYSES.landscape.select, es, {}, gd);
    expect([s.chains, s.chainB]).toEqual([['magnitude'], 'gd_magnitude']);
  });
});

describe('each run’s remaining % in two-run tables', () => {
  const fx = visionFixture();
  afterAll(() => fx.task.dispose());
  const parts = { ...fx, prune: { pruneFrac: 0.35, scope: 'global' as const } };
  const theta0 = () => new Float32Array(fx.net.paramCount);
  const a = chainRecords(fx.net, 'magnitude', [0], 2);
  const gd = chainRecords(fx.net, 'gd_magnitude', [0], 2, 'none', 3);
  // Run B pruned with p = 0.5: at round 2 it is at 50 % remaining where run A is at 65 %.
  const fast = gd.map((r) => ({ ...r, sparsityFrac: r.roundNum === 2 ? 0.5 : r.sparsityFrac }));
  const slow = a.map((r) => ({ ...r, sparsityFrac: r.roundNum === 2 ? 0.35 : r.sparsityFrac }));
  const sameAsA = gd.map((r) => ({ ...r, sparsityFrac: r.roundNum === 2 ? 0.35 : r.sparsityFrac }));

  async function markdown(def: AnalysisDef, recordsB: readonly RoundSnapshot[], options = {}) {
    const sources = [memorySource('es', slow, theta0), memorySource('gd', recordsB, theta0)];
    return def.report(await runAnalysis(def, parts, sources, { options })).markdown;
  }
  const NOTE =
    'Note: runs A and B are not equally sparse at the same round (round 2: 65.0 % remaining in A, 50.0 % in B)';
  const cases: [string, AnalysisDef, object, RegExp][] = [
    ['lmc', ANALYSES.lmc as AnalysisDef, { points: 3 }, /\| r2 \| 65\.0 \| 50\.0 \| /],
    ['weights', ANALYSES.weights as AnalysisDef, {}, /\| 2 \| 65\.0 \| 50\.0 \| /],
    [
      'landscape',
      ANALYSES.landscape as AnalysisDef,
      { directions: 2, points: 3 },
      /\| 2 \| 65\.0 \| [^|]+ \| 50\.0 \| /,
    ],
  ];

  it.each(cases)('%s: a column per run, and a note when they differ at a round', async (_, def, options, row) => {
    const md = await markdown(def, fast, options);
    expect(md).toMatch(/remaining % A.*remaining % B/);
    expect(md).toMatch(row);
    expect(md).toContain(NOTE);
    expect(await markdown(def, sameAsA, options)).not.toContain('not equally sparse');
  });
});

describe.each(ANALYSIS_LIST.map((d) => [d.id, d] as const))('%s: the output names known before it runs', (id, def) => {
  const fx = visionFixture();
  afterAll(() => fx.task.dispose());
  const parts = { ...fx, prune: { pruneFrac: 0.2, scope: 'global' as const } };
  const theta0 = () => new Float32Array(fx.net.paramCount);
  const es = memorySource(
    'es',
    [...chainRecords(fx.net, 'snr', [0], 2), ...chainRecords(fx.net, 'magnitude', [0], 2)],
    theta0,
  );
  const gd = memorySource('gd-run', chainRecords(fx.net, 'gd_magnitude', [0], 2, 'none', 3), theta0);
  const options = {
    lmc: { points: 3 },
    landscape: { directions: 2, points: 3, norm: 'none', directionMask: 'unmasked' },
  };

  it.each(def.select.compare ? [[es], [es, gd]] : [[es]])(
    'are the names its report writes (%#)',
    async (...sources) => {
      const request = { options: options[id as keyof typeof options] ?? {} };
      const prepared = prepareAnalysis(def, sources, request);
      const names = def.report(await executeAnalysis(def, parts, sources, prepared)).files.map((f) => f.name);
      const labels = sources.map((s) => s.label);
      expect(def.outputNames(labels, prepared.selection.chains, prepared.options)).toEqual(names);
    },
  );
});
