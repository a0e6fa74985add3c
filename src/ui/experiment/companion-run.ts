/**
 * The stored run to overlay on the shown one (so every chart overlays GD and ES on the same
 * axes): for an ES-IMP run, the newest stored GD-IMP run of the same task, network and pruning schedule
 * (state/gd-runs.ts isCompanion), and vice versa. Re-read when the shown run or its round count changes
 * (a GD run that just finished appears under the ES curves); records come from the worker (readStoredRun).
 */
import { useEffect, useState } from 'react';
import type { RoundRecord } from '../../core/experiments/events';
import type { ExperimentConfig } from '../../core/runs/config';
import { isCompanion, pickCompanion } from '../../state/gd-runs';
import { trainerSummary } from '../../core/names';
import { useImpStore } from '../../state/imp-store';
import { readStoredRun, runStore } from '../run/run-db';

export interface CompanionRun {
  readonly id: string;
  readonly config: ExperimentConfig;
  readonly records: readonly RoundRecord[];
}

/** One line naming what is overlaid: "Shown: … Overlaid from a stored run: gradient descent (Adam, …), seeds 0, 1, 2 …". */
export function overlayNote(shown: ExperimentConfig, other: ExperimentConfig): string {
  return `Shown: ${trainerSummary(shown)}. Overlaid from a stored run: ${trainerSummary(other)}, seeds ${other.seeds.join(', ')}. Gradient-descent curves are dotted (their baselines dash-dotted) and named "GD ·".`;
}

/** Loads the companion of (config, runId), or null (none stored, or IndexedDB unavailable). */
export async function loadCompanion(config: ExperimentConfig, runId: string | null): Promise<CompanionRun | null> {
  const runs = await (await runStore()).listRuns();
  const pick = pickCompanion(config, runId, runs);
  if (!pick) return null;
  const data = await readStoredRun(pick.id);
  return data && data.records.length ? { id: pick.id, config: data.config, records: data.records } : null;
}

/** The companion run of the shown run (null while none). */
export function useCompanionRun(config: ExperimentConfig | null, runId: string | null): CompanionRun | null {
  const [companion, setCompanion] = useState<(CompanionRun & { shownId: string | null }) | null>(null);
  const status = useImpStore((s) => s.status);
  useEffect(() => {
    // A companion belongs to one shown run: drop it at once when another run is shown (no stale overlay).
    setCompanion((c) => (c && config && c.shownId === runId ? c : null));
    if (!config) return;
    let live = true;
    const t = setTimeout(() => {
      void loadCompanion(config, runId).then(
        (c) => {
          if (live) setCompanion(c && { ...c, shownId: runId });
        },
        () => {
          if (live) setCompanion(null);
        },
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [config, runId, status]);
  return companion && config && companion.shownId === runId && isCompanion(config, companion.config) ? companion : null;
}
