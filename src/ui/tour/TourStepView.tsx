/**
 * One step of the paper tour (core/tour/steps.ts): the result in one sentence computed from the evidence
 * on screen, the evidence itself (drawn at once from precomputed files; a step whose file is not shipped
 * says so), the live rerun, and beside it what the paper says, what to look for, a question for the class
 * and how the lab differs.
 */
import { useEffect, useMemo, useRef } from 'react';
import { getEvidence, labRunOf, type EvidenceSource } from '../../core/tour/evidence';
import { getPreset } from '../../core/runs/presets';
import { stepSentence, type StepRun } from '../../core/tour/step-sentence';
import type { TourStep } from '../../core/tour/steps';
import type { TourAnalysis } from '../../core/tour/analysis-file';
import type { EvidenceEntry } from '../../state/tour-evidence-store';
import { useLessonStore } from '../../state/lesson-store';
import { layoutOf } from '../../core/runs/network-shape';
import { useEvidence } from './evidence-client';
import { useDemoRun } from './EvidenceDemo';
import { RerunBar, useLiveRerun } from './live-rerun';
import { ResultSentence } from './ResultSentence';
import { useScrollOnFinish } from './scroll-on-finish';
import { STEP_VIEWS } from './step-views';
import { splitProvenance } from '../settings/provenance';

/** The worst state among the step's evidence: missing, then error, then loading; ready when all are. */
function overall(entries: readonly (EvidenceEntry | undefined)[]): EvidenceEntry['status'] {
  for (const s of ['missing', 'error', 'loading'] as const)
    if (entries.some((e) => (e?.status ?? 'loading') === s)) return s;
  return 'ready';
}

function useStepData(entries: readonly (EvidenceEntry | undefined)[]) {
  const bundle = entries.find((e) => e?.status === 'ready' && e.data.kind === 'bundle');
  const analysisEntry = entries.find((e) => e?.status === 'ready' && e.data.kind === 'analysis');
  const run: StepRun | null = useMemo(() => {
    if (bundle?.status !== 'ready' || bundle.data.kind !== 'bundle') return null;
    const { records, config } = bundle.data;
    const layout = layoutOf(config);
    return { records, config, layers: layout.layers, inputShape: layout.inputShape };
  }, [bundle]);
  const analysis: TourAnalysis | null =
    analysisEntry?.status === 'ready' && analysisEntry.data.kind === 'analysis' ? analysisEntry.data.analysis : null;
  return { run, analysis };
}

function Missing({ sources, hasRerun }: { sources: readonly EvidenceSource[]; hasRerun: boolean }) {
  return (
    <div className="tour-missing" role="note" data-testid="tour-missing">
      <p>
        <strong>This evidence has not been computed yet.</strong> The step needs{' '}
        {sources.map((s, i) => (
          <span key={s.id}>
            {i > 0 ? ' and ' : ''}
            {s.title} (<code>{s.file}</code>)
          </span>
        ))}
        , which this copy of the lab does not include.
      </p>
      {hasRerun && <p>You can still run a reduced version live below and read your own result.</p>}
    </div>
  );
}

function Provenance({ entries }: { entries: readonly (EvidenceEntry | undefined)[] }) {
  const ready = entries.flatMap((e) => (e?.status === 'ready' ? [e.data.provenance] : []));
  if (!ready.length) return null;
  return (
    <details className="tour-provenance small">
      <summary>Where these numbers come from</summary>
      <p className="muted" data-testid="provenance-note">
        For teachers: the lab’s command-line tool computed these results with the commands below; run them in a terminal
        in a copy of the lab’s source code, as the repository’s README explains (“Quick start” and “Other commands”).
      </p>
      {ready.map((p) => (
        <div key={p.label}>
          <p>
            {p.label}, made {p.date.slice(0, 10)}:
          </p>
          <ul>
            {p.commands.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}

function Differences({ step }: { step: TourStep }) {
  const source = step.evidence.length ? getEvidence(step.evidence[0]) : null;
  const preset = source?.settingsOf ? getPreset(source.settingsOf) : null;
  return (
    <section>
      <h3>How the lab differs from the paper</h3>
      <p>{step.labSetting}</p>
      {preset && (
        <details>
          <summary>
            All differences of “{preset.label}” from the paper’s settings
            {source?.beyondSettings ? `, here with ${source.beyondSettings}` : ''}
          </summary>
          <ul className="small">
            {/* in plain words: the library versions and documents behind them are in the lab's preset card */}
            {preset.deviations.map((d) => (
              <li key={d}>{splitProvenance(d).meaning}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** Opens the lab on a result tab; `runEvidence`: the bundle to show there when no run is open. */
export type OpenLab = (tab: NonNullable<TourStep['labTab']> | 'sparsity', runEvidence: string | null) => Promise<void>;

const LAB_TAB_LABELS: Record<NonNullable<TourStep['labTab']>, string> = {
  analysis: 'Analysis',
  transfer: 'Transfer',
  masks: 'Masks',
};

export function TourStepView({
  step,
  stepNum,
  total,
  onOpenLab,
}: {
  step: TourStep;
  stepNum: number;
  total: number;
  onOpenLab: OpenLab;
}) {
  const entries = useEvidence(step.evidence);
  const state = step.evidence.length ? overall(entries) : 'ready';
  const { run, analysis } = useStepData(entries);
  const { config: rerunCfg, live } = useLiveRerun(step);
  const demo = useDemoRun(step.sentence === 'demo');
  const sentence = useMemo(() => stepSentence(step, { run, analysis, demo }), [step, run, analysis, demo]);
  const liveDone = live && !['running', 'starting', 'paused'].includes(live.status) && live.records.length > 0;
  const liveSentence = useMemo(() => (liveDone ? stepSentence(step, { run: live }) : null), [liveDone, step, live]);
  const heading = useRef<HTMLHeadingElement>(null);
  const evidenceRef = useRef<HTMLElement>(null);
  useScrollOnFinish(live?.status ?? 'idle', evidenceRef);
  useEffect(() => {
    // A new step: move focus to its title (not on the first render, which keeps the page's own focus).
    if (document.activeElement?.closest('.tour-steps, .tour-pager')) heading.current?.focus();
  }, [step.id]);
  const View = STEP_VIEWS[step.view];
  // Projector mode puts the sentence beside the chart, so both fit one 1280×720 screen.
  const projector = useLessonStore((s) => s.projector);
  const results = (
    <>
      {state === 'ready' && <ResultSentence sentence={sentence} claim={step.claim} testId="tour-sentence" />}
      {liveSentence && (
        <ResultSentence sentence={liveSentence} claim={step.claim} lead="Your run:" testId="tour-live-sentence" />
      )}
    </>
  );
  const missingSources = step.evidence
    .map(getEvidence)
    .filter((_, i) => (entries[i]?.status ?? 'loading') === 'missing');
  return (
    <article className="tour-step" aria-labelledby={`tour-h-${step.id}`} data-step={step.id}>
      <header className="tour-step-head">
        <p className="tour-count">
          Step {stepNum} of {total}
        </p>
        <h2 id={`tour-h-${step.id}`} ref={heading} tabIndex={-1}>
          {step.title}
        </h2>
      </header>
      <div className="tour-grid">
        <section className="tour-evidence" aria-label="Evidence" ref={evidenceRef}>
          {!projector && results}
          {state === 'missing' && <Missing sources={missingSources} hasRerun={!!step.rerun} />}
          {state === 'error' && (
            <p className="run-error" role="alert">
              The precomputed evidence could not be read:{' '}
              {entries.map((e) => (e?.status === 'error' ? e.message : '')).join(' ')}
            </p>
          )}
          {state === 'loading' && (
            <p className="muted" role="status">
              Loading the precomputed runs…
            </p>
          )}
          {(state === 'ready' || (live && live.records.length > 0)) && (
            <View step={step} run={run} analysis={analysis} live={live} />
          )}
          <RerunBar step={step} config={rerunCfg} live={live} />
          {step.labTab && (
            <p className="small">
              <button
                type="button"
                className="link-button"
                onClick={() => void onOpenLab(step.labTab!, labRunOf(step.evidence))}
              >
                Try it yourself in the lab’s “{LAB_TAB_LABELS[step.labTab]}” tab
              </button>{' '}
              <span className="muted">
                (on your own run, or on this step’s precomputed run if you have none open; Start there reruns it)
              </span>
            </p>
          )}
          <Provenance entries={entries} />
        </section>
        <aside className="tour-text" aria-label="About this step">
          {projector && results}
          <section>
            <h3>What the paper says</h3>
            <p>{step.paper}</p>
            <p className="tour-source small">{step.source}</p>
          </section>
          <section>
            <h3>What to look for</h3>
            <p>{step.lookFor}</p>
          </section>
          <section className="tour-question">
            <h3>Question for the class</h3>
            <p>{step.question}</p>
          </section>
          <Differences step={step} />
        </aside>
      </div>
    </article>
  );
}
