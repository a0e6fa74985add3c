/**
 * The config a tour step reruns live (steps.ts `rerun`): a preset, optionally narrowed to fewer rounds or
 * other chains, validated through the one config schema (core/runs/config.ts).
 */
import { parseConfig, type ExperimentConfig } from '../runs/config';
import { getPreset } from '../runs/presets';
import { getEvidence } from './evidence';
import { lastRoundRemaining } from './simple-view';
import type { RerunSpec, TourStep } from './steps';
import { remainingText } from './words';

export function rerunConfig(spec: RerunSpec): ExperimentConfig {
  const base = getPreset(spec.presetId).config;
  return parseConfig({ ...base, prune: { ...base.prune, ...spec.prune } });
}

/**
 * What a step's "Run it live" button runs and how it is drawn, for the student: which preset and how much
 * of it, whether that differs from the run shown (another preset ends elsewhere), and where the result
 * appears in the step's view.
 */
export function rerunDescription(step: Pick<TourStep, 'rerun' | 'evidence' | 'view'>): string | null {
  const spec = step.rerun;
  if (!spec) return null;
  const preset = getPreset(spec.presetId);
  const config = rerunConfig(spec);
  const rounds = spec.prune?.rounds;
  const what =
    rounds !== undefined && rounds < preset.config.prune.rounds
      ? rounds === 1
        ? `round 1 of the preset “${preset.label}” (the dense network)`
        : `the first ${rounds} rounds of the preset “${preset.label}”`
      : spec.prune?.methods
        ? `the preset “${preset.label}” with this step’s pruning chains`
        : `the preset “${preset.label}”`;
  const shown = step.evidence.length ? getEvidence(step.evidence[0]).settingsOf : undefined;
  const end = remainingText(lastRoundRemaining(config.prune.rounds, config.prune.pruneFrac));
  const other =
    shown && shown !== spec.presetId && rounds === undefined
      ? `, a shorter run than the one shown (it ends at ${end} of the weights)`
      : '';
  const drawn =
    step.view === 'pixels'
      ? 'its masks are drawn under the precomputed ones'
      : 'its curves are drawn solid over the precomputed ones';
  return `Runs ${what} in this browser${other}; ${drawn}.`;
}
