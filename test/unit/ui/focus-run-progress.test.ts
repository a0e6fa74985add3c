/**
 * A run started from elsewhere on the page (Resume in the Runs tab or in the interrupted-run offer) moves
 * focus and the view to the Run panel's status, where its progress shows (a11y/use-focus-after-start.ts,
 * with the other focus helpers). The page is faked: only the status element and its panel are read.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { focusRunProgress } from '../../../src/ui/a11y/use-focus-after-start';

afterEach(() => vi.unstubAllGlobals());

it('focuses the Run panel’s status and scrolls its panel to the top of the view', () => {
  const calls: [string, unknown][] = [];
  const panel = { scrollIntoView: (o: unknown) => calls.push(['scroll the panel', o]) };
  const status = {
    closest: (sel: string) => (sel === 'section' ? panel : null),
    focus: (o: unknown) => calls.push(['focus the status', o]),
  };
  vi.stubGlobal('document', {
    querySelector: (sel: string) => (sel === '[data-testid="imp-status"]' ? status : null),
  });
  focusRunProgress();
  expect(calls).toEqual([
    ['scroll the panel', { block: 'start' }],
    ['focus the status', { preventScroll: true }],
  ]);
});

it('does nothing where the Run panel is not on the page', () => {
  vi.stubGlobal('document', { querySelector: () => null });
  expect(() => focusRunProgress()).not.toThrow();
});
