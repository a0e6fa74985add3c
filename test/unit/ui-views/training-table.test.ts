// The table of the tour's "Train a network" step (src/ui/tour/training-table.ts): its columns say the
// measure, whose numbers they are and the unit; accuracies are in % to one decimal (the review found
// 12.093 and 72.91 without a unit); the live run's column appears only with a live run.
import { describe, expect, it } from 'vitest';
import { measureLabel, measureNote, trainingTable } from '../../../src/ui/tour/training-table';

describe('training table', () => {
  it('accuracy: %, one decimal, the seeds counted in the header, no empty live column', () => {
    const t = trainingTable(
      [
        { gen: 0, value: 0.120934 },
        { gen: 50, value: 0.7291 },
      ],
      [],
      { accuracy: true, seeds: 3 },
    );
    expect(t.header).toEqual(['generation of round 1', 'test accuracy, mean of 3 seeds (%)']);
    expect(t.rows).toEqual([
      [0, 12.1],
      [50, 72.9],
    ]);
  });

  it('a live run adds its column; generations only one side has get an empty cell', () => {
    const t = trainingTable([{ gen: 0, value: 0.5 }], [{ gen: 6, value: 0.66666 }], { accuracy: true, seeds: 1 });
    expect(t.header).toEqual([
      'generation of round 1',
      'test accuracy, mean of 1 seed (%)',
      'test accuracy, your run (%)',
    ]);
    expect(t.rows).toEqual([
      [0, 50, null],
      [6, null, 66.7],
    ]);
  });

  it('returns keep their scale, to one decimal, and the words say what they are', () => {
    const t = trainingTable([{ gen: 10, value: -151.2345 }], [], { accuracy: false, seeds: 2 });
    expect(t.header[1]).toBe('test return, mean of 2 seeds');
    expect(t.rows).toEqual([[10, -151.2]]);
    expect(measureLabel(true)).toBe('test accuracy (%)');
    expect(measureNote(true)).toMatch(/test images .* in %\. Guessing gets about 10 %\./);
    expect(measureNote(false)).toMatch(/^Test return: the reward/);
  });
});
