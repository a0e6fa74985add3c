// Teacher's links (core/tour/lesson-url.ts): the tour step, preset, simple view and projector mode in the
// URL; parsing never throws and names the parameter of every problem; encode → parse round-trips.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeLessonQuery, parseLessonParams, teacherQuery } from '../../../src/core/tour/lesson-url';
import { TOUR_STEPS } from '../../../src/core/tour/steps';
import { PRESETS, getPreset } from '../../../src/core/runs/presets';
import { parseConfig } from '../../../src/core/runs/config';
import { decodeShareParams } from '../../../src/core/runs/url-codec';

const options = { stepIds: TOUR_STEPS.map((s) => s.id), presetIds: PRESETS.map((p) => p.id) };
const parse = (q: string) => parseLessonParams(q, options);
const N = TOUR_STEPS.length;

describe('reading a teacher’s link', () => {
  it('opens a tour step by number or by id; `?tour` alone is step 1', () => {
    expect(parse('?tour=3').tourStep).toBe(3);
    expect(parse('tour=snr').tourStep).toBe(TOUR_STEPS.findIndex((s) => s.id === 'snr') + 1);
    expect(parse('?tour').tourStep).toBe(1);
    expect(parse('?tour=').tourStep).toBe(1);
    expect(parse('').tourStep).toBeNull();
  });

  it('an unknown step still opens the tour (step 1) and says why', () => {
    const p = parse(`?tour=${N + 1}`);
    expect(p.tourStep).toBe(1);
    expect(p.errors).toEqual([{ path: 'tour', message: expect.stringContaining(`use 1–${N}`) }]);
  });

  it('flags: 1/true/yes/on and bare; 0/false/no/off; anything else is an error naming the flag', () => {
    expect(parse('?simple=1&projector').simple).toBe(true);
    expect(parse('?simple=1&projector').projector).toBe(true);
    expect(parse('?projector=off').projector).toBe(false);
    const p = parse('?simple=maybe');
    expect(p.simple).toBe(false);
    expect(p.errors).toEqual([{ path: 'simple', message: '"maybe" is not on or off (use simple=1 or simple=0)' }]);
  });

  it('a preset by id; an unknown one is refused; a link with its own settings (c) wins over a preset', () => {
    expect(parse('?preset=mnist-2min').preset).toBe('mnist-2min');
    expect(parse('?preset=nope').errors[0].path).toBe('preset');
    const both = parse('?preset=mnist-2min&c=abc');
    expect(both.preset).toBeNull();
    expect(both.errors[0]).toEqual({ path: 'preset', message: 'ignored: the link also carries its own settings (c)' });
  });

  it('never throws, and every problem names one of the lesson parameters', () => {
    const key = fc.constantFrom('tour', 'simple', 'projector', 'preset', 'c', 'other');
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.string()), { maxLength: 6 }), (pairs) => {
        const q = new URLSearchParams(pairs).toString();
        const p = parse(q);
        for (const e of p.errors) expect(['tour', 'simple', 'projector', 'preset']).toContain(e.path);
        if (p.tourStep !== null) expect(p.tourStep).toBeGreaterThanOrEqual(1);
        if (p.tourStep !== null) expect(p.tourStep).toBeLessThanOrEqual(N);
      }),
    );
  });

  it('encode → parse gives back the state, with no errors', () => {
    const state = fc.record({
      tourStep: fc.option(fc.integer({ min: 1, max: N }), { nil: null }),
      preset: fc.option(fc.constantFrom(...options.presetIds), { nil: null }),
      simple: fc.boolean(),
      projector: fc.boolean(),
    });
    fc.assert(
      fc.property(state, (s) => {
        const p = parse(encodeLessonQuery(s));
        expect(p).toEqual({ ...s, errors: [] });
      }),
    );
  });
});

describe('building a teacher’s link', () => {
  it('a tour step, with projector mode', () => {
    expect(teacherQuery({ view: 'tour', tourStep: 4 }, { simple: true, projector: true })).toBe('tour=4&projector=1');
  });

  it('the experiment on a preset: by id, simple view for students', () => {
    const q = teacherQuery(
      { view: 'experiment', presetId: 'mnist-2min', config: null },
      { simple: true, projector: false },
    );
    expect(q).toBe('preset=mnist-2min&simple=1');
  });

  it('edited settings travel as a share link that decodes to the same config', () => {
    const base = getPreset('mnist-2min').config;
    const config = parseConfig({ ...base, prune: { ...base.prune, rounds: 4 } });
    const q = teacherQuery({ view: 'experiment', presetId: null, config }, { simple: true, projector: false });
    expect(q).toMatch(/^c=[A-Za-z0-9_-]+&v=\d+&seed=0&simple=1$/);
    expect(decodeShareParams(q).config).toEqual(config);
    expect(parse(q)).toMatchObject({ simple: true, preset: null, errors: [] });
  });

  it('the 2-D demo', () => {
    expect(teacherQuery({ view: 'demo' }, { simple: true, projector: false })).toBe('view=demo');
  });
});
