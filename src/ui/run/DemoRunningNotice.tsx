/**
 * The 2-D demo and a lottery-ticket run (ES or the GD baseline) share the one compute worker, which does
 * one job at a time: while the demo runs, a run's Start waits, and this notice says why, with a button
 * that stops the demo. `useDemoRunning` is what the Start buttons check.
 */
import { selectDemoActive, useDemoProgressStore } from '../../state/demo-progress-store';
import { stopDemo } from '../lab-client';

export const useDemoRunning = (): boolean => useDemoProgressStore(selectDemoActive);

export function DemoRunningNotice({ testId }: { testId?: string }) {
  if (!useDemoRunning()) return null;
  return (
    <p className="notice small" data-testid={testId}>
      The 2-D demo is still running, and the computer works on one thing at a time here.{' '}
      <button type="button" onClick={() => void stopDemo()}>
        Stop the 2-D demo
      </button>{' '}
      to start this run.
    </p>
  );
}
