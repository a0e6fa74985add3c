/**
 * A run folder's config.json is read by one reader (src/cli/run-settings.ts recordedConfig): the commands
 * that read a finished run (RunFolder.readMeta, which refuses the folder) and those that write one
 * (recordedSettings, behind run-state.ts's verdicts) say the same about a damaged file. readMeta used to
 * say "config.config: Invalid input…" for a file with no config, where the writers said it has none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunFolder } from '../../../src/cli/run-folder';
import { recordedConfig, recordedSettings } from '../../../src/cli/run-settings';
import { getPreset } from '../../../src/core/runs/presets';
import { parseConfig } from '../../../src/core/runs/config';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-run-settings-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What readMeta and recordedSettings say about config.json holding `meta`. */
async function verdicts(meta: Record<string, unknown>): Promise<{ reader: string; writer: unknown }> {
  await writeFile(join(dir, 'config.json'), JSON.stringify(meta));
  const reader = await new RunFolder(dir).readMeta('--run').then(
    () => 'accepted',
    (e: Error) => e.message,
  );
  return { reader, writer: recordedSettings(meta) };
}

describe("config.json's config, read once for every command", () => {
  it('no config field: both say so', async () => {
    const { reader, writer } = await verdicts({ runId: 'x' });
    expect(reader).toBe(`--run ${dir}: config.json holds an invalid config (it has no "config" field)`);
    expect(writer).toBe('is not a valid run config (it has no "config" field)');
  });

  it('a config that is not an object, and one with many problems: the same first issues, then a count', async () => {
    const notObject = await verdicts({ runId: 'x', config: 3 });
    expect(notObject.reader).toMatch(/holds an invalid config \(config: Invalid input/);
    expect(notObject.writer).toMatch(/^is not a valid run config \(config: Invalid input/);

    const config = { ...parseConfig(getPreset('mnist-2min').config), a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 };
    const many = await verdicts({ runId: 'x', config });
    const problem = recordedConfig({ config });
    expect('problem' in problem && problem.problem).toMatch(
      /^config\.a: "a" is not a field of the config .*; config\.e: "e" is not .*; and 2 more$/,
    );
    const text = 'problem' in problem ? problem.problem : '';
    expect(many.reader).toBe(`--run ${dir}: config.json holds an invalid config (${text})`);
    expect(many.writer).toBe(`is not a valid run config (${text})`);
  });

  it('a valid config reads the same through both', async () => {
    const config = parseConfig(getPreset('mnist-2min').config);
    await writeFile(join(dir, 'config.json'), JSON.stringify({ runId: 'x', config }));
    expect((await new RunFolder(dir).readMeta('--run')).config).toEqual(config);
    expect(recordedSettings({ runId: 'x', config })).toEqual({ config, extra: {} });
  });
});
