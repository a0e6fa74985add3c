// Cancel asks before it stops a run (src/ui/experiment/cancel-text.ts, src/ui/a11y/ConfirmDialog.tsx): the
// question says what is kept (the finished rounds) and what is lost (the round in progress) in a student's
// words, and the dialog is named and described by that text, with the safe choice first.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { cancelText } from '../../../src/ui/experiment/cancel-text';
import { ConfirmDialog } from '../../../src/ui/a11y/ConfirmDialog';

describe('the question before Cancel', () => {
  it('says which rounds are kept and that the round in progress is lost', () => {
    const t = cancelText({ roundsDone: 7, planned: 12, records: 7 }, false);
    expect(t.title).toBe('Cancel this run?');
    expect(t.kept).toBe(
      'Rounds 1–7 of 12 finished and are kept. You can still see the results here and in the Runs tab.',
    );
    expect(t.lost).toBe('The round being trained right now is not finished, so its progress is lost.');
    // a cancelled run is stored as interrupted: the Runs tab continues it from its last finished round
    expect(t.instead).toBe('You can continue it later from the Runs tab: it goes on from its last finished round.');
    expect(cancelText({ roundsDone: 0, planned: 6, records: 0 }, true).instead).toBe(
      'Starting it again later begins from the first round.',
    );
    expect([t.keep, t.confirm]).toEqual(['Keep running', 'Cancel the run']);
  });

  it('fits one finished round, none, and a paused run', () => {
    expect(cancelText({ roundsDone: 1, planned: 6, records: 1 }, false).kept).toMatch(
      /^Round 1 of 6 finished and is kept\./,
    );
    expect(cancelText({ roundsDone: 0, planned: 6, records: 0 }, false).kept).toBe(
      'No round has finished yet, so this run has nothing to keep.',
    );
    const paused = cancelText({ roundsDone: 2, planned: 6, records: 2 }, true);
    expect(paused.lost).toBe('The round that is paused is not finished, so its progress is lost.');
    expect(paused.keep).toBe('Keep it paused');
  });

  it('counts rounds as the run panel does, not one per record (the review saw "16 rounds" in a 6-round run)', () => {
    // 1 seed, 3 methods: rounds 1–5 on every chain and one chain's round 6 = 16 records
    const t = cancelText({ roundsDone: 5, planned: 6, records: 16 }, false);
    expect(t.kept).toBe(
      'Rounds 1–5 of 6 finished and are kept: 16 trained networks (one per round, pruning method and seed). ' +
        'You can still see the results here and in the Runs tab.',
    );
    expect(t.kept).not.toMatch(/16 rounds/);
    // seed 0 finished, seed 1 not started: no round is on every seed yet, but nothing trained is lost
    expect(cancelText({ roundsDone: 0, planned: 6, records: 1_234 }, false).kept).toBe(
      '1,234 trained networks (one per round, pruning method and seed) are kept, though no round has finished yet for ' +
        'every seed and pruning method. You can still see the results here and in the Runs tab.',
    );
  });

  it('the dialog is named by its title, described by its text, the safe choice first', () => {
    const html = renderToStaticMarkup(
      createElement(ConfirmDialog, {
        open: false,
        title: 'Cancel this run?',
        confirmLabel: 'Cancel the run',
        keepLabel: 'Keep running',
        onConfirm: () => undefined,
        onKeep: () => undefined,
        children: createElement('p', null, 'What is lost.'),
      }),
    );
    const [, labelledBy] = /aria-labelledby="([^"]+)"/.exec(html)!;
    const [, describedBy] = /aria-describedby="([^"]+)"/.exec(html)!;
    expect(html).toContain(`<h2 id="${labelledBy}">Cancel this run?</h2>`);
    expect(html).toContain(`<div id="${describedBy}"><p>What is lost.</p></div>`);
    expect(html.indexOf('Keep running')).toBeLessThan(html.indexOf('Cancel the run'));
  });
  it("the tour's Stop asks in Stop's words; the rest is the same", () => {
    const kept = { roundsDone: 2, planned: 6, records: 2 };
    const stop = cancelText(kept, false, 'stop');
    expect([stop.title, stop.confirm]).toEqual(['Stop the live run?', 'Stop the run']);
    const cancel = cancelText(kept, false);
    expect([cancel.title, cancel.confirm]).toEqual(['Cancel this run?', 'Cancel the run']);
    expect({ ...stop, title: '', confirm: '' }).toEqual({ ...cancel, title: '', confirm: '' });
  });
});
