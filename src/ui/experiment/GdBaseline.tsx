/**
 * "Run the GD-IMP baseline" for the experiment in the form (docs/ALGORITHMS.md §4.1): the same
 * task, network, seeds and pruning schedule trained by masked gradient descent (state/gd-runs.ts
 * gdConfigOf). It runs as an ordinary IMP run of the worker (LabEngine.runImp routes `trainer: gd` to
 * the GD job): same progress bar, pause/cancel, storage and resume; its curves are overlaid on the ES
 * run's sparsity chart (and vice versa) once stored. GD settings come from the GD ParamSpecs.
 */
import { memo, useEffect, useMemo, useState } from 'react';
import { gdParamSpecs, type GdOptions } from '../../core/experiments/gd/gd-options';
import { checkParam, resolveParams } from '../../core/params';
import { getTask } from '../../core/tasks/registry';
import { networkOf } from '../../core/runs/network-shape';
import { selectValidation, useExperimentStore } from '../../state/experiment-store';
import { gdConfigOf } from '../../state/gd-runs';
import { selectImpActive, useImpStore } from '../../state/imp-store';
import { useBackendStore } from '../../state/backend-store';
import { startImp } from '../run/imp-client';
import { NumberField, SelectField } from './fields';
import { gdBackendProblem, gdTaskProblem } from '../../core/experiments/gd/gd-eligibility';
import { methodName } from '../../core/names';
import { Term } from '../glossary/Term';
import { DemoRunningNotice, useDemoRunning } from '../run/DemoRunningNotice';

const DEFAULTS = resolveParams(gdParamSpecs, {}) as GdOptions;
const OPTIMIZERS = gdParamSpecs.optimizer.options.map((o) => ({ id: o.value, label: o.label }));

/** Why the GD baseline cannot run for this config on this backend, or null. */
function blocker(config: ReturnType<typeof selectValidation>['config'], backend: string | null): string | null {
  if (!config) return 'Fix the settings marked in red first.';
  // The page loads no tfjs backend to ask; of the lab's backends only wasm lacks the kernel (tfjs 4.22).
  return (
    gdTaskProblem(getTask(config.task.id)) ??
    (backend ? gdBackendProblem(networkOf(config), backend, (b) => b !== 'wasm') : null)
  );
}

export const GdBaseline = memo(function GdBaseline() {
  const config = useExperimentStore((s) => selectValidation(s).config);
  const active = useImpStore(selectImpActive);
  const demoRunning = useDemoRunning();
  const backend = useBackendStore((s) => s.backend?.active ?? null);
  const [gd, setGd] = useState<GdOptions>(DEFAULTS);
  // A stored GD run that is opened shows its own settings here, with the panel open.
  const shownGd = useImpStore((s) => (s.source === 'stored' ? (s.config?.trainer?.params ?? null) : null));
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!shownGd) return;
    setGd({ ...DEFAULTS, ...shownGd });
    setOpen(true);
  }, [shownGd]);
  const why = blocker(config, backend);
  const gdConfig = useMemo(() => {
    try {
      return config && !why ? gdConfigOf(config, gd) : null;
    } catch {
      return null;
    }
  }, [config, gd, why]);
  const set =
    <K extends keyof GdOptions>(k: K) =>
    (v: GdOptions[K]) =>
      setGd((g) => ({ ...g, [k]: v }));
  const num = (k: 'lr' | 'batchSize' | 'epochs') => {
    const s = gdParamSpecs[k];
    const err = checkParam(k, s, gd[k]);
    return (
      <NumberField
        label={s.label}
        value={gd[k]}
        min={s.min}
        max={s.max}
        step={s.step}
        onChange={set(k)}
        disabled={active}
        hint={`${s.min}–${s.max}`}
        errors={err ? [err] : []}
      />
    );
  };
  return (
    <details
      className="panel gd-baseline"
      data-testid="gd-baseline"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        <strong>Compare with gradient descent (GD-IMP)</strong>{' '}
        <span className="muted small">
          — the same task, network, seeds and pruning schedule trained by gradient descent, drawn with the evolution
          strategy&apos;s curves
        </span>
      </summary>
      {shownGd && (
        <p className="small" data-testid="gd-shown">
          The run shown below was trained by <Term id="gd">gradient descent</Term> with these settings.
        </p>
      )}
      <div className="gd-fields">
        <SelectField
          label={gdParamSpecs.optimizer.label}
          value={gd.optimizer}
          options={OPTIMIZERS}
          onChange={(v) => set('optimizer')(v as GdOptions['optimizer'])}
          disabled={active}
          errors={[]}
        />
        {num('lr')}
        {num('batchSize')}
        {num('epochs')}
      </div>
      {gdConfig && (
        <p className="muted small">
          Curves: {gdConfig.prune.methods.map((m) => methodName(`gd_${m}`)).join(', ')} · {gdConfig.seeds.length} seed
          {gdConfig.seeds.length > 1 ? 's' : ''} · {gdConfig.prune.rounds} rounds × {gd.epochs} epoch
          {gd.epochs > 1 ? 's' : ''}
          {config && config.prune.methods.some((m) => !gdConfig.prune.methods.includes(m))
            ? ' (signal-to-noise pruning needs the σ of an evolution strategy: left out)'
            : ''}
        </p>
      )}
      {why && (
        <p className="field-error" role="status">
          {why}
        </p>
      )}
      {!active && <DemoRunningNotice />}
      <button
        type="button"
        className="primary"
        disabled={!gdConfig || active || demoRunning}
        onClick={() => {
          if (gdConfig) void startImp({ config: gdConfig });
        }}
      >
        Run GD-IMP baseline
      </button>
    </details>
  );
});
