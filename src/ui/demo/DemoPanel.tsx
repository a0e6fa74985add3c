/**
 * "ES on a 2-D test function": controls, the heatmap canvas with legend, and the best-score
 * chart. Fetches the function's grid from the worker whenever the chosen function changes.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ToyGrid } from '../../protocol/worker-protocol';
import { useDemoConfigStore } from '../../state/demo-config-store';
import { TOY_LIST } from '../../state/catalog';
import { useDemoProgressStore } from '../../state/demo-progress-store';
import { useViewStore } from '../../state/view-store';
import { fetchToyGrid } from '../lab-client';
import { colorScale } from '../viz/colormap';
import { ColorLegend } from '../viz/ColorLegend';
import { BestChart } from './BestChart';
import { DemoCanvas } from './DemoCanvas';
import { DemoControls } from './DemoControls';

const GRID_RES = 160;

/** `withStrategy`: show a strategy menu among the controls, for pages without the strategy settings panel. */
export function DemoPanel({ withStrategy = false }: { withStrategy?: boolean }) {
  const fnId = useDemoConfigStore((s) => s.demo.fnId);
  const population = useDemoProgressStore((s) => s.demo.population);
  const meanTrail = useDemoProgressStore((s) => s.demo.meanTrail);
  const error = useDemoProgressStore((s) => s.demo.error);
  const { heatmapScale, showTrail, setHeatmapScale, toggleTrail } = useViewStore();
  const [grid, setGrid] = useState<ToyGrid | null>(null);
  const [gridError, setGridError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetchToyGrid(fnId, GRID_RES)
      .then((g) => {
        if (live) {
          setGrid(g);
          setGridError(null);
        }
      })
      .catch((e: unknown) => {
        if (live) setGridError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, [fnId]);

  const scale = useMemo(
    () => (grid && grid.fnId === fnId ? colorScale(grid.values, heatmapScale) : null),
    [grid, fnId, heatmapScale],
  );
  const optimum = TOY_LIST.find((t) => t.id === fnId)?.optimum;

  return (
    <section className="panel demo" aria-labelledby="demo-h">
      <h2 id="demo-h">ES on a 2-D test function</h2>
      <DemoControls withStrategy={withStrategy} />
      {error && (
        <p className="run-error" role="alert">
          Run failed: {error}
        </p>
      )}
      {gridError && (
        <p className="run-error" role="alert">
          Could not compute the function: {gridError}
        </p>
      )}
      <div className="demo-body">
        <div className="demo-plot">
          <DemoCanvas
            grid={grid && grid.fnId === fnId ? grid : null}
            scale={scale}
            population={population}
            meanTrail={meanTrail}
            showTrail={showTrail}
            optimum={optimum}
          />
          {scale && <ColorLegend scale={scale} title="f(x, y)" />}
          <div className="view-toggles">
            <label>
              <input
                type="checkbox"
                checked={heatmapScale === 'log'}
                onChange={(e) => setHeatmapScale(e.target.checked ? 'log' : 'linear')}
              />{' '}
              log colour scale
            </label>
            <label>
              <input type="checkbox" checked={showTrail} onChange={toggleTrail} /> mean trail
            </label>
          </div>
        </div>
        <BestChart />
      </div>
    </section>
  );
}
