/**
 * How a lesson presents the lab (a view store, docs/ARCHITECTURE.md convention 10): the paper-tour step on screen,
 * projector mode and the simple view for students. Set from a teacher's link at startup
 * (core/tour/lesson-url.ts) and by the tour's and header's controls; never crosses into a worker.
 */
import { create } from 'zustand';

export interface LessonViewState {
  /** 1-based step of the paper tour. */
  readonly tourStep: number;
  /** Large type, thick lines, high contrast; the chart and its sentence fit one 1280×720 screen. */
  readonly projector: boolean;
  /** Students see task, strategy, rounds and Start only. */
  readonly simple: boolean;
}

export interface LessonViewActions {
  setTourStep(step: number): void;
  setProjector(on: boolean): void;
  setSimple(on: boolean): void;
}

export const LESSON_VIEW_DEFAULT: LessonViewState = { tourStep: 1, projector: false, simple: false };

export const useLessonStore = create<LessonViewState & LessonViewActions>()((set) => ({
  ...LESSON_VIEW_DEFAULT,
  setTourStep: (tourStep) => set({ tourStep }),
  setProjector: (projector) => set({ projector }),
  setSimple: (simple) => set({ simple }),
}));
