// The tour's registries (core/tour/steps.ts, evidence.ts, simple-view.ts) and the evidence shipped in
// public/precomputed/: every step names evidence that exists in the registry, every shipped file decodes
// through the app's importer and gives its step a sentence, and a file that is not shipped is reported
// as missing rather than breaking the step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBundle, importBundle } from '../../../src/core/runs/bundle';
import { EVIDENCE, getEvidence, labRunOf } from '../../../src/core/tour/evidence';
import { decodeEvidence } from '../../../src/core/tour/evidence-decode';
import { rerunConfig, rerunDescription } from '../../../src/core/tour/rerun';
import { stepSentence, STEP_SENTENCES, type StepInputs } from '../../../src/core/tour/step-sentence';
import { TOUR_STEPS, stepAt, stepNumOf } from '../../../src/core/tour/steps';
import {
  CLASSROOM_PRESETS,
  classroomPresetOf,
  lastRoundRemaining,
  strategiesFor,
} from '../../../src/core/tour/simple-view';
import { getPreset } from '../../../src/core/runs/presets';
import { parseConfig } from '../../../src/core/runs/config';
import { STRATEGIES } from '../../../src/core/es/registry';
import { layoutOf } from '../../../src/core/runs/network-shape';
import { PRECOMPUTED_DIR, precomputedExists } from './fixtures';

describe('the step registry', () => {
  it('ids are unique, steps are found by number and id', () => {
    expect(new Set(TOUR_STEPS.map((s) => s.id)).size).toBe(TOUR_STEPS.length);
    TOUR_STEPS.forEach((s, i) => {
      expect(stepNumOf(s.id)).toBe(i + 1);
      expect(stepAt(i + 1)).toBe(s);
    });
    expect(stepAt(0)).toBe(TOUR_STEPS[0]);
    expect(stepAt(99)).toBe(TOUR_STEPS.at(-1));
  });

  it.each(TOUR_STEPS.map((s) => [s.id, s] as const))(
    '%s: evidence, sentence and rerun are registered and valid',
    (_, step) => {
      for (const id of step.evidence) expect(() => getEvidence(id)).not.toThrow();
      expect(STEP_SENTENCES[step.sentence]).toBeTypeOf('function');
      expect(step.paper.length).toBeGreaterThan(100);
      for (const text of [step.lookFor, step.question, step.labSetting, step.source])
        expect(text.length).toBeGreaterThan(10);
      expect(step.question.trim().endsWith('?')).toBe(true);
      if (step.rerun) expect(() => rerunConfig(step.rerun!)).not.toThrow();
    },
  );

  it('no step text cites an issue or a spec section (readers of the repository cannot open them)', () => {
    for (const s of TOUR_STEPS) expect(JSON.stringify(s)).not.toMatch(/issue \d|spec §/i);
  });
});

/** The evidence files of the registry that this checkout ships, decoded. */
const shipped = EVIDENCE.filter((e) => precomputedExists(e.file)).map((e) => {
  const got = decodeEvidence(e, new Uint8Array(readFileSync(join(PRECOMPUTED_DIR, e.file))));
  return { source: e, got };
});

describe('the evidence shipped in public/precomputed/', () => {
  it.each(shipped.map((s) => [s.source.file, s] as const))('%s decodes through the app importer', (_, { got }) => {
    expect(got).toMatchObject({ ok: true });
  });

  it('steps whose evidence is shipped get a sentence from it; the others have a listed, missing file', () => {
    for (const step of TOUR_STEPS.filter((s) => s.evidence.length)) {
      const first = shipped.find((s) => s.source.id === step.evidence[0]);
      if (!first) {
        expect(precomputedExists(getEvidence(step.evidence[0]).file)).toBe(false);
        continue;
      }
      if (!first.got.ok) throw new Error(first.got.message);
      const data = first.got.data;
      const inputs: StepInputs =
        data.kind === 'bundle'
          ? { run: { records: data.records, config: data.config, ...layoutFor(data.config) } }
          : { analysis: data.analysis };
      const s = stepSentence(step, inputs);
      expect(s.ok ? s.text : s.reason, step.id).toMatch(/\.$/);
      expect(s.ok, `${step.id}: ${s.ok ? '' : s.reason}`).toBe(true);
    }
  });

  it('the minima step states the verdicts docs/RESULTS.md gives (R8 in part, R10 reversed)', () => {
    const analysis = shipped.find((s) => s.source.id === 'mnist-analyses');
    if (!analysis?.got.ok || analysis.got.data.kind !== 'analysis') return;
    const s = stepSentence(
      TOUR_STEPS.find((t) => t.id === 'minima')!,
      { analysis: analysis.got.data.analysis },
    );
    if (!s.ok) throw new Error(s.reason);
    expect(s.parts!.map((p) => p.verdict)).toEqual(['partly', 'differs']);
    expect(s.parts![1].text).toMatch(
      /^Curvature is the reverse of the paper: .* sharper than gradient descent's at every/,
    );
  });

  it('every step that links to a lab tab has a full, shipped run to open there', () => {
    const linked = TOUR_STEPS.filter((s) => s.labTab);
    expect(linked.length).toBeGreaterThan(0);
    for (const step of linked) {
      const id = labRunOf(step.evidence);
      expect(id, step.id).not.toBeNull();
      const source = getEvidence(id!);
      expect(source.kind).toBe('bundle');
      expect(source.presetId, `${step.id}: a preset's full bundle, not a curves-only one`).toBeDefined();
      if (precomputedExists(source.file))
        expect(importBundle(readFileSync(join(PRECOMPUTED_DIR, source.file))).ok).toBe(true);
    }
    // a step's own bundle first; an analysis file's runs otherwise; nothing for a step without evidence
    expect(labRunOf(['mnist-2min'])).toBe('mnist-2min');
    expect(labRunOf(['mnist-analyses'])).toBe('mnist-quick');
    expect(labRunOf(['mnist-claims'])).toBe('mnist-quick');
    expect(labRunOf(['task-effects'])).toBeNull();
    expect(labRunOf([])).toBeNull();
  });

  it('a bundle that names a preset is refused when made with other settings', () => {
    const quick = EVIDENCE.find((e) => e.presetId === 'mnist-quick')!;
    if (!precomputedExists('mnist-2min.json.gz')) return;
    const bytes = new Uint8Array(readFileSync(join(PRECOMPUTED_DIR, 'mnist-2min.json.gz')));
    const got = decodeEvidence(quick, bytes);
    expect(got).toEqual({ ok: false, message: expect.stringContaining('other settings than the preset mnist-quick') });
  });

  it('a curves-only bundle is refused where a step draws its masks, and accepted where it draws curves', () => {
    if (!precomputedExists('mnist-2min.json.gz')) return;
    const got = importBundle(new Uint8Array(readFileSync(join(PRECOMPUTED_DIR, 'mnist-2min.json.gz'))));
    if (!got.ok) throw new Error(got.message);
    const curves = new TextEncoder().encode(exportBundle({ ...got.bundle, curvesOnly: true }));
    const masks = EVIDENCE.find((e) => e.needsMasks)!;
    expect(decodeEvidence(masks, curves)).toEqual({ ok: false, message: expect.stringContaining('holds curves only') });
    expect(decodeEvidence({ ...masks, needsMasks: false }, curves)).toMatchObject({ ok: true });
  });

  it('an analysis evidence with a broken file names the field', () => {
    const analysis = EVIDENCE.find((e) => e.kind === 'analysis')!;
    const got = decodeEvidence(analysis, new TextEncoder().encode('{"format":"x"}'));
    expect(got).toEqual({ ok: false, message: expect.stringContaining('format:') });
  });
});

function layoutFor(config: Parameters<typeof layoutOf>[0]) {
  const l = layoutOf(config);
  return { layers: l.layers, inputShape: l.inputShape };
}

describe('the simple view', () => {
  it('one classroom preset per task, found by task', () => {
    const tasks = CLASSROOM_PRESETS.map((id) => getPreset(id).config.task.id);
    expect(new Set(tasks).size).toBe(tasks.length);
    tasks.forEach((t, i) => expect(classroomPresetOf(t)).toBe(CLASSROOM_PRESETS[i]));
    expect(classroomPresetOf('no-such-task')).toBeNull();
  });

  it('offers only strategies the preset’s pruning accepts (signal-to-noise needs a per-weight σ)', () => {
    const config = parseConfig(getPreset('mnist-2min').config);
    const offered = strategiesFor(config).map((s) => s.id);
    expect(offered).toContain(config.es.id);
    for (const s of STRATEGIES) expect(offered.includes(s.id)).toBe(s.supportsSnr);
  });

  it('“Run it live” says what it runs, when that is not the run shown, and where it is drawn', () => {
    const say = (id: string) => rerunDescription(TOUR_STEPS.find((s) => s.id === id)!);
    expect(say('train-by-es')).toBe(
      'Runs round 1 of the preset “MNIST in ~2 minutes (reduced budget, classroom)” (the dense network) in this browser; its curves are drawn solid over the precomputed ones.',
    );
    expect(say('masks')).toMatch(
      /^Runs the preset “MNIST in ~2 minutes .*” in this browser; its masks are drawn under the precomputed ones\.$/,
    );
    // the step shows "MNIST quick" (12 rounds); the button runs the 6-round classroom preset
    expect(say('snr')).toMatch(
      /, a shorter run than the one shown \(it ends at 11\.6\u00a0% of the weights\); its curves/,
    );
    expect(say('mask-or-weights')).toMatch(
      /^Runs the preset “MNIST in ~2 minutes .*” with this step’s pruning chains in this browser/,
    );
    expect(say('es-2d')).toBeNull();
  });

  it('the last round keeps (1 − p)^(rounds − 1) of the weights', () => {
    expect(lastRoundRemaining(6, 0.35)).toBeCloseTo(11.6029, 3);
    expect(lastRoundRemaining(1, 0.35)).toBe(100);
  });
});
