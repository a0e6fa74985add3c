import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { evaluateGrids, evaluateRows } from '../../../src/core/analysis/run/evaluate-grid';
import { combinationRows } from '../../../src/core/analysis/rows';
import { inits, visionFixture } from './fixtures';

const { task, net } = visionFixture();
afterAll(() => task.dispose());

describe('grid-as-population evaluation', () => {
  const thetas = inits(net, 7);
  const rows = combinationRows(
    thetas,
    thetas.map((_, i) => thetas.map((__, j) => (i === j ? 1 : 0))),
  );

  it('equals evaluating each row on its own, for any chunk size', async () => {
    const one: { perf: number; loss: number }[] = [];
    for (const th of thetas) {
      const t = tf.tensor2d(th, [1, net.paramCount]);
      one.push((await task.evaluateTest(net, t))[0]);
      t.dispose();
    }
    for (const chunkRows of [1, 3, 7, 16]) {
      const m = await evaluateRows({ task, net }, rows, { chunkRows });
      thetas.forEach((_, i) => {
        expect(m.perf[i]).toBe(one[i].perf);
        expect(m.loss[i]).toBeCloseTo(one[i].loss, 5);
      });
    }
    // Random inits differ, so the test above compares distinct rows, not one value seven times.
    expect(new Set(one.map((r) => r.loss.toFixed(6))).size).toBe(7);
  });

  it('reports progress after every chunk and awaits the gate before every chunk', async () => {
    const progress: [number, number][] = [];
    let gates = 0;
    await evaluateRows({ task, net }, rows, {
      chunkRows: 3,
      onProgress: (d, t) => progress.push([d, t]),
      gate: () => {
        gates++;
      },
    });
    expect(progress).toEqual([
      [3, 7],
      [6, 7],
      [7, 7],
    ]);
    expect(gates).toBe(3);
  });

  it('a throwing gate cancels before the next chunk', async () => {
    let done = 0,
      calls = 0;
    const run = evaluateRows({ task, net }, rows, {
      chunkRows: 2,
      onProgress: (d) => {
        done = d;
      },
      gate: () => {
        if (++calls === 3) throw new Error('cancelled');
      },
    });
    await expect(run).rejects.toThrow('cancelled');
    expect(done).toBe(4);
  });

  it('evaluateGrids: one progress bar over several lazily made grids', async () => {
    const progress: number[] = [];
    const made: number[] = [];
    const res = await evaluateGrids(
      { task, net },
      [
        {
          rowCount: 2,
          make: () => {
            made.push(0);
            return rows.slice(0, 2 * net.paramCount);
          },
        },
        {
          rowCount: 5,
          make: () => {
            made.push(1);
            return rows.slice(2 * net.paramCount);
          },
        },
      ],
      {
        chunkRows: 4,
        onProgress: (d, t) => {
          expect(t).toBe(7);
          progress.push(d);
        },
      },
    );
    expect(progress).toEqual([2, 6, 7]);
    expect(made).toEqual([0, 1]);
    const all = await evaluateRows({ task, net }, rows);
    expect([...res[0].perf, ...res[1].perf]).toEqual([...all.perf]);
  });

  it('rejects rows that are not a whole number of parameter vectors', async () => {
    await expect(evaluateRows({ task, net }, new Float32Array(net.paramCount + 1))).rejects.toThrow(
      /whole number of rows/,
    );
  });

  it('keeps the tensor count flat', async () => {
    await evaluateRows({ task, net }, rows, { chunkRows: 2 });
    const before = tf.memory().numTensors;
    await evaluateRows({ task, net }, rows, { chunkRows: 2 });
    await evaluateRows({ task, net }, rows, { chunkRows: 5 });
    expect(tf.memory().numTensors).toBe(before);
  });
});
