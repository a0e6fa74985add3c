/**
 * The analysis registry (src/core/analysis/analyses) through the worker's entry point
 * (workers/analysis-job.ts runAnalysisJob), parametrised over every registered analysis: each runs on a
 * tiny in-memory run with one monotone progress bar ending at its total, reports files whose rows match
 * their headers, cancels through the gate without leaking tensors, and takes its defaults from its
 * ParamSpecs. Then what each analysis must get right: the selection rule (GD chains, comparisons), both
 * LMC barrier readings, shared landscape directions for ES and GD and masked vs unmasked directions,
 * the correlation's default layer and σ checks, and the weight statistics.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import {
  ANALYSIS_LIST,
  ANALYSES,
  getAnalysis,
  memorySource,
  parseIntList,
  prepareAnalysis,
  resolveSelection,
  type AnalysisProgress,
  type RoundKey,
} from '../../../src/core/analysis/analyses';
import { defaultsOf, resolveParams } from '../../../src/core/params';
import { runAnalysisJob, type AnalysisJobArgs } from '../../../workers/analysis-job';
import { theta0For } from '../../../src/core/experiments/imp';
import { visionFixture } from './fixtures';
import { chainRecords } from './records';

const fx = visionFixture();
afterAll(() => fx.task.dispose());
const parts = { ...fx, prune: { pruneFrac: 0.2, scope: 'global' as const } };
const es = [...chainRecords(fx.net, 'magnitude', [0, 1], 3), ...chainRecords(fx.net, 'snr', [0, 1], 3)];
const gd = chainRecords(fx.net, 'gd_magnitude', [0, 1], 3, 'none', 7);

/** Small option values per analysis so every entry runs in well under a second (a new one runs on defaults). */
const TINY: Record<string, Record<string, number | string | boolean>> = {
  lmc: { points: 3 },
  landscape: { directions: 2, points: 5 },
  correlation: { maxPoints: 20 },
};

function recorder() {
  const seen: AnalysisProgress[] = [];
  return { seen, sink: (p: AnalysisProgress) => void seen.push(p) };
}

describe.each(ANALYSIS_LIST.map((d) => [d.id, d] as const))('registered analysis %s', (id, def) => {
  const args: AnalysisJobArgs = { options: TINY[id] ?? {}, selection: { seeds: [0], rounds: [1, 2] } };

  it('runs on a tiny run with one monotone progress bar, and reports rows that match their headers', async () => {
    const { seen, sink } = recorder();
    const res = await runAnalysisJob(id as 'lmc', parts, es, args, sink);
    expect(seen.length).toBeGreaterThan(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i].done).toBeGreaterThanOrEqual(seen[i - 1].done);
    const last = seen[seen.length - 1];
    expect(last.done).toBe(last.total);
    expect(seen.every((p) => p.total === last.total)).toBe(true);
    const report = def.report(res);
    expect(report.files.length).toBeGreaterThan(0);
    for (const f of report.files) {
      expect(f.rows.length).toBeGreaterThan(0);
      for (const r of f.rows) expect(r).toHaveLength(f.header.length);
    }
    expect(report.markdown).toMatch(/^#{3} /);
    expect(() => JSON.stringify(report.files[0].json)).not.toThrow();
  });

  it('cancels through the gate with the gate’s error and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    let calls = 0;
    const gate = () => {
      if (++calls === 1) throw new Error('run cancelled');
    };
    await expect(runAnalysisJob(id as 'lmc', parts, es, args, undefined, gate)).rejects.toThrow('run cancelled');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('takes its defaults from its ParamSpecs and refuses out-of-range options before any work', () => {
    expect(resolveParams(def.options, {})).toEqual(defaultsOf(def.options));
    const sources = [memorySource('run', es, () => new Float32Array(0))];
    for (const [key, spec] of Object.entries(def.options)) {
      if (spec.kind !== 'number') continue;
      expect(() => prepareAnalysis(def, sources, { options: { [key]: spec.max + 1 } })).toThrow(key);
    }
  });
});

describe('one documented default per option', () => {
  it('landscape directions are filter-normalised and masked by default; LMC uses 15 α points', () => {
    expect(defaultsOf(ANALYSES.landscape.options)).toMatchObject({ norm: 'filter', directionMask: 'masked' });
    expect(defaultsOf(ANALYSES.lmc.options)).toMatchObject({ points: 15, pairs: 'both' });
    expect(defaultsOf(ANALYSES.correlation.options).layer).toBe(-1); // the last hidden layer
  });
});

describe('record selection', () => {
  const keys = (rs: readonly RoundKey[]) => rs.map((k) => `${k.method}/${k.seed}/${k.roundNum}`);
  const index = es.map(({ seed, method, roundNum }) => ({ seed, method, roundNum }));
  const gdIndex = gd.map(({ seed, method, roundNum }) => ({ seed, method, roundNum }));

  it('defaults: preferred chains present, every seed and round; a GD run answers for "magnitude"', () => {
    const s = resolveSelection(ANALYSES.lmc.select, index);
    expect(s.chains).toEqual(['magnitude']);
    expect(s.keys).toHaveLength(6);
    expect(resolveSelection(ANALYSES.lmc.select, gdIndex).chains).toEqual(['gd_magnitude']);
    expect(resolveSelection(ANALYSES.lmc.select, gdIndex, { chains: ['magnitude'] }).chains).toEqual(['gd_magnitude']);
    expect(resolveSelection(ANALYSES.landscape.select, index).chains).toEqual(['snr']);
  });

  it('comparing two runs pairs the same seed and round, picking a chain both runs have', () => {
    const s = resolveSelection(ANALYSES.landscape.select, index, { rounds: [1, 3] }, gdIndex);
    expect(s.chains).toEqual(['magnitude']); // snr is preferred but GD has no counterpart
    expect(s.chainB).toBe('gd_magnitude');
    expect(keys(s.keys)).toEqual(['magnitude/0/1', 'magnitude/0/3', 'magnitude/1/1', 'magnitude/1/3']);
    expect(keys(s.keysB!)).toEqual(['gd_magnitude/0/1', 'gd_magnitude/0/3', 'gd_magnitude/1/1', 'gd_magnitude/1/3']);
    expect(() => resolveSelection(ANALYSES.correlation.select, index, {}, gdIndex)).toThrow(/does not compare/);
  });

  it('names what is missing', () => {
    const sel = ANALYSES.lmc.select;
    expect(() => resolveSelection(sel, index, { chains: ['random_reinit'] })).toThrow(/"random_reinit" is not a chain/);
    expect(() => resolveSelection(sel, index, { seeds: [4] })).toThrow(/seed 4 is not in this run/);
    expect(() => resolveSelection(sel, index, { rounds: [5] })).toThrow(/round 5 of seed 0 magnitude/);
    expect(() => resolveSelection(ANALYSES.landscape.select, index, { chains: ['snr', 'magnitude'] })).toThrow(
      /one chain/,
    );
  });

  it('parses round and seed lists as typed in a flag or a field', () => {
    expect(parseIntList('1,4, 8', 'rounds')).toEqual([1, 4, 8]);
    expect(parseIntList('0-2,5', 'seeds')).toEqual([0, 1, 2, 5]);
    expect(parseIntList('', 'rounds')).toEqual([]);
    expect(() => parseIntList('1,x', 'rounds')).toThrow(/rounds: "x"/);
  });
});

describe('LMC through the registry', () => {
  it('within-chain LMC works on a GD-IMP chain (no σ) and on an ARS-like chain (one σ)', async () => {
    const ars = chainRecords(fx.net, 'magnitude', [0], 3, 'isotropic', 3);
    for (const recs of [gd, ars]) {
      const res = await runAnalysisJob('lmc', parts, recs, { options: { points: 3, pairs: 'rounds' } });
      expect(res.groups.every((g) => g.kind === 'rounds')).toBe(true);
      for (const p of res.groups[0].matrix.pairs) {
        expect(Number.isFinite(p.path.endpointBarrier)).toBe(true);
        expect(p.path.excessBarrier).toBeGreaterThanOrEqual(0); // both endpoints lie on the line
        expect(p.path.connected).toBe(p.path.excessBarrier < 0.02);
      }
    }
  });

  it('seed pairs are labelled as different θ0; two runs give one group per shared seed and round', async () => {
    const res = await runAnalysisJob('lmc', parts, es, { options: { points: 3 }, selection: { rounds: [2] } });
    const seeds = res.groups.find((g) => g.kind === 'seeds')!;
    expect(seeds.title).toMatch(/different θ0/);
    expect(getAnalysis('lmc').report(res).markdown).toMatch(/expected for any optimiser/);
    const cross = await runAnalysisJob('lmc', parts, es, {
      options: { points: 3 },
      selection: { rounds: [1, 3] },
      other: { label: 'gd-run', records: gd },
    });
    expect(cross.groups.map((g) => [g.kind, g.seed, g.roundNum, g.nets.map((n) => n.label)])).toEqual([
      ['runs', 0, 1, ['magnitude r1', 'gd_magnitude r1']],
      ['runs', 0, 3, ['magnitude r3', 'gd_magnitude r3']],
      ['runs', 1, 1, ['magnitude r1', 'gd_magnitude r1']],
      ['runs', 1, 3, ['magnitude r3', 'gd_magnitude r3']],
    ]);
    expect(getAnalysis('lmc').report(cross).files[0].name).toBe('lmc-runs-gd-run');
  });
});

describe('landscapes through the registry', () => {
  it('the same seed and directions for an ES and a GD network: identical networks give identical profiles', async () => {
    // The GD "run" holds exactly the ES networks under gd_ names: any difference would come from the directions.
    const twin = es.filter((r) => r.method === 'magnitude').map((r) => ({ ...r, method: 'gd_magnitude' }));
    const res = await runAnalysisJob('landscape', parts, es, {
      options: { directions: 2, points: 5 },
      selection: { seeds: [1], rounds: [2] },
      other: { label: 'gd', records: twin },
    });
    const [a, b] = res.rounds;
    expect([a.run, b.run]).toEqual([0, 1]);
    expect(b.landscape.profiles.map((p) => p.loss)).toEqual(a.landscape.profiles.map((p) => p.loss));
    expect(b.landscape.curvature.mean).toBe(a.landscape.curvature.mean);
  });

  it('masked directions keep pruned weights at 0 (direction norm smaller); unmasked ones move them', async () => {
    const run = (directionMask: string) =>
      runAnalysisJob('landscape', parts, es, {
        options: { directions: 2, points: 3, norm: 'none', directionMask },
        selection: { chains: ['magnitude'], seeds: [0], rounds: [3] },
      });
    const [masked, unmasked] = [await run('masked'), await run('unmasked')];
    const nm = masked.rounds[0].landscape.profiles[0].directionNorm,
      nu = unmasked.rounds[0].landscape.profiles[0].directionNorm;
    expect(nm).toBeLessThan(nu); // same underlying η; the masked copy is zero on the pruned entries
    expect(getAnalysis('landscape').report(unmasked).files[0].name).toBe('landscape-magnitude-none-unmasked');
    expect(getAnalysis('landscape').report(masked).markdown).toMatch(/masked \(pruned weights stay 0\)/);
  });

  it('the plane through θ0, r_k and r_k+1 uses the seed’s θ0', async () => {
    const res = await runAnalysisJob('landscape', parts, es, {
      options: { directions: 2, points: 3, plane: 1, surface: 3 },
      selection: { chains: ['magnitude'], seeds: [0], rounds: [1, 2] },
    });
    expect(res.planes).toHaveLength(1);
    expect(res.planes[0].surface.marks.map((m) => m.label)).toEqual(['θ0', 'r1', 'r2']);
    expect(theta0For(fx.net, 0)).toHaveLength(fx.net.paramCount);
  });
});

describe('correlation through the registry', () => {
  it('defaults to the last hidden layer (Dense_0 of a one-hidden-layer MLP)', async () => {
    const res = await runAnalysisJob('correlation', parts, es, { options: { maxPoints: 10 } });
    expect(fx.net.layers.map((l) => l.name)).toEqual(['Dense_0', 'Dense_1']);
    expect(res.layerName).toBe('Dense_0');
    const l1 = await runAnalysisJob('correlation', parts, es, { options: { layer: 1, maxPoints: 10 } });
    expect(l1.layerName).toBe('Dense_1');
    await expect(runAnalysisJob('correlation', parts, es, { options: { layer: 2 } })).rejects.toThrow(/out of range/);
  });

  it('refuses chains without a per-weight σ and names the ones it leaves out of a mix', async () => {
    await expect(runAnalysisJob('correlation', parts, gd, {})).rejects.toThrow(/needs a per-weight σ.*no σ/);
    const ars = chainRecords(fx.net, 'ars_magnitude', [0], 2, 'isotropic');
    const mixed = await runAnalysisJob('correlation', parts, [...es, ...ars], {
      selection: { chains: ['magnitude', 'ars_magnitude'] },
    });
    expect(mixed.withoutSigma).toEqual([{ method: 'ars_magnitude', sigma: 'isotropic' }]);
    expect(mixed.rows.filter((r) => r.method === 'ars_magnitude').every((r) => Number.isNaN(r.pearson))).toBe(true);
    expect(mixed.summary.pearson.every((s) => s.method === 'magnitude')).toBe(true);
    expect(getAnalysis('correlation').report(mixed).markdown).toMatch(/Left out, no per-weight σ: ars_magnitude/);
  });
});
