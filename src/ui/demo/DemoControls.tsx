/**
 * Choices and Start / Pause / Resume / Cancel for the 2-D demo, with inline validation messages. The
 * generation counter is plain text (it changes 30 times a second); screen readers hear the demo through a
 * throttled live region instead. The 2-D demo view picks the strategy in its settings panel next to these
 * controls; the tour's step, which has no such panel, asks for a strategy menu here (`withStrategy`).
 */
import { memo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  DEMO_LIMITS,
  selectCanStart,
  selectDemoErrors,
  useDemoConfigStore,
  type DemoChoice,
} from '../../state/demo-config-store';
import { STRATEGY_LIST, TOY_LIST } from '../../state/catalog';
import { selectDemoActive, useDemoProgressStore } from '../../state/demo-progress-store';
import { JobButtons } from '../run/JobButtons';
import { cancelDemo, pauseDemo, resumeDemo, startDemo } from '../lab-client';
import { LiveAnnouncer } from '../a11y/LiveAnnouncer';
import { STATUS_WORDS } from '../../state/job-status';

type NumKey = 'popSize' | 'generations' | 'gensPerSec' | 'seed';

function NumberBox({ k, label, min, max }: { k: NumKey; label: string; min: number; max?: number }) {
  const value = useDemoConfigStore((s) => s.demo[k]);
  const error = useDemoConfigStore((s) => selectDemoErrors(s)[k]);
  const setDemo = useDemoConfigStore((s) => s.setDemo);
  const running = useDemoProgressStore(selectDemoActive);
  const id = `demo-${k}`;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        step={1}
        value={Number.isFinite(value) ? value : ''}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-err` : undefined}
        disabled={running}
        onChange={(e) => setDemo({ [k]: e.target.value === '' ? NaN : Number(e.target.value) } as Partial<DemoChoice>)}
      />
      {error && (
        <p id={`${id}-err`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The strategy as a menu; it writes the same choice as the 2-D demo view's settings panel. */
function StrategySelect() {
  const strategyId = useDemoConfigStore((s) => s.demo.strategyId);
  const setDemo = useDemoConfigStore((s) => s.setDemo);
  const active = useDemoProgressStore(selectDemoActive);
  return (
    <div className="field">
      <label htmlFor="demo-strategy">Strategy</label>
      <select
        id="demo-strategy"
        value={strategyId}
        disabled={active}
        onChange={(e) => setDemo({ strategyId: e.target.value })}
      >
        {STRATEGY_LIST.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Memoised: its one prop never changes, so parent re-renders (one per streamed batch) skip it. */
export const DemoControls = memo(function DemoControls({ withStrategy = false }: { withStrategy?: boolean }) {
  const fnId = useDemoConfigStore((s) => s.demo.fnId);
  const setDemo = useDemoConfigStore((s) => s.setDemo);
  const canStart = useDemoConfigStore(selectCanStart);
  const { status, generation, total } = useDemoProgressStore(
    useShallow((s) => ({
      status: s.demo.status,
      generation: s.demo.generation,
      total: s.demo.totalGenerations,
    })),
  );
  const active = useDemoProgressStore(selectDemoActive);
  const fn = TOY_LIST.find((t) => t.id === fnId);
  const counter = useRef<HTMLParagraphElement>(null);
  const event =
    status === 'running'
      ? 'Demo running.'
      : status === 'idle'
        ? null
        : `Demo ${STATUS_WORDS[status] ?? status} at generation ${generation}${total ? ` of ${total}` : ''}.`;
  return (
    <div className="demo-controls">
      <div className="demo-fields">
        <div className="field demo-fn-field">
          <label htmlFor="demo-fn">Test function</label>
          <select id="demo-fn" value={fnId} disabled={active} onChange={(e) => setDemo({ fnId: e.target.value })}>
            {TOY_LIST.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        {withStrategy && <StrategySelect />}
        <NumberBox k="popSize" label="Population size" min={DEMO_LIMITS.popSize.min} max={DEMO_LIMITS.popSize.max} />
        <NumberBox
          k="generations"
          label="Generations"
          min={DEMO_LIMITS.generations.min}
          max={DEMO_LIMITS.generations.max}
        />
        <NumberBox k="gensPerSec" label="Speed (gens/s, 0 = max)" min={0} max={DEMO_LIMITS.gensPerSec.max} />
        <NumberBox k="seed" label="Seed" min={0} />
      </div>
      {fn?.help && <p className="fn-help">{fn.help}</p>}
      <JobButtons
        status={status}
        canStart={canStart}
        onStart={() => void startDemo()}
        onPause={() => void pauseDemo()}
        onResume={() => void resumeDemo()}
        onCancel={() => void cancelDemo()}
        focusHolder={counter}
      >
        <p className="gen-counter" ref={counter} tabIndex={-1} data-testid="gen-counter" data-generation={generation}>
          Generation {generation}
          {total ? ` / ${total}` : ''} ·{' '}
          <span className={`status status-${status}`} data-status={status}>
            {STATUS_WORDS[status] ?? status}
          </span>
        </p>
      </JobButtons>
      <LiveAnnouncer
        event={event}
        progress={status === 'running' && total ? `Generation ${generation} of ${total}.` : null}
        everyMs={5000}
      />
    </div>
  );
});
