/**
 * Presets (docs/ARCHITECTURE.md convention 14: paper parity is an explicit artefact). `paper: true` presets carry the
 * paper's settings (docs/ALGORITHMS.md §9.3, §2.7); every other preset is a REDUCED BUDGET lab proposal
 * (docs/ALGORITHMS.md §12) and says so in its label wherever it is shown.
 */
import { EPISODIC_PRESETS } from './presets-episodic';
import { VISION_PRESETS } from './presets-vision';
import type { Preset } from './presets-common';

export type { Preset } from './presets-common';

/** Every preset, vision first, in the order the preset bar and `lab --help` list them. */
export const PRESETS: readonly Preset[] = [...VISION_PRESETS, ...EPISODIC_PRESETS];

export function getPreset(id: string): Preset {
  const p = PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(`unknown preset "${id}" (valid: ${PRESETS.map((x) => x.id).join(', ')})`);
  return p;
}
