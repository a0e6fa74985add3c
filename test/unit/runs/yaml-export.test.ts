import { describe, expect, it } from 'vitest';
import { configToPaperYaml, configToPaperYamlFiles } from '../../../src/core/runs/yaml-export';
import { emitYaml, yamlNumber } from '../../../src/core/runs/yaml-emit';
import { parseConfig } from '../../../src/core/runs/config';
import { getPreset } from '../../../src/core/runs/presets';

const quick = parseConfig(getPreset('mnist-quick').config);

describe('YAML export shaped like es-lottery configs/train/*.yaml', () => {
  it('mnist-quick, SNR chain (snapshot)', () => {
    expect(configToPaperYaml(quick, 'snr')).toMatchSnapshot();
  });

  it("writes one file per chain with the code's baseline names and keep-fraction prune_ratio", () => {
    const files = configToPaperYamlFiles(quick);
    expect(files.map((f) => f.fileName)).toEqual([
      'mnist_pgpe_final-ticket.yaml',
      'mnist_pgpe_sig2noise.yaml',
      'mnist_pgpe_random-reinit.yaml',
    ]);
    expect(files[0].text).toMatch(/\n {4}baseline_name: "final-ticket"\n {4}prune_ratio: 0.8\n/);
    expect(files[0].text).toMatch(/\n {2}num_imp_iters: 12\n/);
    expect(files[0].text).toMatch(/\n {2}strategy_name: "PGPE"\n {2}popsize: 64\n/);
    // Lab-only settings are listed in the commented block, never as YAML keys.
    expect(files[0].text).toMatch(/\n# {3}es\.params\.sigmaSign: corrected\n/);
    expect(files[0].text).not.toMatch(/^\s*sigmaSign:/m);
  });

  it('maps control tasks to gymnax env names, episodes to n_repeats and test episodes to n_evaluations', () => {
    const paperPendulum = parseConfig({
      ...getPreset('pendulum-reduced').config,
      prune: { methods: ['magnitude'], rounds: 20 },
    });
    const text = configToPaperYaml(paperPendulum, 'magnitude');
    expect(text).toContain('env_name: "Pendulum-v1"');
    expect(text).toMatch(new RegExp(`n_repeats: ${paperPendulum.task.params.episodes}\\n`));
    expect(text).toMatch(new RegExp(`n_evaluations: ${paperPendulum.task.params.testEpisodes}\\n`));
    expect(text).toMatch(new RegExp(`max_steps: ${paperPendulum.task.params.maxSteps}\\n`));
    expect(() => configToPaperYaml(paperPendulum, 'snr')).toThrow(/not in this config/);
  });

  it('emits numbers PyYAML reads as floats and strings as JSON-quoted scalars', () => {
    expect(yamlNumber(1e-4)).toBe('0.0001');
    expect(yamlNumber(1e-7)).toBe('1.0e-7');
    expect(yamlNumber(2.5e-8)).toBe('2.5e-8');
    expect(yamlNumber(1e21)).toBe('1.0e+21');
    expect(yamlNumber(3)).toBe('3');
    expect(yamlNumber(NaN)).toBe('.nan');
    expect(emitYaml({ a: { b: 'x"y', c: [1, true] }, d: {} })).toBe('a:\n  b: "x\\"y"\n  c: [1, true]\nd: {}');
    expect(() => emitYaml({ 'bad key': 1 })).toThrow(/plain identifier/);
  });
});
