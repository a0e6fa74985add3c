// Tour step 1 asks the student to try another strategy (src/core/tour/steps-tickets.ts), so the step's demo
// (src/ui/tour/EvidenceDemo.tsx) offers a strategy menu among its controls; the 2-D demo view keeps its own
// settings panel and shows no second menu.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { DemoControls } from '../../../src/ui/demo/DemoControls';
import { STRATEGY_LIST } from '../../../src/state/catalog';
import { useDemoConfigStore } from '../../../src/state/demo-config-store';
import { TOUR_STEPS } from '../../../src/core/tour/steps';

const html = (withStrategy?: boolean) => renderToStaticMarkup(createElement(DemoControls, { withStrategy }));

describe('the strategy choice of the 2-D demo', () => {
  it('is a menu of every strategy in the tour, showing the current choice', () => {
    // a server render reads the store's initial state: the demo's default strategy
    const chosen = useDemoConfigStore.getInitialState().demo.strategyId;
    const menu = /<select id="demo-strategy"[^>]*>(.*?)<\/select>/s.exec(html(true));
    expect(menu).not.toBeNull();
    expect(html(true)).toContain('<label for="demo-strategy">Strategy</label>');
    for (const s of STRATEGY_LIST) expect(menu![1]).toContain(`value="${s.id}"`);
    expect(menu![1]).toMatch(new RegExp(`value="${chosen}" selected=""`));
  });

  it('is not repeated in the 2-D demo view, which has its settings panel', () => {
    expect(html()).not.toContain('demo-strategy');
  });

  it('the step that asks for another strategy says where to pick it', () => {
    const text = TOUR_STEPS.find((s) => s.id === 'es-2d')!.lookFor;
    expect(text).toMatch(/another strategy in the menus above the plot/);
  });
});
