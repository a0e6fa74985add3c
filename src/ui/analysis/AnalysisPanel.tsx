/**
 * Analyses panel (issue 6 "UI"): choose LMC, loss landscape or magnitude–SNR correlation, set its options
 * over the finished rounds the parent passes, run it through the parent's `runAnalysis` (the worker engine:
 * LabEngine.runAnalysis → workers/analysis-job.ts) with a progress bar and cancel, and render the result.
 */
import { useState } from 'react';
import type { RoundRecord } from '../../core/experiments/events';
import type { DirectionNorm } from '../../core/analysis/directions';
import type { AnalysisArgs, AnalysisKind, AnalysisProgress, AnalysisResults } from '../../../workers/analysis-job';
import '../viz/views.css';
import { distinct } from '../masks/mask-images';
import { CorrelationView } from './CorrelationView';
import { LandscapeView } from './LandscapeView';
import { LmcView } from './LmcView';

/** How a job ended (LabEngine's RunOutcome has this shape). */
export type AnalysisOutcome<R> = { readonly status: 'done'; readonly result: R } | { readonly status: 'cancelled' };

/** The parent's bridge to the worker. */
export type RunAnalysis = <K extends AnalysisKind>(kind: K, args: AnalysisArgs[K], onProgress: (p: AnalysisProgress) => void) => Promise<AnalysisOutcome<AnalysisResults[K]>>;

export interface AnalysisPanelProps {
  readonly records: readonly RoundRecord[];
  readonly runAnalysis: RunAnalysis;
  /** Cancels the running analysis (LabEngine.cancel). */
  readonly onCancel?: () => void;
  /** The run's prune fraction p (correlation compares criteria at the next round's sparsity). */
  readonly pruneFrac?: number;
  /** Layer names for the correlation layer picker (default Dense_0 / index 1 as es-lottery). */
  readonly layerNames?: readonly string[];
}

/** The analyses this panel offers (the rollout job belongs to the rollout viewer). */
type PanelKind = Exclude<AnalysisKind, 'rollout'>;
const KIND_LABELS: Record<PanelKind, string> = { lmc: 'Mode connectivity (LMC)', landscape: 'Loss landscape', correlation: 'Magnitude–SNR correlation' };
type AnyResult = { [K in PanelKind]: { kind: K; result: AnalysisResults[K] } }[PanelKind];

function Num({ label, value, onChange, min, max, step = 1 }: { label: string; value: number; onChange: (v: number) => void; min: number; max: number; step?: number }) {
  return (
    <label>{label}
      <input type="number" value={value} min={min} max={max} step={step} style={{ width: '6rem' }}
        onChange={(e) => { const v = Number(e.target.value); if (Number.isFinite(v)) onChange(Math.min(max, Math.max(min, v))); }} />
    </label>
  );
}

function Select<T extends string | number>({ label, value, options, onChange, format }: { label: string; value: T; options: readonly T[]; onChange: (v: T) => void; format?: (v: T) => string }) {
  return (
    <label>{label}
      <select value={String(value)} onChange={(e) => onChange(options.find((o) => String(o) === e.target.value) as T)}>
        {options.map((o) => <option key={String(o)} value={String(o)}>{format ? format(o) : String(o)}</option>)}
      </select>
    </label>
  );
}

export function AnalysisPanel({ records, runAnalysis, onCancel, pruneFrac = 0.2, layerNames }: AnalysisPanelProps) {
  const methods = distinct(records, 'method');
  const seeds = distinct(records, 'seed');
  const rounds = distinct(records, 'roundNum');
  const [kind, setKind] = useState<PanelKind>('lmc');
  const [methodSel, setMethod] = useState<string>();
  const [seedSel, setSeed] = useState<number>();
  const method = methodSel && methods.includes(methodSel) ? methodSel : methods[0];
  const seed = seedSel !== undefined && seeds.includes(seedSel) ? seedSel : seeds[0];
  const [pairs, setPairs] = useState<'rounds' | 'seeds'>('rounds');
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

  if (records.length === 0 || method === undefined || seed === undefined) return <p className="muted">Analyses need finished IMP rounds: run an experiment first.</p>;

  async function go<K extends PanelKind>(k: K, args: AnalysisArgs[K]) {
    setBusy(true); setMessage(null); setProgress(null);
    try {
      const out = await runAnalysis(k, args, setProgress);
      if (out.status === 'done') setResult({ kind: k, result: out.result } as AnyResult);
      else setMessage('Analysis cancelled.');
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  const start = () => {
    if (kind === 'lmc') void go('lmc', pairs === 'rounds' ? { pairs, method, seed, points, extended } : { pairs, method, roundNum, points, extended });
    else if (kind === 'landscape') void go('landscape', { method, seed, directions, points: xiPoints, range, normalisation: norm, surfacePoints, rngSeed: 0 });
    else void go('correlation', { layerIndex, pruneFrac, maxPoints });
  };

  return (
    <div className="analysis-panel">
      <div className="view-controls" role="group" aria-label="Analysis options">
        <Select label="Analysis" value={kind} options={['lmc', 'landscape', 'correlation'] as const} onChange={setKind} format={(k) => KIND_LABELS[k]} />
        {kind !== 'correlation' ? <Select label="Method" value={method} options={methods} onChange={setMethod} /> : null}
        {kind === 'lmc' ? <Select label="Pairs" value={pairs} options={['rounds', 'seeds'] as const} onChange={setPairs} format={(p) => (p === 'rounds' ? 'rounds of one chain' : 'same round, two+ seeds')} /> : null}
        {(kind === 'lmc' && pairs === 'rounds') || kind === 'landscape' ? <Select label="Seed" value={seed} options={seeds} onChange={setSeed} /> : null}
        {kind === 'lmc' && pairs === 'seeds' ? <Select label="Round" value={roundNum} options={rounds} onChange={setRound} /> : null}
        {kind === 'lmc' ? <><Num label="α points" value={points} onChange={setPoints} min={3} max={61} />
          <label><span>α ∈ [−0.5, 1.5]</span><input type="checkbox" checked={extended} onChange={(e) => setExtended(e.target.checked)} /></label></> : null}
        {kind === 'landscape' ? <>
          <Num label="Directions" value={directions} onChange={setDirections} min={2} max={20} />
          <Num label="ξ points" value={xiPoints} onChange={setXiPoints} min={5} max={81} />
          <Num label="ξ range ±" value={range} onChange={setRange} min={0.05} max={10} step={0.05} />
          <Select label="Normalisation" value={norm} options={['filter', 'layer', 'none'] as const} onChange={setNorm} />
          <Select label="2-D surface" value={surfacePoints} options={[0, 11, 21, 25]} onChange={setSurfacePoints} format={(n) => (n ? `${n}×${n}` : 'none')} />
        </> : null}
        {kind === 'correlation' ? <>
          <Select label="Layer" value={layerIndex} options={(layerNames ?? ['layer 0', 'layer 1']).map((_, i) => i)} onChange={setLayerIndex} format={(i) => layerNames?.[i] ?? `layer ${i}`} />
          <Num label="Scatter points" value={maxPoints} onChange={setMaxPoints} min={100} max={20000} step={100} />
        </> : null}
        <button type="button" className="primary" onClick={start} disabled={busy}>Run analysis</button>
        {busy && onCancel ? <button type="button" onClick={onCancel}>Cancel</button> : null}
      </div>
      {busy ? (
        <div className="progress-line" aria-live="polite">
          <progress max={progress?.total || 1} value={progress?.done ?? 0} />
          <span>{progress ? `${progress.label}: ${progress.done} / ${progress.total}` : 'starting…'}</span>
        </div>
      ) : null}
      {message ? <p className="field-error" role="status">{message}</p> : null}
      {result?.kind === 'lmc' ? <LmcView result={result.result} /> : null}
      {result?.kind === 'landscape' ? <LandscapeView result={result.result} /> : null}
      {result?.kind === 'correlation' ? <CorrelationView result={result.result} /> : null}
    </div>
  );
}
