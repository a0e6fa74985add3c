/**
 * What a preset is (docs/ARCHITECTURE.md convention 14: paper parity is an explicit artefact), and the
 * pruning chains most presets compare. The presets themselves: presets-vision.ts, presets-episodic.ts.
 */
import type { ExperimentConfigInput } from './config';

export interface Preset {
  readonly id: string;
  readonly label: string;
  /** True only for the paper's own settings. */
  readonly paper: boolean;
  readonly description: string;
  /** What differs from the paper, shown next to reduced presets. */
  readonly deviations: readonly string[];
  /** Rough cost before the user starts, for a 2-core laptop on wasm, e.g. "≈ 2 min"; short (it is read in a sentence). */
  readonly expectedCost: string;
  /** How `expectedCost` was measured (machine, load, source), shown on demand. */
  readonly costNote?: string;
  /**
   * Why this preset cannot run in the browser on such a machine (the lab says so and offers no Start; the CLI
   * on a bigger machine still can); absent when it can.
   */
  readonly notInBrowser?: string;
  readonly config: ExperimentConfigInput;
}

/** The chains most presets compare: magnitude and SNR tickets against the random-reinit baseline. */
export const IMP_CHAINS = ['magnitude', 'snr', 'random_reinit'];
