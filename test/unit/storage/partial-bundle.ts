/**
 * Imported bundles of a small 2-seed, 3-round config, finished or stopped early, with or without the
 * training states saved after each chain's last round (what the app's own export carries).
 */
import { exportBundle, importBundle, type RunBundle, type SeedChainState } from '../../../src/core/runs/bundle';
import { parseConfig } from '../../../src/core/runs/config';
import type { RoundRecord } from '../../../src/core/experiments/events';
import { fakeRun, quickConfig } from '../runs/fixtures';

export const config = parseConfig({ ...quickConfig, seeds: [0, 1], prune: { ...quickConfig.prune, rounds: 3 } });

/** The bundle as import decodes it: seed 0 to round `upTo0`, seed 1 to `upTo1` (0: none), states or not. */
export function bundleOf(upTo0: number, upTo1: number, withChains: boolean): RunBundle {
  const parts = [fakeRun(config, upTo0, 0), ...(upTo1 > 0 ? [fakeRun(config, upTo1, 1)] : [])];
  const records: RoundRecord[] = parts.flatMap((p) => p.records);
  const chains: SeedChainState[] = parts.flatMap((p) => p.chains);
  const text = exportBundle({
    config,
    createdAt: '2024-05-01T12:00:00.000Z',
    records,
    ...(withChains ? { chains } : {}),
  });
  const imported = importBundle(text);
  if (!imported.ok) throw new Error(imported.message);
  return imported.bundle;
}
