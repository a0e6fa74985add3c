/**
 * Refusals that say what differs and what to do (docs/RELIABILITY.md: errors name the flag as typed):
 * `lab merge` names the config fields in which two folders differ, and each seed found in more than one
 * folder once, with those folders; `lab bundle --preset` names the fields in which the run is not the
 * preset; `lab transfer` says which chain, seed or round the source folder lacks and lists the ones it
 * has; an unknown flag of any command comes with the closest known one, in the same words everywhere. Each
 * used to give a bare "differs", a duplicated seed list, a list of file stems, or "(see --help)"; transfer
 * and the sweep subcommands first asked for the --from or FILE that the misspelt flag hid, and a
 * misspelt registry scope (`--ess.sigma_init`) got no suggestion, and then one that did not exist either
 * (`--ess.sigma_initt` → `--es.sigma_initt`); imp, gd and transfer refused a bad value of another flag
 * before the misspelt one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type ExperimentConfig } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';
import { ROUND_COLUMNS } from '../../../src/core/runs/csv';
import { checkPresetMatch } from '../../../src/cli/bundle-command';
import { missingTickets } from '../../../src/cli/gd/ticket-io';
import { RunFolder } from '../../../src/cli/run-folder';
import { runCli } from '../../helpers/cli';
import { COMMANDS } from '../../../src/cli/main';
import { SWEEP_SUBCOMMANDS } from '../../../src/cli/sweep/sweep-command';

const preset = parseConfig(getPreset('mnist-quick').config);
let root = '';

/** A run folder with `config` and finished rounds `rounds` ([seed, chain, round]); no round files. */
async function folder(name: string, config: ExperimentConfig, rounds: [number, string, number][] = []) {
  const dir = join(root, name);
  await new RunFolder(dir).create(config, { runId: name, command: `test ${name}` });
  const row = ([seed, chain, k]: [number, string, number]) =>
    `${seed},${chain},${k},0.000000,100.000,100,110,0.5,0.5,0.7,0.01,0.01,10,0.0000;0.0000`;
  await writeFile(join(dir, 'rounds.csv'), [ROUND_COLUMNS.join(','), ...rounds.map(row)].join('\n') + '\n');
  return dir;
}

const withSeeds = (seeds: number[], edit: Partial<ExperimentConfig> = {}) => parseConfig({ ...preset, ...edit, seeds });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lab-refusals-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('lab merge', () => {
  it('names the config fields in which a folder differs', async () => {
    const a = await folder('a', withSeeds([0]));
    const b = await folder('b', withSeeds([1], { prune: { ...preset.prune, rounds: 4 } }));
    const r = await runCli(['merge', '--runs', `${a},${b}`, '--out', join(root, 'm1')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `--runs: ${b} has a different config than ${a} (only seeds may differ): prune.rounds: 4 in ${b}, ${preset.prune.rounds} in ${a}\n`,
    );
  });

  it('names each seed given by several folders once, with those folders', async () => {
    const [a, b, c] = await Promise.all([
      folder('s01', withSeeds([0, 1])),
      folder('s12', withSeeds([1, 2, 3])),
      folder('s2', withSeeds([2, 3])),
    ]);
    await folder('s01-copy', withSeeds([0, 1]));
    const same = await runCli(['merge', '--runs', `${a},${a}-copy`, '--out', join(root, 'm2')]);
    expect(same.stderr).toContain(
      `each seed may come from one folder only, but seeds 0, 1 are in both ${a} and ${a}-copy\n`,
    );
    const chain = await runCli(['merge', '--runs', `${a},${b},${c}`, '--out', join(root, 'm3')]);
    expect(chain.stderr).toContain(`but seed 1 is in both ${a} and ${b}; seeds 2, 3 are in both ${b} and ${c}\n`);
  });
});

describe('lab bundle --preset', () => {
  it('names the fields in which the run is not the preset', () => {
    const run = parseConfig({ ...preset, budget: { ...preset.budget, generationsPerRound: 7 } });
    expect(() => checkPresetMatch(run, 'mnist-quick')).toThrow(
      `--preset mnist-quick: the run's config differs from the preset's (other than seeds) in budget.generationsPerRound: 7 in the run, ${preset.budget.generationsPerRound} in the preset; refusing`,
    );
    expect(() => checkPresetMatch(withSeeds([5]), 'mnist-quick')).not.toThrow();
  });
});

describe('lab transfer: the tickets the source folder lacks', () => {
  const rows = [0, 1].flatMap((seed) =>
    ['magnitude', 'snr'].flatMap((method) => [1, 2, 3].map((round) => ({ seed, method, round }))),
  );
  const lacks = (want: { method?: string; seeds?: number[]; rounds?: number[] }, have = rows) =>
    missingTickets(have, [0, 1], { method: 'snr', seeds: [0, 1], rounds: [2], ...want });

  it('names a chain the folder does not have, with its chains', () => {
    expect(lacks({ method: 'gd_magnitude' })).toBe(
      'has no chain gd_magnitude (its chains: magnitude, snr); choose one with --method',
    );
    expect(lacks({}, [])).toBe('has no finished rounds yet');
  });

  it('names a seed or round the folder does not have, with the ones it has, not a list of files', () => {
    expect(lacks({ seeds: [0, 4, 5] })).toBe('has no seeds 4, 5 (its seeds: 0, 1); choose with --seed');
    expect(lacks({ rounds: [2, 4] })).toBe(
      'has no finished round 4 of chain snr (its finished rounds: 1-3); choose with --rounds',
    );
    // Seed 1's round 3 is missing: the message names that seed, and each seed's rounds.
    const short = rows.filter((r) => !(r.seed === 1 && r.round === 3));
    expect(lacks({ rounds: [3] }, short)).toBe(
      'has no finished round 3 for seed 1 of chain snr (its finished rounds: seed 0: 1-3; seed 1: 1,2); choose with --rounds',
    );
    expect(lacks({ rounds: [1, 3] })).toBeNull();
  });

  it('the command refuses before training, naming the folder', async () => {
    const dir = await folder(
      'source',
      withSeeds([0, 1]),
      rows.map((r) => [r.seed, r.method, r.round]),
    );
    const chain = await runCli(['transfer', '--from', dir, '--rounds', '2', '--method', 'gd_magnitude']);
    expect(chain.code).toBe(2);
    expect(chain.stderr).toContain(`--from ${dir} has no chain gd_magnitude (its chains: magnitude, snr)`);
    const round = await runCli(['transfer', '--from', dir, '--rounds', '4']);
    expect(round.stderr).toContain(`--from ${dir} has no finished round 4 of chain snr (its finished rounds: 1-3)`);
  });
});

describe('unknown flags: the closest known one', () => {
  it.each([
    ['imp', '--seeds', '--seed'],
    ['imp', '--generations', '--gens'],
    ['imp', '--popSize', '--popsize'],
    ['imp', '--pruneFrac', '--prune-frac'],
    ['gd', '--epoch', '--epochs'],
    ['transfer', '--seeds', '--seed'],
    ['summarize', '--run', '--runs'],
    ['merge', '--run', '--runs'],
    ['bundle', '--runs', '--run'],
    ['lmc', '--method-B', '--method-b'],
    ['tour-evidence', '--recipes', '--recipe'],
  ])('%s %s: did you mean %s?', async (command, typed, meant) => {
    const needed = command === 'transfer' ? ['--from', join(root, 'never'), '--rounds', '2'] : [];
    const r = await runCli([command, ...needed, typed, '1', '--out', join(root, 'never')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`unknown flag ${typed} \\(did you mean ${meant}\\? known: --`));
  });

  it('sweep subcommands too', async () => {
    const r = await runCli(['sweep', 'plan', join(root, 'never.yaml'), '--outt', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sweep plan: unknown flag --outt \(did you mean --out\? known: --out /);
  });

  // Every command of the registry (main.ts COMMANDS, the sweep subcommands): `--zzzzzz` gives the one
  // message with the command's name and its known flags, and each of those flags misspelt is suggested.
  const everyCommand = [
    ...Object.keys(COMMANDS)
      .filter((c) => c !== 'sweep')
      .map((c) => ({ who: c, argv: [c] })),
    ...Object.keys(SWEEP_SUBCOMMANDS).map((sub) => ({
      who: `sweep ${sub}`,
      argv: ['sweep', sub, join(root, 'never')],
    })),
  ];
  it.each(everyCommand)('$who: every known flag misspelt is suggested', async ({ who, argv: command }) => {
    const r = await runCli([...command, '--zzzzzz', '1']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: ${who}: unknown flag --zzzzzz \\(known: --[^\n]*\\)\n$`));
    const known = r.stderr
      .slice(r.stderr.indexOf('known: ') + 'known: '.length, r.stderr.lastIndexOf(')'))
      .split(' ')
      .filter((f) => /^--[a-z][a-z0-9-]*$/i.test(f));
    expect(known.length).toBeGreaterThan(0);
    for (const flag of known) {
      const typo = `${flag.slice(0, 3)}q${flag.slice(3)}`; // one letter more after the first
      const t = await runCli([...command, typo, '1']);
      const meant = /unknown flag \S+ \(did you mean (.*?)\? known: /.exec(t.stderr)?.[1].split(' or ');
      expect(meant, `${who} ${typo}: ${t.stderr}`).toContain(flag);
    }
  });

  it('a registry parameter under a misspelt scope is suggested under the right one', async () => {
    const r = await runCli(['imp', '--ess.sigma_init', '0.1']);
    expect(r.stderr).toContain('imp: unknown flag --ess.sigma_init (did you mean --es.sigma_init? known: --task');
    const t = await runCli(['transfer', '--from', join(root, 'never'), '--rounds', '2', '--ess.sigma_init', '0.1']);
    expect(t.stderr).toContain('transfer: unknown flag --ess.sigma_init (did you mean --es.sigma_init? known: --from');
  });

  it("a misspelt scope and key is suggested as a flag that exists, from that scope's registry keys", async () => {
    const r = await runCli(['imp', '--ess.sigma_initt', '0.1']);
    expect(r.stderr).toContain('imp: unknown flag --ess.sigma_initt (did you mean --es.sigma_init? known: --task');
    const t = await runCli(['transfer', '--ess.sigma_initt', '0.1']);
    expect(t.stderr).toContain('transfer: unknown flag --ess.sigma_initt (did you mean --es.sigma_init? known: --from');
    const n = await runCli(['gd', '--nett.widthh', '8']);
    expect(n.stderr).toContain('gd: unknown flag --nett.widthh (did you mean --net.width? known: --task');
    const p = await runCli(['imp', '--prunee.permute_mask_weights.maskPermut', 'true']);
    expect(p.stderr).toContain('did you mean --prune.permute_mask_weights.maskPermute?');
  });

  it('without a close one, the known flags are listed', async () => {
    const r = await runCli(['imp', '--zzz', '1']);
    expect(r.stderr).toContain('unknown flag --zzz (known: --task --net --es ');
    expect(r.stderr).toContain('--es.<p> --net.<p> --task.<p> --prune.<method>.<p>)');
  });
});

// Unknown flags are refused before any flag's value is read, by every command: imp, gd and transfer read
// --preset, --rounds, the GD flags or --from first, so the misspelt flag was hidden behind that refusal.
describe('unknown flags come first', () => {
  it.each([
    ['imp', ['--preset', 'nope']],
    ['imp', ['--rounds', '99']],
    ['gd', ['--preset', 'nope']],
    ['gd', ['--lr', '-1']],
    ['gd', ['--es', 'snes']],
    ['transfer', ['--epochs', '0']],
    ['transfer', ['--to-gd', '--to-es', 'snes']],
    ['summarize', ['--out', '']],
    ['merge', ['--runs', 'a']],
    ['bundle', ['--seeds', 'x']],
    ['tour-evidence', ['--recipe', '']],
    ['lmc', ['--test-images', '-1']],
  ])('%s --roundz 3 %j: the unknown flag is named', async (command, bad) => {
    const r = await runCli([command, '--roundz', '3', ...bad]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: ${command}: unknown flag --roundz \\(`));
  });
});
