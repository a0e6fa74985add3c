/**
 * The tour's "Try it yourself" link: opens the lab's result tab for the step. A student who has no run on
 * screen would find that tab empty, so the step's precomputed run (core/tour/evidence.ts `labRunOf`) is
 * shown there first, with its preset chosen in the form: the tab then works on that run at once, and Start
 * reruns it. A run the student started or opened stays on screen.
 */
import { getEvidence } from '../../core/tour/evidence';
import { runId } from '../../core/runs/hash';
import { useImpStore } from '../../state/imp-store';
import { useExperimentStore } from '../../state/experiment-store';
import { useTourEvidenceStore, type EvidenceEntry } from '../../state/tour-evidence-store';
import { ensureEvidence } from './evidence-client';

/** Evidence `id`'s entry once it is no longer loading (the step may have started loading it just before). */
function settled(id: string): Promise<EvidenceEntry | undefined> {
  const now = useTourEvidenceStore.getState().entries[id];
  if (now?.status !== 'loading') return Promise.resolve(now);
  return new Promise((resolve) => {
    const stop = useTourEvidenceStore.subscribe((s) => {
      if (s.entries[id]?.status === 'loading') return;
      stop();
      resolve(s.entries[id]);
    });
  });
}

/** Shows bundle evidence `id` in the lab when no run is on screen; whether it did. */
export async function showStepRunIfNone(id: string | null): Promise<boolean> {
  if (!id || useImpStore.getState().config) return false;
  await ensureEvidence(id);
  const entry = await settled(id);
  // a run shown meanwhile (the student started one) wins
  if (entry?.status !== 'ready' || entry.data.kind !== 'bundle' || useImpStore.getState().config) return false;
  const { config, records } = entry.data;
  const presetId = getEvidence(id).presetId;
  if (presetId) useExperimentStore.getState().applyPreset(presetId);
  useImpStore.getState().showStored(runId(config), config, records);
  return true;
}

/** Once the lab view has rendered (a few frames at most): the chosen result tab scrolled into view and focused. */
export function focusResultTab(framesLeft = 30): void {
  requestAnimationFrame(() => {
    const tab = document.querySelector<HTMLElement>(
      '[role="tablist"][aria-label="Result views"] [aria-selected="true"]',
    );
    if (!tab) {
      if (framesLeft > 0) focusResultTab(framesLeft - 1);
      return;
    }
    tab.scrollIntoView({ block: 'start' });
    tab.focus();
  });
}
