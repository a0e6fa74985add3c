// What the run card says Start does before the click (StartsWhat.tsx, JobButtons.tsx): on settings that
// already ran to the end, Start reads "Open the finished run" and is described by the line saying so and
// how to run them anew — or, once that run is the one shown below, "Go to the finished run" (opening it
// again would repeat the screen); otherwise the line names what Start runs, with "Presets" a button that
// takes focus there. Open on a stored run with no finished round says there is nothing to show yet (RunsPanel.tsx).
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import {
  FINISHED_SHOWN_LABEL,
  FINISHED_START_LABEL,
  STARTS_WHAT_ID,
  StartsWhat,
  StartsWhatLine,
  startEnabled,
  startModeOf,
} from '../../../src/ui/experiment/StartsWhat';
import { JobButtons } from '../../../src/ui/run/JobButtons';
import { nothingToShowText } from '../../../src/ui/run/run-db';

const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the line under Start', () => {
  it('names the preset Start runs, with Presets as a button', () => {
    const html = renderToStaticMarkup(createElement(StartsWhat, { finishedAt: null, shown: false }));
    expect(text(html)).toMatch(/^Start runs the preset “.+” \(change it under Presets and the settings\)\.$/);
    expect(html).toContain('<button type="button" class="link-button inline-link">Presets</button>');
    expect(html).toContain(`id="${STARTS_WHAT_ID}"`);
  });

  it('on finished settings says Start opens the finished run, and how to run it anew', () => {
    const at = Date.UTC(2025, 4, 1, 12);
    const html = renderToStaticMarkup(createElement(StartsWhat, { finishedAt: at, shown: false }));
    expect(text(html)).toBe(
      `These settings already ran to the end (saved ${new Date(at).toLocaleString()}): “Open the finished run” shows ` +
        'that run instead of computing the same numbers again. To run it anew, delete it under Runs first, or choose ' +
        'other settings under Presets.',
    );
    expect(text(html)).not.toMatch(/Start runs/);
    expect(html).toContain('<button type="button" class="link-button inline-link">Runs</button>');
  });

  it('once that finished run is shown below, says the button takes you to its results', () => {
    const at = Date.UTC(2025, 4, 1, 12);
    const html = renderToStaticMarkup(createElement(StartsWhat, { finishedAt: at, shown: true }));
    expect(text(html)).toBe(
      `These settings already ran to the end (saved ${new Date(at).toLocaleString()}), and that run is shown below: ` +
        '“Go to the finished run” takes you to its results instead of computing the same numbers again. To run it ' +
        'anew, delete it under Runs first, or choose other settings under Presets.',
    );
  });
});

describe("the line under Start in the simple view (a teacher's link: no Presets column, no settings)", () => {
  const line = (finishedAt: number | null) =>
    text(renderToStaticMarkup(createElement(StartsWhatLine, { finishedAt, presetId: 'mnist-2min', simple: true })));

  it('points to the simple form, not to sections it does not show', () => {
    const fresh = line(null);
    expect(fresh).toMatch(/^Start runs the preset “.+” \(change the task, strategy or rounds in the form\)\.$/);
    const done = line(Date.UTC(2025, 4, 1));
    expect(done).toMatch(
      /delete it under Runs first, or choose another task, strategy or number of rounds in the form\.$/,
    );
    for (const t of [fresh, done]) expect(t).not.toMatch(/Presets|the settings/);
  });
});

const buttons = (extra: object) =>
  renderToStaticMarkup(
    createElement(JobButtons, {
      status: 'idle',
      canStart: true,
      onStart: () => {},
      onPause: () => {},
      onResume: () => {},
      onCancel: () => {},
      focusHolder: { current: null },
      ...extra,
    }),
  );

describe('Start', () => {
  it('reads Start, described by nothing, on new settings', () => {
    const html = buttons({});
    expect(html).toMatch(/<button type="button" class="primary">Start<\/button>/);
  });

  it('reads "Open the finished run", described by the line, on finished settings', () => {
    const html = buttons({ startLabel: FINISHED_START_LABEL, startDescribedBy: STARTS_WHAT_ID });
    expect(html).toContain(
      `<button type="button" class="primary" aria-describedby="${STARTS_WHAT_ID}">Open the finished run</button>`,
    );
  });
});

describe('what Start does on finished settings', () => {
  it('computes new settings, opens a finished run, and goes to it once it is the run shown', () => {
    expect(startModeOf(false, 'a', null)).toBe('start');
    expect(startModeOf(false, 'a', 'a')).toBe('start'); // a stored run that did not finish: Start may compute it
    expect(startModeOf(true, 'a', null)).toBe('open');
    expect(startModeOf(true, 'a', 'b')).toBe('open'); // another stored run is shown
    expect(startModeOf(true, 'a', 'a')).toBe('go-to');
    expect(startModeOf(true, null, null)).toBe('open');
  });

  it('a preset too big for the browser computes nothing, but its finished stored run can be opened', () => {
    const base = { valid: true, tooBig: true, demoActive: false };
    expect(startEnabled({ ...base, mode: 'start' })).toBe(false);
    expect(startEnabled({ ...base, mode: 'open' })).toBe(true);
    expect(startEnabled({ ...base, mode: 'go-to' })).toBe(true);
    // the running 2-D demo holds the compute worker, and invalid settings hold everything
    for (const mode of ['start', 'open', 'go-to'] as const) {
      expect(startEnabled({ valid: true, mode, tooBig: false, demoActive: true })).toBe(false);
      expect(startEnabled({ valid: false, mode, tooBig: false, demoActive: false })).toBe(false);
      expect(startEnabled({ valid: true, mode, tooBig: false, demoActive: false })).toBe(true);
    }
  });

  it('reads "Go to the finished run", described by the line, once that run is shown', () => {
    const html = buttons({ startLabel: FINISHED_SHOWN_LABEL, startDescribedBy: STARTS_WHAT_ID });
    expect(html).toContain(`aria-describedby="${STARTS_WHAT_ID}">Go to the finished run</button>`);
  });
});

describe('Open on a stored run without a finished round', () => {
  it('says there is nothing to show yet, and what Resume and Delete do', () => {
    expect(nothingToShowText(true)).toBe(
      'Nothing to show yet: no round of this run has finished. Resume trains it from the first round; Delete removes it.',
    );
    expect(nothingToShowText(false)).toBe('Nothing to show yet: no round of this run has finished.');
  });
});
