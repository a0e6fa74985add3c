/**
 * Evolution strategies in 2-D (the tour's first step): the lab's 2-D demo, started once when the step
 * opens (it takes seconds), and the DemoRun its sentence reads (core/tour/demo-sentence.ts) from the
 * demo's streamed frames.
 */
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DemoRun } from '../../core/tour/demo-sentence';
import { strategyById, TOY_LIST } from '../../state/catalog';
import { selectImpActive, useImpStore } from '../../state/imp-store';
import { useDemoProgressStore } from '../../state/demo-progress-store';
import { DemoPanel } from '../demo/DemoPanel';
import { startDemo } from '../lab-client';

/** The demo's frames as the sentence reads them (null before the first frame). */
export function useDemoRun(enabled: boolean): DemoRun | null {
  const demo = useDemoProgressStore(
    useShallow((s) => ({ best: s.demo.best, trail: s.demo.meanTrail, run: s.demo.run })),
  );
  return useMemo(() => {
    // described with the settings the run started with, not the ones chosen since
    const choice = demo.run;
    const fn = choice && TOY_LIST.find((t) => t.id === choice.fnId);
    if (!enabled || !choice || !fn || demo.trail.length < 2 || !demo.best.length) return null;
    const n = demo.trail.length;
    return {
      strategyLabel: strategyById(choice.strategyId).label,
      popSize: choice.popSize,
      bestScores: demo.best.map((b) => b.bestScore),
      firstMean: fn.start,
      lastMean: [demo.trail[n - 2], demo.trail[n - 1]],
      optimum: fn.optimum,
    };
  }, [enabled, demo]);
}

export function EvidenceDemo() {
  useEffect(() => {
    // Once per visit, and never over a running experiment (both share the lab worker).
    const idle = useDemoProgressStore.getState().demo.status === 'idle';
    if (idle && !selectImpActive(useImpStore.getState())) void startDemo();
  }, []);
  return (
    <div className="tour-demo">
      {/* the step has no strategy settings panel, so the strategy is picked among the demo's controls */}
      <DemoPanel withStrategy />
    </div>
  );
}
