/**
 * The strategy registry as a picker plus the chosen strategy's settings panel, both generated from the
 * registry and its paramSpecs (docs/ARCHITECTURE.md conventions 3 and 4): adding a strategy adds it here.
 */
import { useShallow } from 'zustand/react/shallow';
import { useDemoConfigStore, selectParamErrors, selectParams } from '../../state/demo-config-store';
import { STRATEGY_LIST, strategyById } from '../../state/catalog';
import { selectDemoActive, useDemoProgressStore } from '../../state/demo-progress-store';
import { ParamField } from './ParamField';
import { SourcedText } from './SourcedText';

export function StrategySettings() {
  const strategyId = useDemoConfigStore((s) => s.demo.strategyId);
  const setDemo = useDemoConfigStore((s) => s.setDemo);
  const setParam = useDemoConfigStore((s) => s.setParam);
  const resetParams = useDemoConfigStore((s) => s.resetParams);
  const values = useDemoConfigStore(useShallow((s) => selectParams(s, strategyId)));
  const errors = useDemoConfigStore(useShallow((s) => selectParamErrors(s, strategyId)));
  const running = useDemoProgressStore(selectDemoActive);
  const strategy = strategyById(strategyId);
  return (
    <section className="panel" aria-labelledby="strategies-h">
      <h2 id="strategies-h">Evolution strategies</h2>
      <fieldset className="strategy-list" disabled={running}>
        <legend className="sr-only">Strategy</legend>
        {STRATEGY_LIST.map((s) => (
          <label key={s.id} className={`strategy-option${s.id === strategyId ? ' selected' : ''}`}>
            <input
              type="radio"
              name="strategy"
              value={s.id}
              checked={s.id === strategyId}
              onChange={() => setDemo({ strategyId: s.id })}
            />
            <span className="strategy-label">{s.label}</span>
            <span className="strategy-meta">
              {s.antithetic === 'none' ? 'independent samples' : `antithetic (${s.antithetic})`}
            </span>
          </label>
        ))}
      </fieldset>
      <SourcedText className="strategy-help" text={strategy.help} />
      <div className="panel-head">
        <h3>{strategy.label} parameters</h3>
        <button type="button" className="link-button" onClick={() => resetParams(strategyId)} disabled={running}>
          Reset to defaults
        </button>
      </div>
      <div className="fields">
        {Object.entries(strategy.paramSpecs).map(([name, spec]) => (
          <ParamField
            key={`${strategyId}.${name}`}
            name={name}
            spec={spec}
            value={values[name]}
            error={errors[name]}
            helpKey={`${strategyId}.${name}`}
            disabled={running}
            onChange={(v) => setParam(strategyId, name, v)}
          />
        ))}
      </div>
    </section>
  );
}
