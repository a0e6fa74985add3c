/**
 * The run card's line saying what Start runs (a preset, or the user's own settings): on a phone the
 * settings are far below the button.
 */
import { useExperimentStore } from '../../state/experiment-store';
import { getPreset } from '../../core/runs/presets';

export function StartsWhat() {
  const presetId = useExperimentStore((s) => s.presetId);
  return (
    <p className="muted small" data-testid="starts-what">
      Start runs {presetId ? `the preset “${getPreset(presetId).label}”` : 'your own settings'} (change it under Presets
      and the settings).
    </p>
  );
}
