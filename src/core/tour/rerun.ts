/**
 * The config a tour step reruns live (steps.ts `rerun`): a preset, optionally narrowed to fewer rounds or
 * other chains, validated through the one config schema (core/runs/config.ts).
 */
import { parseConfig, type ExperimentConfig } from '../runs/config';
import { getPreset } from '../runs/presets';
import type { RerunSpec } from './steps';

export function rerunConfig(spec: RerunSpec): ExperimentConfig {
  const base = getPreset(spec.presetId).config;
  return parseConfig({ ...base, prune: { ...base.prune, ...spec.prune } });
}

/** Whether the rerun is the preset itself (then the preset's precomputed curves and cost apply as they are). */
export function isWholePreset(spec: RerunSpec): boolean {
  return !spec.prune || Object.keys(spec.prune).length === 0;
}
