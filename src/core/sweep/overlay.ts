/**
 * The curves of a collected sweep drawn together (the browser's Runs tab imports the bundles that
 * `lab sweep collect --bundles` writes, one per configuration): per configuration and pruning method,
 * the final test performance of every round as mean ± s.d. over the configuration's seeds
 * (analysis/summary.ts, the numbers of the sweep's summary table), against weights remaining.
 */
import { summarizeCurves, type CurvePoint } from '../analysis/summary';

export interface SweepOverlayInput {
  /** The bundle's label: "<sweep name>: <configuration>" as collect writes it, or any label. */
  readonly label: string;
  readonly records: readonly {
    readonly seed: number;
    readonly method: string;
    readonly roundNum: number;
    readonly sparsityFrac: number;
    readonly finalPerf: number;
  }[];
}

export interface SweepOverlayCurve {
  readonly key: string;
  readonly configIndex: number;
  readonly configLabel: string;
  readonly method: string;
  /** In round order (weights remaining falling). */
  readonly points: readonly CurvePoint[];
}

export interface SweepOverlay {
  /** The sweep's name when every label starts with the same "<name>: ", else null. */
  readonly name: string | null;
  readonly configLabels: readonly string[];
  readonly methods: readonly string[];
  readonly curves: readonly SweepOverlayCurve[];
}

/** Splits "name: configuration" labels; the name is kept only when all labels share it. */
function splitLabels(labels: readonly string[]): { name: string | null; rest: string[] } {
  const names = labels.map((l) => /^([^:]+): (.+)$/.exec(l));
  const first = names[0]?.[1];
  if (first !== undefined && names.every((m) => m?.[1] === first))
    return { name: first, rest: names.map((m) => m![2]) };
  return { name: null, rest: [...labels] };
}

export function sweepOverlay(inputs: readonly SweepOverlayInput[]): SweepOverlay {
  const { name, rest } = splitLabels(inputs.map((i) => i.label));
  const curves: SweepOverlayCurve[] = [];
  const methods: string[] = [];
  inputs.forEach((input, configIndex) => {
    const points = summarizeCurves(
      input.records.map((r) => ({
        seed: r.seed,
        method: r.method,
        roundNum: r.roundNum,
        sparsityFrac: r.sparsityFrac,
        perf: r.finalPerf,
      })),
    );
    for (const method of [...new Set(points.map((p) => p.method))]) {
      if (!methods.includes(method)) methods.push(method);
      curves.push({
        key: `${configIndex}/${method}`,
        configIndex,
        configLabel: rest[configIndex],
        method,
        points: points.filter((p) => p.method === method),
      });
    }
  });
  return { name, configLabels: rest, methods, curves };
}
