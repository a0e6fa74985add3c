/**
 * Analyses panel: choose LMC, loss landscape or magnitude–SNR correlation, set its options
 * over the finished rounds the parent passes, run it through the parent's `runAnalysis` (the worker engine:
 * LabEngine.runAnalysis → workers/analysis-job.ts) with a progress bar and cancel, and render the result.
 */
import { useState } from 'react';
import type { RoundRecord } from '../../core/experiments/events';
import type { DirectionNorm } from '../../core/analysis/directions';
import type {
  AnalysisArgs,
  AnalysisKind,
  AnalysisOutcome,
  AnalysisProgress,
  AnalysisResults,
  LmcJobOptions,
  LmcJobResult,
} from '../../protocol/worker-protocol';
import '../viz/views.css';
import { distinct } from '../masks/mask-images';
import { CorrelationView } from './CorrelationView';
import { LandscapeView } from './LandscapeView';
import { LmcView } from './LmcView';
import { OptionSelect } from '../settings/OptionSelect';

/** The parent's bridge to the worker. */
export type RunAnalysis = <K extends AnalysisKind>(
  kind: K,
  args: AnalysisArgs[K],
  onProgress: (p: AnalysisProgress) => void,
) => Promise<AnalysisOutcome<AnalysisResults[K]>>;

export interface AnalysisPanelProps {
  readonly records: readonly RoundRecord[];
  readonly runAnalysis: RunAnalysis;
  /** Cancels the running analysis (LabEngine.cancel). */
  readonly onCancel?: () => void;
  /** The run's prune fraction p (correlation compares criteria at the next round's sparsity). */
  readonly pruneFrac?: number;
  /** Layer names for the correlation layer picker (default Dense_0 / index 1 as es-lottery). */
  readonly layerNames?: readonly string[];
  /** Other stored runs of the same task/network (e.g. the GD-IMP run of an ES run) for cross-run LMC. */
  readonly otherRuns?: readonly OtherRun[];
  /** Runs LMC between exactly two records (this run's and another run's; the 'records' pairs mode). */
  readonly runPair?: (
    a: RoundRecord,
    b: RoundRecord,
    args: LmcJobOptions,
    onProgress: (p: AnalysisProgress) => void,
  ) => Promise<AnalysisOutcome<LmcJobResult>>;
}

/** Another stored run whose networks can be paired with this run's (same D and task). */
export interface OtherRun {
  readonly id: string;
  readonly label: string;
  readonly records: readonly RoundRecord[];
}

type Pairs = 'rounds' | 'seeds' | 'run';
const PAIR_LABELS: Record<Pairs, string> = {
  rounds: 'rounds of one chain',
  seeds: 'same round, two+ seeds',
  run: 'vs another run (ES vs GD)',
};

/** The analyses this panel offers (the rollout job belongs to the rollout viewer). */
type PanelKind = Exclude<AnalysisKind, 'rollout'>;
const KIND_LABELS: Record<PanelKind, string> = {
  lmc: 'Mode connectivity (LMC)',
  landscape: 'Loss landscape',
  correlation: 'Magnitude–SNR correlation',
};
type AnyResult = { [K in PanelKind]: { kind: K; result: AnalysisResults[K] } }[PanelKind];

function Num({
  label,
  value,
  onChange,
  min,
  max,
  step = 1,
}: {
  label: string;
  value: number;
  onChange: (v: number) => void;
  min: number;
  max: number;
  step?: number;
}) {
  return (
    <label>
      {label}
      <input
        type="number"
        value={value}
        min={min}
        max={max}
        step={step}
        style={{ width: '6rem' }}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (Number.isFinite(v)) onChange(Math.min(max, Math.max(min, v)));
        }}
      />
    </label>
  );
}

export function AnalysisPanel({
  records,
  runAnalysis,
  onCancel,
  pruneFrac = 0.2,
  layerNames,
  otherRuns = [],
  runPair,
}: AnalysisPanelProps) {
  const methods = distinct(records, 'method');
  const seeds = distinct(records, 'seed');
  const rounds = distinct(records, 'roundNum');
  const [kind, setKind] = useState<PanelKind>('lmc');
  const [methodSel, setMethod] = useState<string>();
  const [seedSel, setSeed] = useState<number>();
  const method = methodSel && methods.includes(methodSel) ? methodSel : methods[0];
  const seed = seedSel !== undefined && seeds.includes(seedSel) ? seedSel : seeds[0];
  const [pairsSel, setPairs] = useState<Pairs>('rounds');
  const pairOptions: readonly Pairs[] = otherRuns.length && runPair ? ['rounds', 'seeds', 'run'] : ['rounds', 'seeds'];
  const pairs = pairOptions.includes(pairsSel) ? pairsSel : 'rounds';
  const [otherSel, setOther] = useState<string>();
  const other = otherRuns.find((r) => r.id === otherSel) ?? otherRuns[0];
  const otherMethods = other ? distinct(other.records, 'method') : [];
  const [methodBSel, setMethodB] = useState<string>();
  const methodB =
    methodBSel && otherMethods.includes(methodBSel)
      ? methodBSel
      : (otherMethods.find((m) => m === `gd_${method}` || `gd_${m}` === method) ?? otherMethods[0]);
  const [plane, setPlane] = useState(false);
  const [roundSel, setRound] = useState<number>();
  const roundNum = roundSel !== undefined && rounds.includes(roundSel) ? roundSel : rounds[rounds.length - 1];
  const [points, setPoints] = useState(15);
  const [extended, setExtended] = useState(false);
  const [directions, setDirections] = useState(5);
  const [xiPoints, setXiPoints] = useState(21);
  const [range, setRange] = useState(1);
  const [norm, setNorm] = useState<DirectionNorm>('filter');
  const [surfacePoints, setSurfacePoints] = useState(0);
  const [layerIndex, setLayerIndex] = useState(layerNames && layerNames.length > 1 ? 1 : 0);
  const [maxPoints, setMaxPoints] = useState(2000);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<AnalysisProgress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<AnyResult | null>(null);

  if (records.length === 0 || method === undefined || seed === undefined)
    return <p className="muted">Analyses need finished IMP rounds: run an experiment first.</p>;

  async function go<K extends PanelKind>(
    k: K,
    args: AnalysisArgs[K],
    runner?: (a: AnalysisArgs[K], p: (x: AnalysisProgress) => void) => Promise<AnalysisOutcome<AnalysisResults[K]>>,
  ) {
    setBusy(true);
    setMessage(null);
    setProgress(null);
    try {
      const out = await (runner ? runner(args, setProgress) : runAnalysis(k, args, setProgress));
      if (out.status === 'done') setResult({ kind: k, result: out.result } as AnyResult);
      else setMessage('Analysis cancelled.');
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  // Cross-run pair: this run's (method, seed, round) against the other run's (method B, same seed and round).
  const recA = records.find((r) => r.method === method && r.seed === seed && r.roundNum === roundNum);
  const recB = other?.records.find((r) => r.method === methodB && r.seed === seed && r.roundNum === roundNum);
  const goPair = async () => {
    if (!runPair || !recA || !recB || !other) {
      setMessage(`No round ${roundNum} of seed ${seed} in both runs (${method} here, ${methodB ?? '—'} there).`);
      return;
    }
    const labels = [`${method} r${roundNum}`, `${methodB} r${roundNum} (run ${other.id.slice(0, 8)})`];
    await go('lmc', { pairs: 'records', labels, method, seed, roundNum, points, extended }, (args, onP) =>
      runPair(recA, recB, args, onP),
    );
  };
  const start = () => {
    if (kind === 'lmc' && pairs === 'run') void goPair();
    else if (kind === 'lmc')
      void go(
        'lmc',
        pairs === 'rounds'
          ? { pairs, method, seed, points, extended }
          : { pairs: 'seeds', method, roundNum, points, extended },
      );
    else if (kind === 'landscape')
      void go('landscape', {
        method,
        seed,
        directions,
        points: xiPoints,
        range,
        normalisation: norm,
        rngSeed: 0,
        ...(plane ? { plane, surfacePoints: surfacePoints || 21, surfaceRoundNum: roundNum } : { surfacePoints }),
      });
    else void go('correlation', { layerIndex, pruneFrac, maxPoints });
  };

  return (
    <div className="analysis-panel">
      <div className="view-controls" role="group" aria-label="Analysis options">
        <OptionSelect
          label="Analysis"
          value={kind}
          options={['lmc', 'landscape', 'correlation'] as const}
          onChange={setKind}
          format={(k) => KIND_LABELS[k]}
        />
        {kind !== 'correlation' ? (
          <OptionSelect label="Method" value={method} options={methods} onChange={setMethod} />
        ) : null}
        {kind === 'lmc' ? (
          <OptionSelect
            label="Pairs"
            value={pairs}
            options={pairOptions}
            onChange={setPairs}
            format={(p) => PAIR_LABELS[p]}
          />
        ) : null}
        {kind === 'lmc' && pairs === 'run' ? (
          <>
            <OptionSelect
              label="Other run"
              value={other?.id ?? ''}
              options={otherRuns.map((r) => r.id)}
              onChange={setOther}
              format={(id) => otherRuns.find((r) => r.id === id)?.label ?? id}
            />
            <OptionSelect label="Its method" value={methodB ?? ''} options={otherMethods} onChange={setMethodB} />
          </>
        ) : null}
        {(kind === 'lmc' && pairs !== 'seeds') || kind === 'landscape' ? (
          <OptionSelect label="Seed" value={seed} options={seeds} onChange={setSeed} />
        ) : null}
        {(kind === 'lmc' && pairs !== 'rounds') || (kind === 'landscape' && plane) ? (
          <OptionSelect
            label={kind === 'landscape' ? 'Plane round k' : 'Round'}
            value={roundNum}
            options={rounds}
            onChange={setRound}
          />
        ) : null}
        {kind === 'lmc' ? (
          <>
            <Num label="α points" value={points} onChange={setPoints} min={3} max={61} />
            <label>
              <span>α ∈ [−0.5, 1.5]</span>
              <input type="checkbox" checked={extended} onChange={(e) => setExtended(e.target.checked)} />
            </label>
          </>
        ) : null}
        {kind === 'landscape' ? (
          <>
            <Num label="Directions" value={directions} onChange={setDirections} min={2} max={20} />
            <Num label="ξ points" value={xiPoints} onChange={setXiPoints} min={5} max={81} />
            <Num label="ξ range ±" value={range} onChange={setRange} min={0.05} max={10} step={0.05} />
            <OptionSelect
              label="Normalisation"
              value={norm}
              options={['filter', 'layer', 'none'] as const}
              onChange={setNorm}
            />
            <OptionSelect
              label="2-D surface"
              value={surfacePoints}
              options={[0, 11, 21, 25]}
              onChange={setSurfacePoints}
              format={(n) => (n ? `${n}×${n}` : plane ? '21×21' : 'none')}
            />
            <label>
              <span>plane θ0, r_k, r_k+1</span>
              <input type="checkbox" checked={plane} onChange={(e) => setPlane(e.target.checked)} />
            </label>
          </>
        ) : null}
        {kind === 'correlation' ? (
          <>
            <OptionSelect
              label="Layer"
              value={layerIndex}
              options={(layerNames ?? ['layer 0', 'layer 1']).map((_, i) => i)}
              onChange={setLayerIndex}
              format={(i) => layerNames?.[i] ?? `layer ${i}`}
            />
            <Num label="Scatter points" value={maxPoints} onChange={setMaxPoints} min={100} max={20000} step={100} />
          </>
        ) : null}
        <button type="button" className="primary" onClick={start} disabled={busy}>
          Run analysis
        </button>
        {busy && onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      {busy ? (
        <div className="progress-line" aria-live="polite">
          <progress max={progress?.total || 1} value={progress?.done ?? 0} />
          <span>{progress ? `${progress.label}: ${progress.done} / ${progress.total}` : 'starting…'}</span>
        </div>
      ) : null}
      {message ? (
        <p className="field-error" role="status">
          {message}
        </p>
      ) : null}
      {result?.kind === 'lmc' ? <LmcView result={result.result} /> : null}
      {result?.kind === 'landscape' ? <LandscapeView result={result.result} /> : null}
      {result?.kind === 'correlation' ? <CorrelationView result={result.result} /> : null}
    </div>
  );
}
