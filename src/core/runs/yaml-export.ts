/**
 * The config as training configs of the paper's code (a YAML file shaped like the
 * paper's code's training configs), so a classroom result can be re-run at full scale with es-lottery's JAX code
 * on GPUs. The keys mirror es-lottery `configs/train/{mnist,gym}.yaml` (train_config with env_name,
 * num_generations, eval_every_gen, strategy_name, popsize, es_config, model_config, task_config,
 * es_params, eval_config, num_imp_iters, imp_config, network_to_prune, fixed_seed; then log_config and
 * device_config). es-lottery runs ONE pruning chain (`baseline_name`) per config and takes the seed from
 * its launcher, so a lab config becomes one file per method; everything without a counterpart is listed
 * in a commented block at the end.
 *
 * Mapping (docs/ALGORITHMS.md §3.2: the code's prune_ratio is the KEEP fraction, 1 − p).
 */
import type { ExperimentConfig } from './config';
import { numberParam } from '../params';
import { getTask } from '../tasks/registry';
import { CODE_BASELINE_NAMES, CODE_ENV_NAMES, CODE_STRATEGY_NAMES } from './paper-code-names';
import { emitYaml, yamlComment, yamlNumber, type YamlMap, type YamlScalar } from './yaml-emit';
import { runId } from './hash';

/** evosax hyperparameter names are snake_case; camelCase params are the lab's own options. */
const isEvosaxName = (k: string) => /^[a-z0-9_]+$/.test(k);
const PAPER_VISION_SIDE = '28x28';
/** The lab's Adam β params: optimizer settings in evosax 0.1.4, not strategy constructor arguments. */
const ADAM_BETAS = new Set(['adam_beta1', 'adam_beta2']);

function networkYaml(config: ExperimentConfig, vision: boolean, unmapped: string[]): YamlMap {
  const p = config.network.params;
  const num = (k: string) => numberParam(p, k, 'network.params');
  if (config.network.id === 'cnn') {
    const dense = num('hiddenDense');
    return { hidden_layers: dense, hidden_dims: dense > 0 ? num('hiddenWidth') : 0 };
  }
  if (vision)
    unmapped.push(
      `network: ${config.network.id} (es-lottery's vision network is the CNN; hidden_layers/hidden_dims there add dense layers after the convolutions)`,
    );
  for (const k of ['activation', 'outputActivation']) unmapped.push(`network.params.${k}: ${String(p[k])}`);
  return { hidden_layers: num('hiddenLayers'), hidden_dims: num('width') };
}

function taskYaml(config: ExperimentConfig, vision: boolean, unmapped: string[]): { task: YamlMap; evalCfg: YamlMap } {
  const p = config.task.params;
  const mapped = vision ? ['batchSize'] : ['maxSteps', 'episodes', 'testEpisodes'];
  for (const [k, v] of Object.entries(p)) {
    if (mapped.includes(k)) continue;
    const note = vision && k === 'pool' && v !== PAPER_VISION_SIDE ? ' (es-lottery trains on 28×28 images)' : '';
    unmapped.push(`task.params.${k}: ${String(v)}${note}`);
  }
  const num = (k: string) => numberParam(p, k, 'task.params');
  return vision
    ? { task: { batch_size: num('batchSize') }, evalCfg: { n_repeats: 1, test_n_repeats: 1, n_evaluations: 1 } }
    : {
        task: { max_steps: num('maxSteps') },
        evalCfg: { n_repeats: num('episodes'), test_n_repeats: 1, n_evaluations: num('testEpisodes') },
      };
}

/** YAML text of one pruning chain (`method`, a registry id in config.prune.methods). */
export function configToPaperYaml(config: ExperimentConfig, method: string): string {
  if (!config.prune.methods.includes(method))
    throw new Error(`method "${method}" is not in this config (${config.prune.methods.join(', ')})`);
  const vision = getTask(config.task.id).kind === 'vision';
  const unmapped: string[] = [];
  const esConfig: Record<string, YamlScalar> = {
    mean_decay: config.es.meanDecay,
    centered_rank: config.es.centeredRank,
    z_score: config.es.zScore,
    w_decay: config.es.wDecay,
  };
  for (const [k, v] of Object.entries(config.es.params)) {
    // es_config keys become strategy arguments in es-lottery; Adam's betas are not among them.
    if (ADAM_BETAS.has(k))
      unmapped.push(`es.params.${k}: ${String(v)} (an Adam optimizer setting in evosax, not an es_config key)`);
    else if (isEvosaxName(k)) esConfig[k] = v;
    else unmapped.push(`es.params.${k}: ${String(v)}`);
  }
  const { task, evalCfg } = taskYaml(config, vision, unmapped);
  const model = networkYaml(config, vision, unmapped);
  const baseline = CODE_BASELINE_NAMES[method];
  if (!baseline) unmapped.push(`prune method: ${method} (no es-lottery baseline_name; "final-ticket" written instead)`);
  unmapped.push(
    `seeds: [${config.seeds.join(', ')}] (es-lottery takes seed_id from its launcher: run this file once per seed)`,
    `prune.scope: ${config.prune.scope}${config.prune.scope === 'global' ? " (= es-lottery's global threshold)" : ' (es-lottery prunes globally)'}`,
    `es.sigmaMode: ${config.es.sigmaMode} (σ used for SNR pruning with Sep-CMA-ES, docs/ALGORITHMS.md §1.5)`,
    `backend: ${config.backend}`,
  );
  for (const [k, v] of Object.entries(config.prune.params[method] ?? {}))
    unmapped.push(`prune.params.${method}.${k}: ${String(v)}`);
  const strategy = CODE_STRATEGY_NAMES[config.es.id] ?? config.es.id;

  const doc: YamlMap = {
    train_config: {
      env_name: CODE_ENV_NAMES[config.task.id] ?? config.task.id,
      num_generations: config.budget.generationsPerRound,
      eval_every_gen: config.budget.evalEvery,
      strategy_name: strategy,
      popsize: config.es.popSize,
      normalize_obs: false,
      es_config: esConfig,
      model_config: model,
      task_config: task,
      es_params: { init_min: 0, init_max: 0 },
      eval_config: evalCfg,
      num_imp_iters: config.prune.rounds,
      imp_config: {
        baseline_name: baseline ?? 'final-ticket',
        prune_ratio: Number((1 - config.prune.pruneFrac).toPrecision(12)),
        modules_not_to_prune: [],
      },
      network_to_prune: 'final',
      fixed_seed: false,
    },
    log_config: {
      time_to_track: ['imp_iter', 'num_gens'],
      what_to_track: [
        'final_perf',
        'best_perf',
        'test_perf',
        'train_perf',
        'sparsity',
        'trainable_params',
        'pruned_params',
        'prunable_params',
        'prune_threshold',
      ],
      what_to_print: ['final_perf', 'best_perf', 'test_perf', 'sparsity'],
      verbose: true,
      print_every_k_updates: 1,
      overwrite: 1,
      model_type: 'jax',
      use_wandb: false,
    },
    device_config: { device_type: 'gpu', num_devices: 1 },
  };
  const header = yamlComment([
    `ES Lottery Lab run ${runId(config)}: pruning chain "${method}" as an es-lottery train config.`,
    'Re-run at full scale with https://github.com/RobertTLange/es-lottery (one file per chain and seed).',
    `es_config lists the lab's ES hyperparameters; es-lottery's defaults come from src/es/tuned_hparams/*.py.`,
    `prune_ratio is the KEEP fraction per round: ${yamlNumber(Number((1 - config.prune.pruneFrac).toPrecision(12)))} = 1 − p.`,
  ]);
  const footer = yamlComment([
    'Lab settings with no counterpart in es-lottery train configs:',
    ...unmapped.map((l) => `  ${l}`),
  ]);
  // A blank line between top-level sections, as in es-lottery's files.
  const body = Object.entries(doc)
    .map(([k, v]) => emitYaml({ [k]: v }))
    .join('\n\n');
  return `${header}\n${body}\n\n${footer}\n`;
}

/** One YAML file per pruning chain: `{task}_{strategy}_{baseline}.yaml`. */
export function configToPaperYamlFiles(config: ExperimentConfig): { fileName: string; text: string }[] {
  return config.prune.methods.map((method) => ({
    fileName: `${config.task.id}_${config.es.id}_${CODE_BASELINE_NAMES[method] ?? method}.yaml`,
    text: configToPaperYaml(config, method),
  }));
}
