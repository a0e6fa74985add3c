/**
 * Applies a teacher's link on startup (core/tour/lesson-url.ts) and keeps projector mode in the page and
 * in the address bar: the `projector` class on <html> switches the projector styles (projector.css).
 */
import { useEffect } from 'react';
import { parseLessonParams } from '../../core/tour/lesson-url';
import { TOUR_STEPS } from '../../core/tour/steps';
import { PRESETS } from '../../core/runs/presets';
import type { UrlIssue } from '../../core/runs/url-codec';
import { useExperimentStore } from '../../state/experiment-store';
import { useLessonStore } from '../../state/lesson-store';
import { replaceQuery, withParam } from './url-sync';
import './projector.css';

/** Reads the lesson parameters of `search` into the stores; returns the link's problems. */
export function applyLessonLink(search: string): { errors: readonly UrlIssue[]; tour: boolean } {
  const p = parseLessonParams(search, { stepIds: TOUR_STEPS.map((s) => s.id), presetIds: PRESETS.map((x) => x.id) });
  useLessonStore.setState({ tourStep: p.tourStep ?? 1, projector: p.projector, simple: p.simple });
  if (p.preset) useExperimentStore.getState().applyPreset(p.preset);
  return { errors: p.errors, tour: p.tourStep !== null };
}

/** Projector mode on <html> and in the URL (`projector=1`), following the lesson store. */
export function useProjectorMode(): void {
  const on = useLessonStore((s) => s.projector);
  useEffect(() => {
    document.documentElement.classList.toggle('projector', on);
    replaceQuery((q) => withParam(q, 'projector', on ? '1' : null));
  }, [on]);
}
