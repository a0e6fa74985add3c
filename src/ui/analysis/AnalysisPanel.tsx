/**
 * Analyses panel: every analysis of the core registry (src/core/analysis/analyses) over the finished rounds
 * the parent passes — its record selection and option fields generated from the registry entry (the CLI's
 * flags come from the same entry), run through the parent's `runAnalysis` (the worker engine:
 * LabEngine.runAnalysis → workers/analysis-job.ts) with a progress bar and cancel, and its view.
 */
import { useMemo, useState } from 'react';
import type { RoundRecord } from '../../core/experiments/events';
import {
  ANALYSES,
  ANALYSIS_IDS,
  chainsOf,
  getAnalysis,
  memorySource,
  parseIntList,
  prepareAnalysis,
  resolveSelection,
  seedsOf,
  type AnalysisId,
  type AnalysisProgress,
  type AnalysisResultOf,
  type RoundKey,
} from '../../core/analysis/analyses';
import { defaultsOf, type AnyParamValues } from '../../core/params';
import type { AnalysisJobArgs, AnalysisOutcome } from '../../protocol/worker-protocol';
import '../viz/views.css';
import { OptionSelect } from '../settings/OptionSelect';
import { AnalysisResultView } from './analysis-views';
import { OptionFields } from './OptionFields';
import { SelectionControls, type SelectionState } from './SelectionControls';
import { LiveAnnouncer } from '../a11y/LiveAnnouncer';
import { SourcedText } from '../settings/SourcedText';

/** The parent's bridge to the worker: runs registry analysis `id` on the shown run (and `args.other`). */
export type RunAnalysis = <K extends AnalysisId>(
  id: K,
  args: AnalysisJobArgs,
  onProgress: (p: AnalysisProgress) => void,
) => Promise<AnalysisOutcome<AnalysisResultOf<K>>>;

/** Another stored run whose networks can be compared with this run's (same network and task). */
export interface OtherRun {
  readonly id: string;
  readonly label: string;
  readonly records: readonly RoundRecord[];
}

export interface AnalysisPanelProps {
  readonly records: readonly RoundRecord[];
  readonly runAnalysis: RunAnalysis;
  /** Cancels the running analysis (LabEngine.cancel). */
  readonly onCancel?: () => void;
  /** Layer names in order (core/names.ts layerNames), for options that pick a layer and the results' titles. */
  readonly layerNames?: readonly string[];
  /** Other stored runs of the same task and network (e.g. the GD-IMP run of an ES run), to compare with. */
  readonly otherRuns?: readonly OtherRun[];
}

type AnyResult = { [K in AnalysisId]: { id: K; result: AnalysisResultOf<K> } }[AnalysisId];

const keysOf = (records: readonly RoundRecord[]): RoundKey[] =>
  records.map((r) => ({ seed: r.seed, method: r.method, roundNum: r.roundNum }));
const noTheta0 = () => new Float32Array(0);

export function AnalysisPanel({ records, runAnalysis, onCancel, layerNames, otherRuns = [] }: AnalysisPanelProps) {
  const [id, setId] = useState<AnalysisId>('lmc');
  const def = getAnalysis(id);
  const [optionsById, setOptionsById] = useState<Partial<Record<AnalysisId, AnyParamValues>>>({});
  const options = optionsById[id] ?? (defaultsOf(def.options) as AnyParamValues);
  const [selection, setSelection] = useState<SelectionState>({ roundsText: '', otherId: '' });
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<AnalysisProgress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<AnyResult | null>(null);
  const index = useMemo(() => keysOf(records), [records]);
  const others = useMemo(() => otherRuns.map((r) => ({ ...r, index: keysOf(r.records) })), [otherRuns]);
  const defaults = useMemo(() => {
    try {
      return resolveSelection(def.select, index).chains;
    } catch {
      return [];
    }
  }, [def, index]);

  if (records.length === 0) return <p className="muted">Analyses need finished IMP rounds: run an experiment first.</p>;

  const other = def.select.compare ? others.find((r) => r.id === selection.otherId) : undefined;
  const chainsPicked = selection.chains?.filter((c) => chainsOf(index).includes(c)) ?? [];
  const start = async () => {
    setMessage(null);
    let args: AnalysisJobArgs;
    try {
      args = {
        options,
        selection: {
          // Picks that this run does not have (another run was shown before) fall back to the defaults.
          chains: chainsPicked.length ? (other ? chainsPicked.slice(0, 1) : chainsPicked) : undefined,
          seeds: selection.seeds?.filter((s) => seedsOf(index).includes(s)),
          rounds: parseIntList(selection.roundsText, 'Rounds'),
          chainB: other ? selection.chainB : undefined,
        },
        other: other ? { label: other.label, records: other.records } : undefined,
      };
      if (selection.seeds && !selection.seeds.length) throw new Error('Seeds: choose at least one seed.');
      // Same checks as the worker and the CLI (options in range, selection present), before any work.
      const sources = [memorySource('this run', records, noTheta0)];
      if (other) sources.push(memorySource(other.label, other.records, noTheta0));
      prepareAnalysis(def, sources, args);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
      return;
    }
    setBusy(true);
    setProgress(null);
    try {
      const out = await runAnalysis(id, args, setProgress);
      if (out.status === 'done') setResult({ id, result: out.result } as AnyResult);
      else setMessage('Analysis cancelled.');
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="analysis-panel">
      <div className="view-controls" role="group" aria-label="Analysis and records">
        <OptionSelect
          label="Analysis"
          value={id}
          options={ANALYSIS_IDS}
          onChange={setId}
          format={(k) => ANALYSES[k].label}
        />
        <SelectionControls
          spec={def.select}
          index={index}
          defaults={defaults}
          state={selection}
          onChange={setSelection}
          otherRuns={others}
        />
      </div>
      <SourcedText text={def.explain} className="muted small" />
      <div className="analysis-options" role="group" aria-label="Analysis options">
        <OptionFields
          def={def}
          values={options}
          onChange={(v) => setOptionsById({ ...optionsById, [id]: v })}
          layerNames={layerNames}
          disabled={busy}
        />
      </div>
      <div className="view-controls">
        <button type="button" className="primary" onClick={() => void start()} disabled={busy}>
          Run analysis
        </button>
        {busy && onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      {busy ? (
        <div className="progress-line">
          <progress max={progress?.total || 1} value={progress?.done ?? 0} aria-label="Analysis progress" />
          <span>{progress ? `${progress.label}: ${progress.done} / ${progress.total}` : 'starting…'}</span>
        </div>
      ) : null}
      <LiveAnnouncer
        event={busy ? `${def.label} running.` : result ? `${ANALYSES[result.id].label} finished.` : null}
        progress={
          busy && progress ? `${Math.round((100 * progress.done) / Math.max(1, progress.total))} % done.` : null
        }
      />
      {message ? (
        <p className="field-error" role="status">
          {message}
        </p>
      ) : null}
      {result ? <AnalysisResultView entry={result} layerNames={layerNames} /> : null}
    </div>
  );
}
