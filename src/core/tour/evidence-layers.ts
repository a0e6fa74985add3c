/**
 * The layers of the network a step's analysis file was measured on, so the tour names a layer as the
 * lab's result tabs do ("hidden layer 1 (196 → 32)", names.ts layerName) and a student meets one name for
 * one layer. An analysis row carries only a layer's flax name ("Dense_0"); the network is the one of the
 * preset whose settings the evidence used (evidence.ts `settingsOf`), built from its config alone.
 */
import type { LayerShape } from '../names';
import { parseConfig } from '../runs/config';
import { layoutOf } from '../runs/network-shape';
import { getPreset } from '../runs/presets';
import { getEvidence } from './evidence';

/** The layers of the network behind the first of `evidenceIds` that names a preset; [] when none does. */
export function evidenceLayers(evidenceIds: readonly string[]): readonly LayerShape[] {
  const presetId = evidenceIds.map((id) => getEvidence(id).settingsOf).find((p) => p !== undefined);
  return presetId ? layoutOf(parseConfig(getPreset(presetId).config)).layers : [];
}
