// The form's settings survive a reload (src/state/draft-storage.ts): valid drafts are kept, a half-typed
// field never replaces the last good settings, what is read back passes the config schema, and a kept
// draft the schema refuses is ignored (the lab opens on its default preset).
import { afterEach, describe, expect, it } from 'vitest';
import { DRAFT_KEY, keepDraftAcrossReloads, readDraft } from '../../../src/state/draft-storage';
import { EXPERIMENT_CHOICE_DEFAULT, useExperimentStore } from '../../../src/state/experiment-store';

/** A localStorage stand-in (Node has none). */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

const st = useExperimentStore.getState;
let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
  useExperimentStore.setState(EXPERIMENT_CHOICE_DEFAULT);
});

describe('settings kept across a reload', () => {
  it('an edited draft is kept and opens the next visit; a half-typed one does not replace it', () => {
    const storage = memoryStorage();
    stop = keepDraftAcrossReloads(storage);
    st().setEntry('task', 'kmnist');
    st().patch('prune', { rounds: 3 });
    st().patch('budget', { generationsPerRound: Number.NaN }); // a field being typed: invalid, not kept
    expect(readDraft(storage)?.config).toMatchObject({ task: { id: 'kmnist' }, prune: { rounds: 3 } });
    stop();
    // the next visit: the form opens on the kept settings
    useExperimentStore.setState(EXPERIMENT_CHOICE_DEFAULT);
    stop = keepDraftAcrossReloads(storage);
    expect(st().draft.task.id).toBe('kmnist');
    expect(st().draft.prune.rounds).toBe(3);
    expect(st().presetId).toBeNull();
  });

  it('a kept preset opens as that preset; a damaged or refused entry is ignored', () => {
    const storage = memoryStorage();
    stop = keepDraftAcrossReloads(storage);
    st().applyPreset('cartpole-reduced');
    stop();
    useExperimentStore.setState(EXPERIMENT_CHOICE_DEFAULT);
    stop = keepDraftAcrossReloads(storage);
    expect(st().presetId).toBe('cartpole-reduced');
    stop();
    for (const bad of ['{not json', JSON.stringify({ version: 1, config: { generation: 50 } }), '{"version":2}']) {
      storage.setItem(DRAFT_KEY, bad);
      expect(readDraft(storage)).toBeNull();
    }
    useExperimentStore.setState(EXPERIMENT_CHOICE_DEFAULT);
    stop = keepDraftAcrossReloads(storage);
    expect(st().presetId).toBe(EXPERIMENT_CHOICE_DEFAULT.presetId);
  });
});
