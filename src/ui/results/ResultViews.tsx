/**
 * The Masks, Analysis and Rollout result tabs: thin adapters from the IMP store's run (records + config) to the standalone views in
 * src/ui/masks, src/ui/analysis and src/ui/control. Loaded lazily by ResultTabs, so the first paint and
 * a streaming run never pay for these modules until a tab is opened.
 */
import { useMemo, useState } from 'react';
import type { RoundRecord } from '../../core/experiments/events';
import { getTask } from '../../core/tasks/registry';
import { selectImpActive, useImpStore } from '../../state/imp-store';
import { AnalysisPanel, type RunAnalysis } from '../analysis/AnalysisPanel';
import { RolloutViewer } from '../control/RolloutViewer';
import { MaskInspector } from '../masks/MaskInspector';
import { distinct } from '../masks/mask-images';
import { cancelAnalysis, recordRollout, runAnalysisOnShownRun } from '../run/analysis-client';
import { useCompanionRun } from '../experiment/companion-run';
import type { ResultViewProps } from '../experiment/ResultTabs';
import { layoutOf } from '../../core/runs/network-shape';
import { OptionSelect } from '../settings/OptionSelect';
import { layerNames, methodName, trainerSummary } from '../../core/names';
import { minus } from '../../core/tour/words';

/** The run's layout: the worker's (live run) or rebuilt from the config (stored run). */
function useLayout(config: ResultViewProps['config']) {
  const streamed = useImpStore((s) => s.layout);
  return useMemo(() => streamed ?? (config ? layoutOf(config) : null), [streamed, config]);
}

export function MasksView({ records, config }: ResultViewProps) {
  const layout = useLayout(config);
  if (!layout) return <p className="muted">No run shown yet: start one or open a stored run.</p>;
  return <MaskInspector records={records} layers={layout.layers} inputShape={layout.inputShape} />;
}

/** The worker runs one job at a time: analyses wait until the run ends. */
function BusyNote({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      The worker is busy with the run: {what} once it finishes, or cancel it.
    </p>
  );
}

const runAnalysis: RunAnalysis = (id, args, onProgress) => runAnalysisOnShownRun(id, args, onProgress);

export function AnalysisView({ records, config, runId }: ResultViewProps) {
  const active = useImpStore(selectImpActive);
  const layout = useLayout(config);
  const companion = useCompanionRun(config, runId); // the GD run of an ES run (and vice versa), to compare with
  const otherRuns = useMemo(
    () =>
      companion
        ? [
            {
              id: companion.id,
              label: `stored run: ${trainerSummary(companion.config)}`,
              records: companion.records,
            },
          ]
        : [],
    [companion],
  );
  if (active) return <BusyNote what="analyses of its rounds can start" />;
  return (
    <AnalysisPanel
      records={records}
      runAnalysis={runAnalysis}
      onCancel={() => void cancelAnalysis()}
      layerNames={layout ? layerNames(layout.layers) : undefined}
      otherRuns={otherRuns}
    />
  );
}

/** The policy picker: a chain (method, seed) and one of its rounds; the round's final ES mean is shown. */
function RolloutPicker({
  records,
  config,
}: {
  records: readonly RoundRecord[];
  config: NonNullable<ResultViewProps['config']>;
}) {
  const methods = distinct(records, 'method'),
    seeds = distinct(records, 'seed');
  const [m, setM] = useState<string>(),
    [sd, setSd] = useState<number>(),
    [k, setK] = useState<number>();
  const method = m !== undefined && methods.includes(m) ? m : methods[0];
  const seed = sd !== undefined && seeds.includes(sd) ? sd : seeds[0];
  const chain = records.filter((r) => r.method === method && r.seed === seed).sort((a, b) => a.roundNum - b.roundNum);
  const rounds = chain.map((r) => r.roundNum);
  const roundNum = k !== undefined && rounds.includes(k) ? k : rounds[rounds.length - 1];
  const rec = chain.find((r) => r.roundNum === roundNum);
  if (!rec) return <p className="muted">No finished rounds yet: the rollout appears after the first IMP round.</p>;
  const kept = (100 * (1 - rec.sparsityFrac)).toFixed(1);
  return (
    <div className="rollout-view">
      <div className="view-controls" role="group" aria-label="Policy selection">
        <OptionSelect label="Pruning method" value={method} options={methods} onChange={setM} format={methodName} />
        <OptionSelect label="Seed" value={seed} options={seeds} onChange={setSd} />
        <OptionSelect label="Round" value={roundNum} options={rounds} onChange={setK} />
      </div>
      <RolloutViewer
        taskId={config.task.id}
        envParams={config.task.params}
        params={rec.mean}
        record={recordRollout}
        label={`${methodName(method)}, seed ${seed}, round ${roundNum} (${kept} % of weights kept, test return ${minus(rec.finalPerf.toFixed(1))})`}
      />
    </div>
  );
}

export function RolloutView({ records, config }: ResultViewProps) {
  const active = useImpStore(selectImpActive);
  if (!config) return <p className="muted">No run shown yet: start one or open a stored run.</p>;
  if (getTask(config.task.id).kind !== 'control')
    return (
      <p className="muted" data-testid="no-rollout">
        Vision task: no rollout. Rollouts animate control policies (CartPole, Pendulum, Acrobot, Mountain car).
      </p>
    );
  if (active) return <BusyNote what="the rollout of a finished round can be recorded" />;
  return <RolloutPicker records={records} config={config} />;
}
