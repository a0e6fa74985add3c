/**
 * The experiment's settings, generated from the registries and their ParamSpecs (docs/ARCHITECTURE.md conventions
 * 3–4): task, network, ES with its parameter panel, pruning methods incl. baselines,
 * rounds, p, seeds, budget, backend. Every value is validated by parseConfig and explained inline.
 * Sections named in a share link's `hide=` are not shown (a lesson can fix them).
 */
import { memo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { TASKS } from '../../core/tasks/registry';
import { NETWORKS } from '../../core/nets/registry';
import { STRATEGIES } from '../../core/es/registry';
import { PRUNE_METHODS } from '../../core/prune/registry';
import { DATASETS } from '../../core/tasks/vision/datasets';
import { BACKEND_PREFERENCES } from '../../core/runs/config';
import type { ParamSpecs } from '../../core/params';
import {
  issuesAt,
  parseSeedsText,
  selectValidation,
  useExperimentStore,
  type ParamSection,
} from '../../state/experiment-store';
import { selectImpActive, useImpStore } from '../../state/imp-store';
import { ParamField } from '../settings/ParamField';
import { FieldErrors, NumberField, SelectField } from './fields';

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
          error={issuesAt(v, `${section}.params.${name}`)[0]}
          helpKey={`exp-${section}-${entry.id}-${name}`}
          onChange={(value) => setParam(section, name, value)}
        />
      ))}
    </div>
  );
}

function SeedsField() {
  const seeds = useExperimentStore((s) => s.draft.seeds);
  const setSeeds = useExperimentStore((s) => s.setSeeds);
  const v = useExperimentStore(selectValidation);
  const [text, setText] = useState<string | null>(null);
  const parsed = text === null ? null : parseSeedsText(text);
  const errors = [...(parsed && 'error' in parsed ? [parsed.error] : []), ...issuesAt(v, 'seeds')];
  return (
    <div className={`field${errors.length ? ' field-invalid' : ''}`}>
      <label htmlFor="exp-seeds">Seeds (e.g. 0, 1, 2 or 0-4; runs one after another)</label>
      <input
        id="exp-seeds"
        type="text"
        inputMode="numeric"
        value={text ?? seeds.join(', ')}
        aria-invalid={errors.length > 0}
        onChange={(e) => {
          setText(e.target.value);
          const p = parseSeedsText(e.target.value);
          if ('seeds' in p) setSeeds(p.seeds);
        }}
        onBlur={() => {
          if (parsed && 'seeds' in parsed) setText(null);
        }}
      />
      <FieldErrors id="exp-seeds-err" messages={errors} />
    </div>
  );
}

export const ConfigForm = memo(function ConfigForm() {
  const running = useImpStore(selectImpActive);
  return (
    <fieldset className="config-form" disabled={running} aria-label="Experiment settings">
      <ConfigFields />
    </fieldset>
  );
});

const ConfigFields = memo(function ConfigFields() {
  const d = useExperimentStore((s) => s.draft);
  const hidden = useExperimentStore((s) => s.hidden);
  const { patch, setEntry, toggleMethod, setBackend } = useExperimentStore(
    useShallow((s) => ({
      patch: s.patch,
      setEntry: s.setEntry,
      toggleMethod: s.toggleMethod,
      setBackend: s.setBackend,
    })),
  );
  const v = useExperimentStore(selectValidation);
  const task = TASKS.find((t) => t.id === d.task.id);
  const strategy = STRATEGIES.find((s) => s.id === d.es.id);
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
            errors={issuesAt(v, 'task.id')}
            onChange={(id) => setEntry('task', id)}
          />
          {task && <p className="muted small">{task.help}</p>}
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
            errors={issuesAt(v, 'network.id')}
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
          <h3>Evolution strategy</h3>
          <SelectField
            label="Strategy"
            value={d.es.id}
            options={STRATEGIES}
            errors={issuesAt(v, 'es.id')}
            onChange={(id) => setEntry('es', id)}
          />
          <NumberField
            label="Population size"
            value={d.es.popSize}
            min={4}
            max={4096}
            hint="[4, 4096]"
            errors={issuesAt(v, 'es.popSize')}
            onChange={(popSize) => patch('es', { popSize })}
          />
          <label className="inline-check">
            <input
              type="checkbox"
              checked={d.es.centeredRank}
              onChange={(e) => patch('es', { centeredRank: e.target.checked })}
            />{' '}
            centered-rank fitness shaping
          </label>
          <NumberField
            label="Mean decay γ"
            value={d.es.meanDecay}
            min={0}
            max={0.1}
            step={0.0001}
            hint="[0, 0.1]"
            errors={issuesAt(v, 'es.meanDecay')}
            onChange={(meanDecay) => patch('es', { meanDecay })}
          />
          {strategy && <ParamPanel section="es" specs={strategy.paramSpecs} />}
        </section>
      )}
      {show('prune') && (
        <section className="form-section">
          <h3>Pruning</h3>
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
            messages={issuesAt(v, 'prune.methods').concat(issuesAt(v, 'prune.params'))}
          />
          <NumberField
            label="Rounds"
            value={d.prune.rounds}
            min={1}
            max={40}
            hint="[1, 40]"
            errors={issuesAt(v, 'prune.rounds')}
            onChange={(rounds) => patch('prune', { rounds })}
          />
          <NumberField
            label="Prune fraction p per round"
            value={d.prune.pruneFrac}
            min={0.01}
            max={0.9}
            step={0.01}
            hint="[0.01, 0.9]"
            errors={issuesAt(v, 'prune.pruneFrac')}
            onChange={(pruneFrac) => patch('prune', { pruneFrac })}
          />
        </section>
      )}
      {show('budget') && (
        <section className="form-section">
          <h3>Budget</h3>
          <NumberField
            label="Generations per round"
            value={d.budget.generationsPerRound}
            min={1}
            errors={issuesAt(v, 'budget.generationsPerRound')}
            onChange={(generationsPerRound) => patch('budget', { generationsPerRound })}
          />
          <NumberField
            label="Evaluate on test set every (generations)"
            value={d.budget.evalEvery}
            min={1}
            errors={issuesAt(v, 'budget.evalEvery')}
            onChange={(evalEvery) => patch('budget', { evalEvery })}
          />
        </section>
      )}
      {show('seeds') && (
        <section className="form-section">
          <SeedsField />
        </section>
      )}
      {show('backend') && (
        <section className="form-section">
          <SelectField
            label="Backend for this run"
            value={d.backend}
            errors={issuesAt(v, 'backend')}
            onChange={(b) => setBackend(b as typeof d.backend)}
            options={BACKEND_PREFERENCES.map((b) => ({
              id: b,
              label: b === 'auto' ? 'auto (fastest that passes the self-check)' : b,
            }))}
          />
        </section>
      )}
      {v.issues.some((i) => i.path === '' || i.path === 'schemaVersion') && (
        <FieldErrors id="exp-other-err" messages={issuesAt(v, '')} />
      )}
    </>
  );
});
