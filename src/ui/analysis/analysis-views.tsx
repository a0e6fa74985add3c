/**
 * Result views per registered analysis. An analysis without its own view is shown by the generic one: its
 * report's tables (the same rows the CLI writes as CSV), so a new analysis is usable in the panel as soon
 * as it is in the registry.
 */
import type { ComponentType } from 'react';
import { ANALYSES, type AnalysisId, type AnalysisResultOf } from '../../core/analysis/analyses';
import { ChartFrame } from '../viz/ChartFrame';
import { CorrelationView } from './CorrelationView';
import { LandscapeView } from './LandscapeView';
import { LmcView } from './LmcView';
import { WeightsView } from './WeightsView';

/** What a view gets: its result, and the network's layer names in order (core/names.ts layerNames) when known. */
type ViewProps<R> = { result: R; layerNames?: readonly string[] };
type Views = { readonly [K in AnalysisId]?: ComponentType<ViewProps<AnalysisResultOf<K>>> };

const VIEWS: Views = {
  lmc: LmcView,
  landscape: LandscapeView,
  correlation: CorrelationView,
  weights: WeightsView,
};

/** The report's files as tables (any analysis): the same rows the CLI writes as CSV. */
export function ReportTables({ id, result }: { id: AnalysisId; result: unknown }) {
  const report = (ANALYSES[id].report as (r: unknown) => ReturnType<(typeof ANALYSES)[AnalysisId]['report']>)(result);
  return (
    <>
      {report.files.map((f) => (
        <ChartFrame
          key={f.name}
          title={`${ANALYSES[id].label}: ${f.name}`}
          table={{ header: f.header, rows: f.rows }}
        />
      ))}
    </>
  );
}

export function AnalysisResultView({
  entry,
  layerNames,
}: {
  entry: { [K in AnalysisId]: { id: K; result: AnalysisResultOf<K> } }[AnalysisId];
  layerNames?: readonly string[];
}) {
  const View = VIEWS[entry.id] as ComponentType<ViewProps<unknown>> | undefined;
  return View ? (
    <View key={entry.id} result={entry.result} layerNames={layerNames} />
  ) : (
    <ReportTables id={entry.id} result={entry.result} />
  );
}
