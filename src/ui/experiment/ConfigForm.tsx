/**
 * The experiment's settings, generated from the registries and their ParamSpecs (docs/ARCHITECTURE.md conventions
 * 3–4): task, network, ES with its parameter panel, pruning methods incl. baselines,
 * rounds, p, seeds, budget, backend. Every value is validated by parseConfig and explained inline.
 * Sections named in a share link's `hide=` are not shown (a lesson can fix them).
 */
import { memo, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { TASKS } from '../../core/tasks/registry';
import { NETWORKS } from '../../core/nets/registry';
import { STRATEGIES } from '../../core/es/registry';
import { PRUNE_METHODS } from '../../core/prune/registry';
import { DATASETS } from '../../core/tasks/vision/datasets';
import type { ExperimentConfig } from '../../core/runs/config';
import { EXPERIMENT_FIELD_LIST, fieldPath, fieldValue, type ExperimentField } from '../../core/runs/experiment-fields';
import { rangeText, type ParamSpecs } from '../../core/params';
import {
  issuesAt,
  seedsFromText,
  selectValidation,
  useExperimentStore,
  type ParamSection,
} from '../../state/experiment-store';
import { selectImpActive, useImpStore } from '../../state/imp-store';
import { ParamField } from '../settings/ParamField';
import { FieldErrors, NumberField, SelectField } from './fields';
import { Term } from '../glossary/Term';
import { SourcedText } from '../settings/SourcedText';

// Fields take no `disabled` prop: the <fieldset disabled> around them disables every control natively, so
// starting a run re-renders one attribute instead of the whole form, so the Start click stays a short
// main-thread task.
function ParamPanel({ section, specs }: { section: ParamSection; specs: ParamSpecs }) {
  const entry = useExperimentStore((s) => s.draft[section]);
  const setParam = useExperimentStore((s) => s.setParam);
  const v = useExperimentStore(selectValidation);
  return (
    <div className="fields">
      {Object.entries(specs).map(([name, spec]) => (
        <ParamField
          key={`${entry.id}.${name}`}
          name={name}
          spec={spec}
          value={entry.params[name] ?? spec.default}
          error={issuesAt(v, `${section}.params.${name}`, spec.label)[0]}
          helpKey={`exp-${section}-${entry.id}-${name}`}
          onChange={(value) => setParam(section, name, value)}
        />
      ))}
    </div>
  );
}

export function SeedsField() {
  const seeds = useExperimentStore((s) => s.draft.seeds);
  const setSeeds = useExperimentStore((s) => s.setSeeds);
  const v = useExperimentStore(selectValidation);
  const [text, setText] = useState<string | null>(null);
  const textError = text === null ? null : seedsFromText(text).error;
  // Seeds replaced from outside (a preset, a link, a stored run) replace the text being typed.
  useEffect(() => {
    if (text !== null && seedsFromText(text).seeds.join() !== seeds.join()) setText(null);
  }, [seeds]); // eslint-disable-line react-hooks/exhaustive-deps -- only an outside change of the seeds resets
  // A text that does not parse leaves the draft without seeds; its own message says why (not the schema's).
  const errors = textError ? [textError] : issuesAt(v, 'seeds', 'Seeds');
  return (
    <div className={`field${errors.length ? ' field-invalid' : ''}`}>
      <label htmlFor="exp-seeds">Seeds (e.g. 0, 1, 2 or 0-4; runs one after another)</label>
      <input
        id="exp-seeds"
        type="text"
        inputMode="numeric"
        value={text ?? seeds.join(', ')}
        aria-invalid={errors.length > 0}
        aria-describedby={errors.length ? 'exp-seeds-err' : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setSeeds(seedsFromText(e.target.value).seeds);
        }}
        onBlur={() => {
          if (!textError) setText(null);
        }}
      />
      <FieldErrors id="exp-seeds-err" messages={errors} />
    </div>
  );
}

/** Whether every parameter is at its declared default (the strategy was just switched, never tuned). */
function onDefaults(params: Readonly<Record<string, unknown>>, specs: ParamSpecs): boolean {
  return Object.entries(specs).every(([k, spec]) => (params[k] ?? spec.default) === spec.default);
}

export const ConfigForm = memo(function ConfigForm() {
  const running = useImpStore(selectImpActive);
  return (
    <fieldset className="config-form" disabled={running} aria-label="Experiment settings">
      <ConfigFields />
    </fieldset>
  );
});

/**
 * The config's own fields of one section (es, prune, budget, backend), generated from their declaration
 * (core/runs/experiment-fields.ts) like the registries' params panels are from their ParamSpecs.
 */
function ExperimentFields({ section }: { section: string }) {
  const draft = useExperimentStore((s) => s.draft);
  const { patch, setBackend } = useExperimentStore(useShallow((s) => ({ patch: s.patch, setBackend: s.setBackend })));
  const v = useExperimentStore(selectValidation);
  const set = (f: ExperimentField, value: number | boolean | string) => {
    if (f.path.length === 1) setBackend(value as ExperimentConfig['backend']);
    else patch(f.path[0] as 'es' | 'prune' | 'budget', { [f.path[1]]: value });
  };
  return (
    <>
      {EXPERIMENT_FIELD_LIST.filter((f) => f.form && f.path[0] === section).map((f) => {
        const value = fieldValue(draft, f);
        const errors = issuesAt(v, fieldPath(f), f.spec.label);
        const s = f.spec;
        if (s.kind === 'number')
          return (
            <NumberField
              key={f.id}
              label={s.label}
              value={value as number}
              min={s.min}
              max={s.max}
              step={s.integer ? 1 : s.step}
              hint={rangeText(s)}
              errors={errors}
              onChange={(x) => set(f, x)}
            />
          );
        if (s.kind === 'boolean')
          return (
            <label key={f.id} className="inline-check">
              <input type="checkbox" checked={value as boolean} onChange={(e) => set(f, e.target.checked)} /> {s.label}
            </label>
          );
        return (
          <SelectField
            key={f.id}
            label={s.label}
            value={value as string}
            errors={errors}
            onChange={(x) => set(f, x)}
            options={s.options.map((o) => ({ id: o.value, label: o.label }))}
          />
        );
      })}
    </>
  );
}

const ConfigFields = memo(function ConfigFields() {
  const d = useExperimentStore((s) => s.draft);
  const hidden = useExperimentStore((s) => s.hidden);
  const { setEntry, toggleMethod } = useExperimentStore(
    useShallow((s) => ({ setEntry: s.setEntry, toggleMethod: s.toggleMethod })),
  );
  const v = useExperimentStore(selectValidation);
  const task = TASKS.find((t) => t.id === d.task.id);
  const strategy = STRATEGIES.find((s) => s.id === d.es.id);
  const presetId = useExperimentStore((s) => s.presetId);
  const network = NETWORKS.find((n) => n.id === d.network.id);
  const notes = DATASETS.find((x) => x.id === d.task.id)?.notes ?? [];
  const show = (s: Parameters<typeof hidden.has>[0]) => !hidden.has(s);
  return (
    <>
      {show('task') && (
        <section className="form-section">
          <h3>Task</h3>
          <SelectField
            label="Task"
            value={d.task.id}
            options={TASKS}
            errors={issuesAt(v, 'task.id', 'Task')}
            onChange={(id) => setEntry('task', id)}
          />
          {task && <SourcedText className="muted small" text={task.help} />}
          {notes.length > 0 && (
            <ul className="notice">
              {notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          {task && <ParamPanel section="task" specs={task.paramSpecs} />}
        </section>
      )}
      {show('network') && (
        <section className="form-section">
          <h3>Network</h3>
          <SelectField
            label="Network"
            value={d.network.id}
            errors={issuesAt(v, 'network.id', 'Network')}
            onChange={(id) => setEntry('network', id)}
            options={NETWORKS.map((n) => ({
              id: n.id,
              label: task && !n.taskKinds.includes(task.kind) ? `${n.label} (not for ${task.kind})` : n.label,
            }))}
          />
          {network && <ParamPanel section="network" specs={network.paramSpecs} />}
        </section>
      )}
      {show('es') && (
        <section className="form-section">
          <h3>
            <Term id="es">Evolution strategy</Term>
          </h3>
          <SelectField
            label="Strategy"
            value={d.es.id}
            options={STRATEGIES}
            errors={issuesAt(v, 'es.id', 'Strategy')}
            onChange={(id) => setEntry('es', id)}
          />
          <ExperimentFields section="es" />
          {strategy && presetId === null && onDefaults(d.es.params, strategy.paramSpecs) && (
            <p className="notice small" data-testid="es-defaults-note">
              These are {strategy.label}’s standard settings, not tuned for this task: with them it may learn slowly or
              not at all (a large starting σ scatters the weights). The presets carry tuned settings.
            </p>
          )}
          {strategy && <ParamPanel section="es" specs={strategy.paramSpecs} />}
        </section>
      )}
      {show('prune') && (
        <section className="form-section">
          <h3>
            Pruning (<Term id="mask">masks</Term> and <Term id="baseline">baselines</Term>)
          </h3>
          <fieldset className="method-list">
            <legend>Methods (one curve each; baselines dashed)</legend>
            {PRUNE_METHODS.map((m) => (
              <label key={m.id} className="inline-check" title={m.help}>
                <input type="checkbox" checked={d.prune.methods.includes(m.id)} onChange={() => toggleMethod(m.id)} />
                {m.label}
                {m.kind === 'baseline' && !/baseline/i.test(m.label) ? ' (baseline)' : ''}
              </label>
            ))}
          </fieldset>
          <FieldErrors
            id="exp-methods-err"
            messages={issuesAt(v, 'prune.methods', 'Methods').concat(issuesAt(v, 'prune.params'))}
          />
          <ExperimentFields section="prune" />
        </section>
      )}
      {show('budget') && (
        <section className="form-section">
          <h3>Budget</h3>
          <ExperimentFields section="budget" />
        </section>
      )}
      {show('seeds') && (
        <section className="form-section">
          <SeedsField />
        </section>
      )}
      {show('backend') && (
        <section className="form-section">
          <ExperimentFields section="backend" />
        </section>
      )}
      {v.issues.some((i) => i.path === '' || i.path === 'schemaVersion') && (
        <FieldErrors id="exp-other-err" messages={issuesAt(v, '')} />
      )}
    </>
  );
});
