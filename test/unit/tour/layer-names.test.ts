// The tour names a layer as the lab's result tabs do (core/names.ts layerNames: "hidden layer 1 (196 → 32)"),
// in the analysis steps' sentences and chart titles (the network of the evidence's preset,
// core/tour/evidence-layers.ts) and in the steps' own text, so a student meets one name for one layer.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { layerNames, type LayerShape } from '../../../src/core/names';
import { parseConfig } from '../../../src/core/runs/config';
import { layoutOf } from '../../../src/core/runs/network-shape';
import { getPreset } from '../../../src/core/runs/presets';
import { TOUR_ANALYSIS_FORMAT, TOUR_ANALYSIS_VERSION, type TourAnalysis } from '../../../src/core/tour/analysis-file';
import { evidenceLayers } from '../../../src/core/tour/evidence-layers';
import { stepSentence } from '../../../src/core/tour/step-sentence';
import { TOUR_STEPS } from '../../../src/core/tour/steps';
import { weightsLayerName, weightsSentence } from '../../../src/core/tour/weights-evidence';
import { correlationSentence } from '../../../src/core/tour/correlation-evidence';
import { plain } from './analysis-fixture';

const stepOf = (id: string) => TOUR_STEPS.find((s) => s.id === id)!;
/** The first layer's name in the Masks and Analysis tabs, for the network the analysis file was made with. */
const TAB_NAME = layerNames(layoutOf(parseConfig(getPreset('mnist-quick').config)).layers)[0];

const network = (trainer: 'es' | 'gd', roundNum: number, remainingPct: number) => ({
  trainer,
  ...(trainer === 'gd' ? { epochs: 2 } : {}),
  chain: trainer === 'gd' ? 'gd_magnitude' : 'magnitude',
  seed: 0,
  roundNum,
  remainingPct,
});
const ANALYSIS: TourAnalysis = {
  format: TOUR_ANALYSIS_FORMAT,
  version: TOUR_ANALYSIS_VERSION,
  createdAt: '2026-01-01T00:00:00Z',
  commands: [],
  metric: 'accuracy',
  weights: [
    { ...network('es', 1, 100), layer: 'Dense_0', layerIndex: 0, layerRemainingPct: 100, meanAbsW: 0.1 },
    { ...network('es', 2, 80), layer: 'Dense_0', layerIndex: 0, layerRemainingPct: 78, meanAbsW: 0.12 },
    { ...network('gd', 1, 100), layer: 'Dense_0', layerIndex: 0, layerRemainingPct: 100, meanAbsW: 0.2 },
    { ...network('gd', 2, 80), layer: 'Dense_0', layerIndex: 0, layerRemainingPct: 82, meanAbsW: 0.25 },
  ],
  correlation: [1, 2].map((roundNum) => ({
    chain: 'magnitude',
    seed: 0,
    roundNum,
    remainingPct: roundNum === 1 ? 100 : 80,
    layer: 'Dense_0',
    pearson: roundNum === 1 ? 0.96 : 0.9,
    spearman: 0.9,
    agree: 0.95,
  })),
};

const sentenceText = (stepId: string) => {
  const s = stepSentence(stepOf(stepId), { analysis: ANALYSIS });
  if (!s.ok) throw new Error(s.reason);
  return plain(s.text);
};

describe("the tour's layer names", () => {
  it('are the tabs’ names of the analysed network', () => {
    expect(TAB_NAME).toBe('hidden layer 1 (196 → 32)');
    expect(evidenceLayers(stepOf('weights').evidence).map((l) => l.name)).toEqual(['Dense_0', 'Dense_1']);
    expect(weightsLayerName(ANALYSIS, 0, evidenceLayers(stepOf('weights').evidence))).toBe(TAB_NAME);
  });

  it('the weights step’s sentence names the layer as the tabs do', () => {
    const text = sentenceText('weights');
    expect(text).toContain(`of the weights, in ${TAB_NAME}, `);
    expect(text).not.toMatch(/first layer|inputs → hidden/);
  });

  it('the size-vs-SNR step’s sentence names the layer as the tabs do', () => {
    const text = sentenceText('size-vs-snr');
    expect(text).toMatch(new RegExp(`^Over the alive weights of ${TAB_NAME.replace(/[()]/g, '\\$&')}, `));
    expect(text).not.toMatch(/first layer|inputs → hidden/);
  });

  it('the sentences must be given the network’s layers: without them they said "dense layer 1", a name no tab shows', () => {
    // a parameter with a default value is not counted in Function.length: these lengths mean `layers` is required
    expect([weightsSentence.length, correlationSentence.length, weightsLayerName.length]).toEqual([2, 2, 3]);
    expectTypeOf(weightsSentence).parameter(1).toEqualTypeOf<readonly LayerShape[]>();
    expectTypeOf(correlationSentence).parameter(1).toEqualTypeOf<readonly LayerShape[]>();
    expectTypeOf(weightsLayerName).parameter(2).toEqualTypeOf<readonly LayerShape[]>();
    // every step that states these results names a preset whose network holds the analysed layer
    const steps = TOUR_STEPS.filter((s) => s.sentence === 'weights' || s.sentence === 'correlation');
    expect(steps.length).toBeGreaterThanOrEqual(2);
    for (const step of steps)
      expect(
        evidenceLayers(step.evidence).map((l) => l.name),
        step.id,
      ).toContain('Dense_0');
  });

  it('no step’s own text calls it "the first layer"', () => {
    for (const step of TOUR_STEPS) expect(JSON.stringify(step), step.id).not.toMatch(/first layer/i);
    expect(stepOf('weights').lookFor).toContain('hidden layer 1');
  });
});
