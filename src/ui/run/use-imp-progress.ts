/**
 * The running IMP experiment's progress (state/imp-store.ts `selectProgress`: fraction, generations done,
 * time left) for a progress bar, re-read every second while `ticking` so the time left counts down
 * between progress messages.
 */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectProgress, useImpStore, type RunProgress } from '../../state/imp-store';

export function useImpProgress(ticking: boolean): RunProgress {
  const s = useImpStore(
    useShallow((x) => ({
      totalGens: x.totalGens,
      finishedGens: x.finishedGens,
      currentGen: x.currentGen,
      gensAtStart: x.gensAtStart,
      startedAtMs: x.startedAtMs,
    })),
  );
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!ticking) return;
    const t = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(t);
  }, [ticking]);
  return selectProgress(s, now);
}
