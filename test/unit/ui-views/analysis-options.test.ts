/**
 * One declaration per analysis option, three consumers: for every registered analysis, the panel's fields
 * (src/ui/analysis/OptionFields.tsx, rendered to HTML here), the CLI's flags and `lab --help` all come from
 * the same ParamSpecs, with the same defaults; every choice is short enough to read whole in its select.
 */
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ANALYSIS_LIST } from '../../../src/core/analysis/analyses';
import { defaultsOf, type AnyParamValues } from '../../../src/core/params';
import { OptionFields } from '../../../src/ui/analysis/OptionFields';
import { flagOf, knownFlags } from '../../../src/cli/analysis/analysis-flags';
import { helpText } from '../../../src/cli/help';
import { SourcedText } from '../../../src/ui/settings/SourcedText';

const help = helpText();

describe.each(ANALYSIS_LIST.map((d) => [d.id, d] as const))('analysis %s', (id, def) => {
  const defaults = defaultsOf(def.options) as AnyParamValues;

  it('the panel shows one field per option, holding its default', () => {
    const html = renderToStaticMarkup(
      createElement(OptionFields, {
        def,
        values: defaults,
        onChange: () => undefined,
        layerNames: ['Dense_0', 'Dense_1'],
      }),
    );
    for (const [key, spec] of Object.entries(def.options)) {
      if (def.layerOptions?.includes(key)) {
        expect(html).toContain(`<option value="${String(spec.default)}" selected="">`);
        continue;
      }
      expect(html).toContain(`data-param="${key}"`);
      if (spec.kind === 'number') expect(html).toMatch(new RegExp(`type="number"[^>]*value="${spec.default}"`));
      if (spec.kind === 'choice') expect(html).toContain(`<option value="${spec.default}" selected="">`);
    }
  });

  it('the panel explains it to a student, the document citation behind "Source"', () => {
    const html = renderToStaticMarkup(createElement(SourcedText, { text: def.explain }));
    const [meaning, source] = html.split('<details');
    expect(meaning).toMatch(/\?/); // it opens with the question the analysis asks
    expect(meaning).not.toMatch(/docs\/|ALGORITHMS|§/);
    expect(source).toMatch(/<summary>Source<\/summary><p>[^<]*docs\/ALGORITHMS\.md §\d/);
  });

  it('every choice reads whole in its select: at most 26 characters', () => {
    // the panel lays its options out in columns of at least 15 rem (src/ui/viz/views.css .analysis-options); at
    // 1280 px three columns of about 270 px show 28 characters of a select's text, so 26 leaves a margin
    for (const spec of Object.values(def.options))
      if (spec.kind === 'choice') for (const o of spec.options) expect(o.label.length, o.label).toBeLessThanOrEqual(26);
  });

  it('the CLI takes each option as a flag, and --help lists it with the same default', () => {
    expect(help).toContain(`  ${id.padEnd(12)} ${def.summary}`);
    for (const [key, spec] of Object.entries(def.options)) {
      expect(knownFlags(def)).toContain(flagOf(key));
      expect(help).toContain(`      --${flagOf(key)} ${String(spec.default)}  `);
    }
  });
});
