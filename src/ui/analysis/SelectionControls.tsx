/**
 * Which round records an analysis reads, as controls generated from its SelectSpec (the same rule as the
 * CLI's --method, --seeds, --rounds, --runs and --method-b flags, src/core/analysis/analyses/selection.ts):
 * one chain or several, the seeds, a rounds list (empty = every round), and — for analyses that compare
 * runs — another stored run and its chain.
 */
import type { SelectSpec, RoundKey } from '../../core/analysis/analyses';
import { chainsOf, seedsOf } from '../../core/analysis/analyses';
import { methodName } from '../../core/names';
import { OptionSelect } from '../settings/OptionSelect';

/** The panel's selection state: undefined = the default. */
export interface SelectionState {
  readonly chains?: readonly string[];
  readonly seeds?: readonly number[];
  readonly roundsText: string;
  /** Id of the other run to compare with ('' = none). */
  readonly otherId: string;
  readonly chainB?: string;
}

export interface OtherRunChoice {
  readonly id: string;
  readonly label: string;
  readonly index: readonly RoundKey[];
}

function CheckGroup<T extends string | number>({
  legend,
  options,
  checked,
  onChange,
  format = String,
}: {
  legend: string;
  options: readonly T[];
  checked: readonly T[];
  onChange: (v: T[]) => void;
  format?: (v: T) => string;
}) {
  return (
    <fieldset className="check-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={String(o)}>
          <input
            type="checkbox"
            checked={checked.includes(o)}
            onChange={(e) => onChange(e.target.checked ? [...checked, o] : checked.filter((c) => c !== o))}
          />
          {format(o)}
        </label>
      ))}
    </fieldset>
  );
}

export function SelectionControls({
  spec,
  index,
  defaults,
  state,
  onChange,
  otherRuns,
}: {
  spec: SelectSpec;
  index: readonly RoundKey[];
  /** The default chains (resolved by the core rule), shown while the user has not picked any. */
  defaults: readonly string[];
  state: SelectionState;
  onChange: (s: SelectionState) => void;
  otherRuns: readonly OtherRunChoice[];
}) {
  const chains = chainsOf(index),
    seeds = seedsOf(index);
  const shownChains = state.chains?.filter((c) => chains.includes(c)) ?? defaults;
  const shownSeeds = state.seeds?.filter((s) => seeds.includes(s)) ?? seeds;
  const other = spec.compare ? otherRuns.find((r) => r.id === state.otherId) : undefined;
  return (
    <>
      {spec.chains === 'one' || other ? (
        <OptionSelect
          label="Pruning method"
          value={shownChains[0] ?? chains[0]}
          options={chains}
          onChange={(c) => onChange({ ...state, chains: [c] })}
          format={methodName}
        />
      ) : (
        <CheckGroup
          legend="Pruning methods"
          options={chains}
          checked={shownChains}
          onChange={(c) => onChange({ ...state, chains: c })}
          format={methodName}
        />
      )}
      <CheckGroup
        legend="Seeds"
        options={seeds}
        checked={shownSeeds}
        onChange={(s) => onChange({ ...state, seeds: s })}
      />
      <label>
        Rounds
        <input
          type="text"
          inputMode="numeric"
          placeholder="all, or 1,4,8 / 2-6"
          title="Empty: every round. Otherwise a list such as 1,4,8 or a range such as 2-6."
          value={state.roundsText}
          style={{ width: '10rem' }}
          onChange={(e) => onChange({ ...state, roundsText: e.target.value })}
        />
      </label>
      {spec.compare && otherRuns.length ? (
        <>
          <OptionSelect
            label="Compare with"
            value={state.otherId}
            options={['', ...otherRuns.map((r) => r.id)]}
            onChange={(id) => onChange({ ...state, otherId: id, chainB: undefined })}
            format={(id) => (id ? (otherRuns.find((r) => r.id === id)?.label ?? id) : 'nothing (this run only)')}
          />
          {other ? (
            <OptionSelect
              label="Its method"
              value={state.chainB ?? ''}
              options={['', ...chainsOf(other.index)]}
              onChange={(c) => onChange({ ...state, chainB: c || undefined })}
              format={(c) => (c ? methodName(c) : 'the matching one')}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
