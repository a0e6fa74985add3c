/**
 * Where the chosen ticket goes (docs/ALGORITHMS.md §5): another task with the same input and
 * output sizes (the source's trainer), another evolution strategy with its parameters (generated from the
 * strategy registry's ParamSpecs, docs/ARCHITECTURE.md conventions 3–4), or masked gradient descent (the GD options'
 * ParamSpecs). Native radio buttons and labelled fields, so the whole form works from the keyboard.
 */
import type { ExperimentConfig } from '../../core/runs/config';
import { checkParam, int, type ParamSpec } from '../../core/params';
import { STRATEGIES, getStrategy } from '../../core/es/registry';
import { getTask } from '../../core/tasks/registry';
import { gdParamSpecs } from '../../core/experiments/gd/gd-options';
import {
  targetTaskOptions,
  useTransferStore,
  type TransferDraft,
  type TransferTargetKind,
} from '../../state/transfer-store';
import { ParamField } from '../settings/ParamField';

const KINDS: readonly { id: TransferTargetKind; label: string; help: string }[] = [
  {
    id: 'task',
    label: 'Another task',
    help: 'Same network and trainer, another data set with the same input/output sizes.',
  },
  { id: 'es', label: 'Another ES', help: 'Same task, another evolution strategy (fresh ES state).' },
  { id: 'gd', label: 'Gradient descent', help: 'Same task, masked Adam/SGD: pruned weights stay exactly zero.' },
];

const GENS_SPEC = int(
  300,
  1,
  100000,
  'Generations',
  "ES generations of the target round (the source round's budget by default).",
);
const POP_SPEC = int(
  64,
  4,
  4096,
  'Population size',
  "Members per generation of the target ES (the config schema's range).",
);

/** Errors of the draft's fields, by field key (none: the Start button is enabled). */
export function draftErrors(d: TransferDraft): Record<string, string> {
  const out: Record<string, string> = {};
  const check = (key: string, spec: ParamSpec, v: unknown) => {
    const e = checkParam(key, spec, v);
    if (e) out[key] = e;
  };
  if (d.kind !== 'gd') check('generations', GENS_SPEC, d.generations);
  if (d.kind === 'es') {
    check('popSize', POP_SPEC, d.popSize);
    for (const [k, spec] of Object.entries(getStrategy(d.esId).paramSpecs)) check(`es.${k}`, spec, d.esParams[k]);
  }
  if (d.kind === 'gd')
    for (const [k, spec] of Object.entries(gdParamSpecs)) check(`gd.${k}`, spec, d.gd[k as keyof typeof d.gd]);
  return out;
}

export function TargetForm({
  config,
  draft,
  disabled,
  sourceIsGd,
}: {
  config: ExperimentConfig;
  draft: TransferDraft;
  disabled: boolean;
  sourceIsGd: boolean;
}) {
  const setDraft = useTransferStore((s) => s.setDraft);
  const setEs = useTransferStore((s) => s.setEs);
  const tasks = targetTaskOptions(config);
  const vision = getTask(config.task.id).metric === 'accuracy';
  const errors = draftErrors(draft);
  const kinds = KINDS.filter((k) => (k.id === 'task' ? tasks.length > 0 : k.id === 'gd' ? vision : true));
  const strategy = getStrategy(draft.esId);
  const showGd = draft.kind === 'gd' || (draft.kind === 'task' && sourceIsGd);
  return (
    <fieldset className="target-form" disabled={disabled}>
      <legend>Target</legend>
      <div className="target-kinds" role="radiogroup" aria-label="Target kind">
        {kinds.map((k) => (
          <label key={k.id} className={`target-kind${draft.kind === k.id ? ' selected' : ''}`}>
            <input
              type="radio"
              name="transfer-target"
              value={k.id}
              checked={draft.kind === k.id}
              onChange={() => setDraft({ kind: k.id })}
            />
            <span className="target-kind-label">{k.label}</span>
            <span className="muted small">{k.help}</span>
          </label>
        ))}
      </div>
      <div className="fields target-fields">
        {draft.kind === 'task' ? (
          <label className="field">
            Target task
            <select value={draft.taskId} onChange={(e) => setDraft({ taskId: e.target.value })}>
              {tasks.map((id) => (
                <option key={id} value={id}>
                  {getTask(id).label}
                </option>
              ))}
            </select>
            {draft.taskId === 'kmnist' ? (
              <span className="muted small">KMNIST: this copy holds 6,284 of its 60,000 training images.</span>
            ) : null}
          </label>
        ) : null}
        {draft.kind === 'es' ? (
          <label className="field">
            Target strategy
            <select value={draft.esId} onChange={(e) => setEs(e.target.value)}>
              {STRATEGIES.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                  {s.id === config.es.id ? " (the source's)" : ''}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {draft.kind === 'es' ? (
          <ParamField
            name="popSize"
            spec={POP_SPEC}
            value={draft.popSize}
            error={errors.popSize}
            helpKey="transfer.popSize"
            onChange={(v) => setDraft({ popSize: Number(v) })}
          />
        ) : null}
        {!showGd ? (
          <ParamField
            name="generations"
            spec={GENS_SPEC}
            value={draft.generations}
            error={errors.generations}
            helpKey="transfer.generations"
            onChange={(v) => setDraft({ generations: Number(v) })}
          />
        ) : null}
      </div>
      {draft.kind === 'es' ? (
        <details className="target-params">
          <summary>{strategy.label} parameters</summary>
          <div className="fields">
            {Object.entries(strategy.paramSpecs).map(([name, spec]) => (
              <ParamField
                key={`${draft.esId}.${name}`}
                name={name}
                spec={spec}
                value={draft.esParams[name] ?? spec.default}
                error={errors[`es.${name}`]}
                helpKey={`transfer.${draft.esId}.${name}`}
                onChange={(v) => setDraft({ esParams: { ...draft.esParams, [name]: v } })}
              />
            ))}
          </div>
        </details>
      ) : null}
      {showGd ? (
        <div className="fields target-fields">
          {Object.entries(gdParamSpecs).map(([name, spec]) => (
            <ParamField
              key={name}
              name={name}
              spec={spec}
              value={draft.gd[name as keyof typeof draft.gd]}
              error={errors[`gd.${name}`]}
              helpKey={`transfer.gd.${name}`}
              onChange={(v) => setDraft({ gd: { ...draft.gd, [name]: v } })}
            />
          ))}
          {config.network.id === 'cnn' ? (
            <p className="notice">
              GD on the CNN needs a backend with the conv filter gradient (cpu, webgl, webgpu); the wasm backend lacks
              it and the job refuses to start there.
            </p>
          ) : null}
        </div>
      ) : null}
      <label className="inline-check">
        <input type="checkbox" checked={draft.baselines} onChange={(e) => setDraft({ baselines: e.target.checked })} />
        Also train the random/reinit baseline at the same sparsity
      </label>
    </fieldset>
  );
}
