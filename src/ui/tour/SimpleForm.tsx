/**
 * The simple view of the experiment (a teacher's link with `simple=1`): task, strategy and rounds over a
 * classroom preset (core/tour/simple-view.ts), instead of the presets and the full settings form. Start,
 * the progress and the results stay where they are. The teacher can open all settings again.
 */
import { useState } from 'react';
import { parseConfig } from '../../core/runs/config';
import { getPreset } from '../../core/runs/presets';
import { getTask } from '../../core/tasks/registry';
import { DATASETS } from '../../core/tasks/vision/datasets';
import {
  CLASSROOM_PRESETS,
  classroomPresetOf,
  lastRoundRemaining,
  strategiesFor,
  withStrategy,
} from '../../core/tour/simple-view';
import { remainingText } from '../../core/tour/words';
import { issuesAt, selectValidation, useExperimentStore } from '../../state/experiment-store';
import { useLessonStore } from '../../state/lesson-store';
import { selectImpActive, useImpStore } from '../../state/imp-store';
import { NumberField, SelectField } from '../experiment/fields';
import { replaceQuery, withParam } from './url-sync';

/** The task option that stands for the settings a link carried. */
const LINK = 'link';

export function SimpleForm() {
  const draft = useExperimentStore((s) => s.draft);
  const presetId = useExperimentStore((s) => s.presetId);
  const v = useExperimentStore(selectValidation);
  const running = useImpStore(selectImpActive);
  const store = useExperimentStore.getState;
  // A link with its own settings (not a preset) keeps them as the base; otherwise the classroom preset.
  const [linkConfig] = useState(() => (presetId ? null : selectValidation(store()).config));
  const [base, setBase] = useState(
    () => presetId ?? (linkConfig ? LINK : (classroomPresetOf(draft.task.id) ?? CLASSROOM_PRESETS[0])),
  );
  const baseConfig =
    base === LINK && linkConfig
      ? linkConfig
      : parseConfig(getPreset(base === LINK ? CLASSROOM_PRESETS[0] : base).config);
  const withRounds = (config: typeof baseConfig) =>
    parseConfig({ ...config, prune: { ...config.prune, rounds: draft.prune.rounds } });
  const chooseTask = (id: string) => {
    setBase(id);
    if (id === LINK && linkConfig) store().loadConfig(linkConfig);
    else store().applyPreset(id);
  };
  const chooseStrategy = (id: string) => {
    // the preset's own strategy comes back with the preset's tuned settings; others with their defaults
    const next = id === baseConfig.es.id ? baseConfig : withStrategy(baseConfig, id);
    store().loadConfig(Number.isFinite(draft.prune.rounds) && draft.prune.rounds >= 1 ? withRounds(next) : next);
  };
  const strategies = strategiesFor(baseConfig);
  const caveat = DATASETS.find((x) => x.id === draft.task.id)?.studentCaveat;
  const rounds = draft.prune.rounds;
  const openAll = () => {
    useLessonStore.getState().setSimple(false);
    replaceQuery((q) => withParam(q, 'simple', null));
  };
  return (
    <section className="panel settings-col simple-form" aria-labelledby="simple-h" data-testid="simple-form">
      <h2 id="simple-h">Experiment</h2>
      <fieldset disabled={running} className="config-form">
        <SelectField
          label="Task"
          value={base}
          options={[
            ...(linkConfig ? [{ id: LINK, label: `${getTask(linkConfig.task.id).label} (as in the link)` }] : []),
            ...CLASSROOM_PRESETS.map((id) => ({ id, label: getTask(getPreset(id).config.task.id).label })),
          ]}
          errors={[]}
          onChange={chooseTask}
        />
        {base !== LINK && <p className="small muted">Takes {getPreset(base).expectedCost}.</p>}
        {caveat && (
          <p className="notice small" data-testid="simple-data-caveat">
            {caveat}
          </p>
        )}
        <SelectField
          label="Evolution strategy"
          value={draft.es.id}
          options={strategies.map((s) => ({
            id: s.id,
            label: s.id === baseConfig.es.id ? `${s.label} (tuned for this task)` : `${s.label} (default settings)`,
          }))}
          errors={issuesAt(v, 'es')}
          onChange={chooseStrategy}
        />
        <NumberField
          label="Rounds of pruning"
          value={rounds}
          min={1}
          max={40}
          hint="1–40"
          errors={issuesAt(v, 'prune.rounds')}
          onChange={(n) => store().patch('prune', { rounds: n })}
        />
        {Number.isInteger(rounds) && rounds >= 1 && rounds <= 40 && (
          <p className="small muted">
            The last round keeps {remainingText(lastRoundRemaining(rounds, draft.prune.pruneFrac))} of the weights.
          </p>
        )}
      </fieldset>
      <p className="small muted">Your teacher chose the other settings. Press Start to run the experiment.</p>
      <button type="button" className="link-button small" onClick={openAll}>
        Show all settings
      </button>
    </section>
  );
}
