/**
 * Keys the experiment config does not have: the schema used to drop them without a word, so a share link,
 * an imported bundle or a run folder's config.json with `generation: 50` (meant: the generations per
 * round) ran the preset's budget under a run id that did not mention it. Every entry point now refuses
 * such a key, at any level, naming it and the field it resembles; every config the lab ever stored has
 * only known keys, so all of them still read (the shipped bundles: test/unit/cli/bundle-command.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../../src/core/runs/config';
import { getPreset, PRESETS } from '../../../src/core/runs/presets';
import { decodeShareParams } from '../../../src/core/runs/url-codec';
import { encodeBase64 } from '../../../src/core/runs/base64';
import { exportBundle, importBundle } from '../../../src/core/runs/bundle';
import { RunFolder } from '../../../src/cli/run-folder';
import { configIssues } from '../../helpers/refusals';
import { recordedSettings } from '../../../src/cli/run-settings';

const preset = getPreset('mnist-2min').config;

const issuesOf = configIssues;

describe('unknown keys in a config', () => {
  it('a top-level typo is refused, naming the field it resembles (elsewhere in the config too)', () => {
    expect(issuesOf({ ...preset, generation: 50 })).toEqual([
      'generation: "generation" is not a field of the config (did you mean budget.generationsPerRound? fields: schemaVersion, task, network, es, prune, budget, seeds, backend, trainer)',
    ]);
    expect(issuesOf({ ...preset, seed: [1] })[0]).toMatch(
      /^seed: "seed" is not a field of the config \(did you mean seeds\?/,
    );
    // A field at the wrong level, or spelt as its CLI flag.
    expect(issuesOf({ ...preset, rounds: 3 })[0]).toMatch(/did you mean prune\.rounds\?/);
    expect(issuesOf({ ...preset, gens: 3 })[0]).toMatch(/did you mean budget\.generationsPerRound\?/);
    // Nothing close: the known fields only.
    expect(issuesOf({ ...preset, colour: 'red' })[0]).toMatch(
      /^colour: "colour" is not a field of the config \(fields: /,
    );
  });

  it('at every level: each unknown key is one issue at its own path', () => {
    const issues = issuesOf({
      ...preset,
      es: { ...preset.es, popsize: 8 },
      budget: { ...preset.budget, evalevery: 5 },
      task: { ...preset.task, label: 'x' },
    });
    expect(issues).toHaveLength(3);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^es\.popsize: "popsize" is not a field of es \(did you mean es\.popSize\? fields: id, params,/,
        ),
        expect.stringMatching(
          /^budget\.evalevery: "evalevery" is not a field of budget \(did you mean budget\.evalEvery\?/,
        ),
        'task.label: "label" is not a field of task (fields: id, params)',
      ]),
    );
  });

  it('a GD trainer: its settings and its own keys', () => {
    expect(issuesOf({ ...preset, trainer: { id: 'gd', params: { epoch: 2 } } })).toEqual([
      expect.stringMatching(
        /^trainer\.params\.epoch: "epoch" is not a field of trainer\.params \(did you mean trainer\.params\.epochs\?/,
      ),
    ]);
    expect(issuesOf({ ...preset, trainer: { id: 'gd', params: {}, lr: 1 } })[0]).toMatch(
      /^trainer\.lr: "lr" is not a field of trainer \(did you mean trainer\.params\.lr\?/,
    );
  });

  it('a huge key is quoted cut short', () => {
    const [issue] = issuesOf({ ...preset, ['k'.repeat(10_000)]: 1 });
    expect(issue.length).toBeLessThan(400);
  });

  it('every preset still parses (presets, like stored configs, hold known keys only)', () => {
    for (const p of PRESETS) expect(() => parseConfig(p.config), p.id).not.toThrow();
  });

  it('a share link with one is refused, naming it', () => {
    const json = JSON.stringify({ ...preset, generation: 50 });
    const shared = decodeShareParams(`c=${encodeBase64(new TextEncoder().encode(json), true)}&v=1`);
    expect(shared.config).toBeUndefined();
    expect(shared.errors).toEqual([
      { path: 'generation', message: expect.stringMatching(/did you mean budget\.generationsPerRound/) },
    ]);
  });

  it('an imported bundle with one is refused, naming it', () => {
    const text = exportBundle({ config: parseConfig(preset), createdAt: '2024-01-01T00:00:00.000Z', records: [] });
    expect(importBundle(text).ok).toBe(true);
    const edited = JSON.parse(text) as { config: Record<string, unknown> };
    edited.config.generation = 50;
    const got = importBundle(JSON.stringify(edited));
    expect(!got.ok && got.message).toMatch(/^invalid config: config\.generation: "generation" is not a field/);
  });

  it("a run folder's config.json with one is refused by every reader of the folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-unknown-key-'));
    try {
      const meta = { runId: 'x', config: { ...parseConfig(preset), generation: 50 } };
      await writeFile(join(dir, 'config.json'), JSON.stringify(meta));
      await expect(new RunFolder(dir).readMeta('--run')).rejects.toThrow(
        /config\.json holds an invalid config \(config\.generation: "generation" is not a field of the config/,
      );
      expect(recordedSettings(meta)).toMatch(/^is not a valid run config \(config\.generation: "generation" is not/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
