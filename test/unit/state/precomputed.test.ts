/**
 * Precomputed overlays: the shipped bundle validates through the app's importer and becomes an
 * overlay with its commands and date; corrupt, truncated, stale or unmarked files and failed fetches give
 * a message (never a throw); the overlay is withheld next to a run of other settings; the chart table
 * gains the overlay's columns joined by round.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'fflate';
import { loadPrecomputed, precomputedFromBytes, precomputedUrl } from '../../../src/core/runs/precomputed';
import { precomputedSeries, withPrecomputedColumns } from '../../../src/ui/run/precomputed-series';
import { selectOverlay, usePrecomputedStore } from '../../../src/state/precomputed-store';
import { sparsityCurves } from '../../../src/state/imp-selectors';
import { parseConfig } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';

const file = () => readFile('public/precomputed/cartpole-reduced.json.gz').then((b) => new Uint8Array(b));

describe('precomputed loader', () => {
  it('loads the shipped bundle as an overlay with commands, date and seeds', async () => {
    const res = await loadPrecomputed('cartpole-reduced', '/app', async (url) => {
      expect(url).toBe('/app/precomputed/cartpole-reduced.json.gz');
      return file();
    });
    if (!res || !res.ok) throw new Error(res ? res.message : 'null');
    const o = res.overlay;
    expect(o.commands[0]).toMatch(/^npm run lab -- imp --preset cartpole-reduced/);
    expect(o.commands[o.commands.length - 1]).toMatch(/^npm run lab -- bundle /);
    expect(o.date).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(o.seeds).toEqual([0, 1]);
    expect(o.label).toMatch(/precomputed/);
    expect(o.records.length).toBe(64);
  });

  it('reads the same bundle when the server already inflated the gzip (Content-Encoding)', async () => {
    const res = precomputedFromBytes('cartpole-reduced', gunzipSync(await file()));
    expect(res.ok).toBe(true);
  });

  it('rejects truncated, corrupt, stale and unmarked files with a message', async () => {
    const bytes = await file();
    const truncated = precomputedFromBytes('cartpole-reduced', bytes.slice(0, bytes.length >> 1));
    expect(truncated).toMatchObject({ ok: false });
    expect(!truncated.ok && truncated.message).toMatch(/precomputed result for cartpole-reduced is unreadable/);
    const garbage = precomputedFromBytes(
      'cartpole-reduced',
      new TextEncoder().encode('{"format":"es-lottery-lab-run","version":1,"records":7}'),
    );
    expect(!garbage.ok && garbage.message).toMatch(/unreadable: invalid bundle/);
    const stale = precomputedFromBytes('mnist-quick', bytes);
    expect(!stale.ok && stale.message).toMatch(/other settings than the preset/);
    const text = new TextDecoder().decode(gunzipSync(bytes)).replace('"precomputed":true', '"precomputed":false');
    const unmarked = precomputedFromBytes('cartpole-reduced', new TextEncoder().encode(text));
    expect(!unmarked.ok && unmarked.message).toMatch(/not marked as a precomputed bundle/);
  });

  it('a failed fetch is a message; a preset without a bundle is null', async () => {
    const res = await loadPrecomputed('cartpole-reduced', '/', async () => {
      throw new Error('HTTP 404');
    });
    expect(res).toEqual({ ok: false, message: 'cannot load the precomputed result for cartpole-reduced (HTTP 404)' });
    expect(await loadPrecomputed('mnist-mlp-reduced', '/', async () => new Uint8Array())).toBeNull();
    expect(precomputedUrl('mnist-mlp-reduced', '/')).toBeNull();
  });
});

describe('precomputed store and chart data', () => {
  it('shows the preset overlay only next to a run of the same settings (seeds aside)', async () => {
    const res = precomputedFromBytes('cartpole-reduced', await file());
    const config = parseConfig(getPreset('cartpole-reduced').config);
    usePrecomputedStore.getState().loaded('cartpole-reduced', res, config);
    const entries = usePrecomputedStore.getState().entries;
    expect(entries['cartpole-reduced'].status).toBe('ready');
    expect(selectOverlay(entries, 'cartpole-reduced', null)?.overlay?.presetId).toBe('cartpole-reduced');
    expect(selectOverlay(entries, 'cartpole-reduced', parseConfig({ ...config, seeds: [4, 5] }))).not.toBeNull();
    expect(
      selectOverlay(entries, 'cartpole-reduced', parseConfig({ ...config, prune: { ...config.prune, rounds: 3 } })),
    ).toBeNull();
    expect(selectOverlay(entries, null, null)).toBeNull();
    usePrecomputedStore.getState().loaded('mnist-quick', { ok: false, message: 'bad' }, null);
    expect(usePrecomputedStore.getState().entries['mnist-quick']).toMatchObject({ status: 'error', message: 'bad' });
    expect(usePrecomputedStore.getState().entries['cartpole-reduced'].status).toBe('ready'); // untouched
  });

  it('series are dotted, labelled precomputed, and the table gains one column per method joined by round', async () => {
    const res = precomputedFromBytes('cartpole-reduced', await file());
    if (!res.ok) throw new Error(res.message);
    const pre = sparsityCurves(res.overlay.records);
    const series = precomputedSeries(pre, 1);
    expect(series).toHaveLength(pre.methods.length);
    // one bracket-free label per curve: "Ticket, magnitude pruning — precomputed"
    expect(series.every((s) => s.name.endsWith(' — precomputed') && !s.name.includes('('))).toBe(true);
    expect(series.every((s) => s.dash && (s.opacity ?? 1) < 1)).toBe(true);
    // all dotted: a baseline is marked by dots, a ticket is not
    expect(Object.fromEntries(series.map((s) => [s.key, !!s.dots]))).toMatchObject({
      'pre:magnitude': false,
      'pre:random_reinit': true,
    });
    const t = withPrecomputedColumns(
      {
        header: ['round', 'remaining %', 'magnitude'],
        rows: [
          [1, 100, 0.5],
          [2, 80, 0.4],
        ],
      },
      pre,
      { scale: 1, column: (m) => `${m} precomputed` },
    );
    expect(t.header).toEqual(['round', 'remaining %', 'magnitude', ...pre.methods.map((m) => `${m} precomputed`)]);
    const pct = withPrecomputedColumns({ header: ['round', 'remaining %'], rows: [] }, pre, {
      scale: 100,
      column: (m) => m,
    });
    expect(pct.rows[0][2]).toBeCloseTo(100 * (pre.rows[0][pre.methods[0]] as number), 9); // the chart's units
    expect(t.rows).toHaveLength(12);
    expect(t.rows[0].slice(0, 3)).toEqual([1, 100, 0.5]);
    expect(t.rows[11].slice(0, 3)).toEqual([12, Number(pre.rows[11].remainingPct.toFixed(3)), null]);
    expect(t.rows[11][3]).toBe(pre.rows[11][pre.methods[0]]);
  });
});
