// A tour analysis file shaped like the lab's mnist-quick analyses (docs/RESULTS.md §3, §5), small enough that
// every sentence about it can be worked out by hand; shared by the tour's analysis tests.
import { TOUR_ANALYSIS_FORMAT, TOUR_ANALYSIS_VERSION, type TourAnalysis } from '../../../src/core/tour/analysis-file';
import { NBSP } from '../../../src/core/tour/words';
import { parseConfig } from '../../../src/core/runs/config';
import { layoutOf } from '../../../src/core/runs/network-shape';
import { getPreset } from '../../../src/core/runs/presets';

/** The layers of the network the lab's MNIST analyses were made with (their sentences name a layer among them). */
export const MNIST_LAYERS = layoutOf(parseConfig(getPreset('mnist-quick').config)).layers;

export const plain = (s: string) => s.replaceAll(NBSP, ' ');
export const lmc = (
  pair: 'rounds' | 'seeds' | 'es-gd',
  chain: string,
  a: [number, number, number],
  b: [number, number, number],
  barrier: number,
) => ({
  pair,
  chain,
  seedA: a[0],
  roundA: a[1],
  remainingPctA: a[2],
  seedB: b[0],
  roundB: b[1],
  remainingPctB: b[2],
  barrier,
});

export const FILE: TourAnalysis = {
  format: TOUR_ANALYSIS_FORMAT,
  version: TOUR_ANALYSIS_VERSION,
  title: 'test analyses',
  createdAt: '2026-01-01T00:00:00Z',
  commands: ['npm run lab -- lmc --run runs-out/x'],
  metric: 'accuracy',
  lmc: [
    lmc('rounds', 'magnitude', [0, 1, 100], [0, 2, 80], 0.08),
    lmc('rounds', 'magnitude', [1, 1, 100], [1, 2, 80], 0.06),
    lmc('rounds', 'magnitude', [0, 2, 80], [0, 3, 64], 0.01),
    lmc('rounds', 'magnitude', [1, 2, 80], [1, 3, 64], 0.03),
    lmc('rounds', 'magnitude', [0, 1, 100], [0, 3, 64], 0.2), // not consecutive: not in the curves
    lmc('seeds', 'magnitude', [0, 1, 100], [1, 1, 100], 0.3),
    lmc('seeds', 'magnitude', [0, 3, 64], [1, 3, 64], 0.1),
    { ...lmc('es-gd', 'magnitude', [0, 2, 80], [0, 2, 80], 0.04), chainB: 'gd_magnitude' },
  ],
  sharpness: [
    { chain: 'snr', seed: 0, roundNum: 1, remainingPct: 100, a: 6, norm: 'filter' },
    { chain: 'snr', seed: 0, roundNum: 3, remainingPct: 64, a: 5, norm: 'filter' },
    { chain: 'gd_magnitude', seed: 0, roundNum: 1, remainingPct: 100, a: 4, norm: 'filter' },
    { chain: 'gd_magnitude', seed: 0, roundNum: 3, remainingPct: 64, a: 12, norm: 'filter' },
  ],
  transfer: [
    {
      kind: 'task',
      label: 'MNIST → F-MNIST',
      seed: 0,
      roundNum: 12,
      remainingPct: 8.59,
      ticket: 0.72,
      baseline: 0.57,
      native: 0.74,
    },
    {
      kind: 'task',
      label: 'MNIST → F-MNIST',
      seed: 1,
      roundNum: 12,
      remainingPct: 8.59,
      ticket: 0.7,
      baseline: 0.65,
      native: 0.72,
    },
    { kind: 'task', label: 'MNIST → F-MNIST', seed: 0, roundNum: 8, remainingPct: 20.97, ticket: 0.74, baseline: 0.73 },
    { kind: 'es-to-gd', label: 'ES → GD', seed: 0, roundNum: 12, remainingPct: 8.59, ticket: 0.71, baseline: 0.26 },
    { kind: 'es-to-gd', label: 'ES → GD', seed: 1, roundNum: 12, remainingPct: 8.59, ticket: 0.73, baseline: 0.37 },
  ],
};
