/**
 * The progress lines of imp, gd and transfer show test performance alike: accuracy in % and a return as
 * it is. GD and transfer lines used to print "test 79.8" without the %, and an ES transfer counted
 * "step"s where imp counts "gen"s; a GD round's steps are optimizer steps, so its line keeps "step".
 */
import { describe, expect, it } from 'vitest';
import { perfText } from '../../../src/cli/imp-command';
import { trainingSink } from '../../../src/cli/gd/run-output';
import type { ProgressLine } from '../../../src/cli/progress';
import type { RunWriter } from '../../../src/cli/run-writer';
import type { TestMetric } from '../../../src/core/tasks/types';

describe('imp progress line', () => {
  it('shows vision accuracy as a percentage and a control return unscaled', () => {
    expect(perfText('accuracy', 0.8423)).toBe('test 84.2%');
    expect(perfText('return', 385.14)).toBe('return 385.1');
    expect(perfText('return', -812.5)).toBe('return -812.5');
  });
});

describe('gd and transfer progress line', () => {
  /** The label the sink shows for one generation event of a training `gd` or not. */
  function label(shown: { metric: TestMetric; gd: boolean }, perf: number): string {
    const labels: string[] = [];
    const writer = { onEvent: () => undefined } as unknown as RunWriter;
    const progress = { update: (_: number, text: string) => labels.push(text) } as unknown as ProgressLine;
    trainingSink(
      writer,
      progress,
      0,
      shown,
    )({
      type: 'generation',
      metrics: {
        ...{ seed: 0, method: 'transfer_snr', roundNum: 2, gen: 150, generations: 300 },
        ...{ bestScore: 0, meanScore: 0, esDim: 10, evalsPerSec: 1 },
        lastEval: { gen: 150, perf, loss: 0.5 },
      },
    });
    return labels[0];
  }

  it('GD: "step" and the accuracy in %', () => {
    expect(label({ metric: 'accuracy', gd: true }, 0.798)).toBe('seed 0 transfer_snr r2 step 150/300 test 79.8%');
  });

  it('ES: "gen" as in imp, and the accuracy in %', () => {
    expect(label({ metric: 'accuracy', gd: false }, 0.4242)).toBe('seed 0 transfer_snr r2 gen 150/300 test 42.4%');
  });
});
