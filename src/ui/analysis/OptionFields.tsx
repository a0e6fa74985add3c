/**
 * An analysis's options as fields, generated from its ParamSpecs (docs/ARCHITECTURE.md convention 4): the CLI flags
 * and --help come from the same specs, so defaults and ranges agree by construction. Options that hold a
 * layer index get a picker with the network's layer names (−1 = the last hidden layer).
 */
import type { AnalysisDef } from '../../core/analysis/analyses';
import { lastHiddenLayerIndex } from '../../core/analysis/correlation';
import { checkParam, type AnyParamValues } from '../../core/params';
import { ParamField } from '../settings/ParamField';
import { OptionSelect } from '../settings/OptionSelect';

export function OptionFields({
  def,
  values,
  onChange,
  layerNames,
  disabled,
}: {
  def: AnalysisDef;
  values: AnyParamValues;
  onChange: (v: AnyParamValues) => void;
  layerNames?: readonly string[];
  disabled?: boolean;
}) {
  return (
    <>
      {Object.entries(def.options).map(([key, spec]) =>
        def.layerOptions?.includes(key) && layerNames?.length ? (
          <OptionSelect
            key={key}
            label={spec.label}
            value={Number(values[key])}
            options={[-1, ...layerNames.map((_, i) => i)]}
            onChange={(v) => onChange({ ...values, [key]: v })}
            format={(i) =>
              // the names already say "hidden layer 1 (196 → 32)": a colon, not "last hidden layer (hidden layer 1 …)"
              i < 0 ? `the last hidden layer: ${layerNames[lastHiddenLayerIndex(layerNames)]}` : `${layerNames[i]}`
            }
          />
        ) : (
          <ParamField
            key={key}
            name={key}
            spec={spec}
            value={values[key]}
            error={checkParam(spec.label, spec, values[key]) ?? undefined}
            helpKey={`analysis-${def.id}-${key}`}
            disabled={disabled}
            onChange={(v) => onChange({ ...values, [key]: v })}
          />
        ),
      )}
    </>
  );
}
