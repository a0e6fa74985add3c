/**
 * Result views under the experiment, as tabs. Every view gets the same props: the
 * RoundRecords the IMP store holds (streamed live or reopened from IndexedDB) and their config.
 * "Masks", "Analysis" and "Rollout" (src/ui/results/ResultViews.tsx over src/ui/masks, src/ui/analysis and
 * src/ui/control) and "Transfer" (src/ui/transfer) are code-split: their modules load when the tab first opens.
 */
import { lazy, memo, Suspense, useId, useMemo, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RoundRecord } from '../../core/experiments/events';
import type { ExperimentConfig } from '../../core/runs/config';
import { getTask } from '../../core/tasks/registry';
import { useImpStore } from '../../state/imp-store';
import { useViewStore } from '../../state/view-store';
import { RunsPanel } from '../run/RunsPanel';
import { runTitle } from '../../core/names';
import { RunResult } from '../tour/RunResult';
import { FitnessChart } from './FitnessChart';
import { SigmaChart } from './SigmaChart';
import { SparsityChart } from './SparsityChart';
import { overlayNote, useCompanionRun } from './companion-run';
import { trainedNetworksText } from '../../state/stored-progress';

/** What every result view receives. */
export interface ResultViewProps {
  readonly records: readonly RoundRecord[];
  readonly config: ExperimentConfig | null;
  readonly runId: string | null;
  /** True while a run streams into `records`. */
  readonly live: boolean;
}

function SparsityView({ records, config, runId }: ResultViewProps) {
  const vision = config ? getTask(config.task.id).metric === 'accuracy' : true;
  // ES-IMP and GD-IMP of the same task/network on one chart (chain ids differ: 'gd_<method>').
  const companion = useCompanionRun(config, runId);
  const all = useMemo(() => (companion ? [...records, ...companion.records] : records), [records, companion]);
  const note = companion && config ? overlayNote(config, companion.config) : undefined;
  return (
    <div className="chart-grid">
      <div className="chart-wide">
        <SparsityChart
          records={all}
          perfLabel={vision ? 'test accuracy' : 'test return'}
          asPercent={vision}
          note={note}
        />
      </div>
      <FitnessChart />
      <SigmaChart records={records} />
    </div>
  );
}

const views = () => import('../results/ResultViews');
const MasksView = lazy(() => views().then((m) => ({ default: m.MasksView })));
const AnalysisView = lazy(() => views().then((m) => ({ default: m.AnalysisView })));
const RolloutView = lazy(() => views().then((m) => ({ default: m.RolloutView })));
const TransferPanel = lazy(() => import('../transfer/TransferPanel').then((m) => ({ default: m.TransferPanel })));

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p className="muted">Loading the view…</p>}>{children}</Suspense>;
}

/** The tabs, in order. Add a view: one entry. */
export const RESULT_TABS: readonly { id: string; label: string; render: (p: ResultViewProps) => ReactNode }[] = [
  { id: 'sparsity', label: 'Sparsity', render: (p) => <SparsityView {...p} /> },
  {
    id: 'masks',
    label: 'Masks',
    render: (p) => (
      <Loading>
        <MasksView {...p} />
      </Loading>
    ),
  },
  {
    id: 'analysis',
    label: 'Analysis',
    render: (p) => (
      <Loading>
        <AnalysisView {...p} />
      </Loading>
    ),
  },
  {
    id: 'rollout',
    label: 'Rollout',
    render: (p) => (
      <Loading>
        <RolloutView {...p} />
      </Loading>
    ),
  },
  {
    id: 'transfer',
    label: 'Transfer',
    render: (p) => (
      <Loading>
        <TransferPanel {...p} />
      </Loading>
    ),
  },
  { id: 'runs', label: 'Runs', render: () => <RunsPanel /> },
];

export const ResultTabs = memo(function ResultTabs() {
  const tab = useViewStore((s) => s.resultTab);
  const setTab = useViewStore((s) => s.setResultTab);
  const props = useImpStore(
    useShallow((s) => ({ records: s.records, config: s.config, runId: s.runId, live: s.source === 'live' })),
  );
  const source = useImpStore((s) => s.source);
  const base = useId();
  const current = RESULT_TABS.find((t) => t.id === tab) ?? RESULT_TABS[0];
  const onKey = (e: React.KeyboardEvent) => {
    // WAI-ARIA tabs: arrows move to the neighbour (wrapping), Home / End to the first / last tab.
    const i = RESULT_TABS.indexOf(current);
    const keys: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: RESULT_TABS.length - 1 };
    const j = keys[e.key];
    if (j === undefined) return;
    e.preventDefault();
    const next = RESULT_TABS[(j + RESULT_TABS.length) % RESULT_TABS.length];
    setTab(next.id);
    document.getElementById(`${base}-${next.id}`)?.focus();
  };
  return (
    <section className="panel results" aria-label="Results">
      <RunResult />
      <div role="tablist" aria-label="Result views" className="tabs" onKeyDown={onKey}>
        {RESULT_TABS.map((t) => (
          <button
            key={t.id}
            id={`${base}-${t.id}`}
            role="tab"
            type="button"
            aria-selected={t.id === current.id}
            tabIndex={t.id === current.id ? 0 : -1}
            aria-controls={`${base}-panel`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {source === 'stored' && current.id !== 'runs' && (
        <p className="muted small" data-testid="stored-note">
          Showing a stored {props.config?.trainer ? 'gradient-descent (GD-IMP) ' : ''}run:{' '}
          {trainedNetworksText(props.records.length)}
          {props.config ? ` · ${runTitle(props.config)}` : ''}.
        </p>
      )}
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-${current.id}`} className="tab-panel">
        {current.render(props)}
      </div>
    </section>
  );
});
