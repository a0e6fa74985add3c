/**
 * Per-generation fitness of the round in progress: best and population-mean score, plus the
 * test performance of the ES mean where it was evaluated; after the run, the last round trained stays
 * on screen. A gradient-descent run shows minus its training loss per optimizer step. Throttled to a few
 * renders per second (the store gets ≤ 10 batches/s) and thinned to ≤ 300 points.
 */
import { memo, useMemo } from 'react';
import { selectImpActive, useImpStore } from '../../state/imp-store';
import { thin } from '../../state/imp-selectors';
import { useThrottled } from '../use-throttled';
import { LiveChart } from '../viz/LiveChart';
import { ChartFrame } from '../viz/ChartFrame';
import { methodName, stepWord } from '../../core/names';
import { Term } from '../glossary/Term';
import { compactNumber } from '../viz/number-format';

const fmt = (v: number) => compactNumber(v, 4, 2);

export const FitnessChart = memo(function FitnessChart() {
  const current = useThrottled(
    useImpStore((s) => s.current),
    500,
  );
  const gd = useImpStore((s) => !!s.config?.trainer);
  const active = useImpStore(selectImpActive);
  const stored = useImpStore((s) => s.source === 'stored');
  const data = useMemo(() => thin(current?.points ?? [], 300), [current]);
  const step = stepWord(gd, 1);
  const table = useMemo(
    () =>
      gd
        ? {
            header: [step, 'minus training loss', 'test performance'],
            rows: data.map((p) => [p.gen, p.best, p.testPerf]),
          }
        : {
            header: [step, 'best fitness', 'population mean fitness', 'test performance'],
            rows: data.map((p) => [p.gen, p.best, p.mean, p.testPerf]),
          },
    [data, gd, step],
  );
  const series = useMemo(
    () =>
      gd
        ? [
            {
              key: 'best',
              name: 'minus training loss',
              color: '#0072b2',
              width: 2,
              points: data.map((p) => [p.gen, p.best] as const),
            },
          ]
        : [
            {
              key: 'best',
              name: 'best in the population',
              color: '#0072b2',
              width: 2,
              points: data.map((p) => [p.gen, p.best] as const),
            },
            {
              key: 'mean',
              name: 'population mean',
              color: '#e69f00',
              width: 1.5,
              points: data.map((p) => [p.gen, p.mean] as const),
            },
          ],
    [data, gd],
  );
  const generations = current?.generations;
  const x = useMemo(
    () => ({ label: step, domain: generations ? ([1, generations] as const) : undefined }),
    [generations, step],
  );
  const y = useMemo(() => ({ label: gd ? '− training loss' : 'fitness', format: fmt }), [gd]);
  const when = active ? 'this round' : 'the last round trained';
  const title = current
    ? `Fitness, ${when}: ${methodName(current.method)}, round ${current.roundNum}, seed ${current.seed}`
    : 'Fitness this round';
  return (
    <ChartFrame
      id="fitness"
      fill
      title={title}
      table={table}
      empty={
        stored
          ? 'A stored run keeps each round’s results, not the fitness of every generation: this chart fills while a round trains.'
          : 'Shown while a round trains.'
      }
      footer={
        gd ? (
          <p className="muted small chart-note">
            <Term id="gd">Gradient descent</Term> lowers the training loss step by step; higher is better here too.
          </p>
        ) : (
          <p className="muted small chart-note">
            <Term id="fitness">Fitness</Term> is the score every member of the <Term id="population">population</Term>{' '}
            gets (higher is better).
          </p>
        )
      }
    >
      <LiveChart
        series={series}
        x={x}
        y={y}
        ariaLabel={`${gd ? 'minus the training loss' : 'best and mean population fitness'} per ${step} of ${when}`}
        xReadout={(g) => `${step} ${g}`}
      />
    </ChartFrame>
  );
});
