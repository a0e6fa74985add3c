/**
 * Builds an experiment config from CLI flags (optionally on top of a preset) and validates it through
 * runs/config.ts. Flags: --task --net --es --prune (comma list) --rounds --prune-frac --scope --gens
 * --eval-every --popsize --seed --mean-decay --centered-rank --sigma-mode, plus per-registry params.
 */
import {
  parseConfig,
  ConfigError,
  sigmaModeIgnored,
  type ExperimentConfig,
  type ExperimentConfigInput,
} from '../core/runs/config';
import { setOwnKey } from '../core/runs/proto-key';
import { getPreset } from '../core/runs/presets';
import { boolFlag, CliError, coerce, intFlag, numFlag, pathFlag, refuseUnknownFlags, seedList } from './args';
import { REGISTRY_PARAM_FLAGS } from './registry-flags';

/** Config field path → the flag that sets it, so validation errors name the flag the user typed. */
const FLAG_OF_PATH: Record<string, string> = {
  'task.id': '--task',
  'network.id': '--net',
  'es.id': '--es',
  'prune.methods': '--prune',
  'prune.rounds': '--rounds',
  'prune.pruneFrac': '--prune-frac',
  'budget.generationsPerRound': '--gens',
  'budget.evalEvery': '--eval-every',
  'es.popSize': '--popsize',
  seeds: '--seed',
  'es.meanDecay': '--mean-decay',
  'es.centeredRank': '--centered-rank',
  'es.sigmaMode': '--sigma-mode',
  'prune.scope': '--scope',
  'prune.params': '--prune',
};

export function flagFor(path: string): string {
  if (FLAG_OF_PATH[path]) return FLAG_OF_PATH[path];
  const m = /^(es|network|task)\.params\.(.+)$/.exec(path);
  if (m) return `--${m[1] === 'network' ? 'net' : m[1]}.${m[2]}`;
  const p = /^prune\.params\.(.+)$/.exec(path);
  if (p) return `--prune.${p[1]}`;
  if (/^prune\.methods\.\d+$/.test(path)) return '--prune';
  if (/^seeds\.\d+$/.test(path)) return '--seed';
  // Fields no flag sets come from the preset (--preset): say so rather than print a bare path.
  return `the preset's ${path}`;
}

/**
 * An issue as the CLI prints it: the flag first, then the message without the config path that the
 * experiment fields' messages start with ("prune.scope must be one of …"), so it names only what was typed.
 */
function flagIssue(i: { readonly path: string; readonly message: string }): string {
  const message = i.message.startsWith(`${i.path} `) ? i.message.slice(i.path.length + 1) : i.message;
  return `${flagFor(i.path)}: ${message}`;
}

function structuredClone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export const KNOWN_FLAGS = new Set([
  'task',
  'net',
  'es',
  'prune',
  'rounds',
  'prune-frac',
  'scope',
  'gens',
  'eval-every',
  'popsize',
  'seed',
  'mean-decay',
  'centered-rank',
  'sigma-mode',
  'preset',
  'out',
  'backend',
  'quiet',
  'report-every',
  'workers',
]);

/**
 * Config field names that stand for a flag (generationsPerRound → gens, seeds → seed, network → net), so
 * that a flag named after its field, such as `--generations`, gets its flag suggested.
 */
export const FLAG_ALIASES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(FLAG_OF_PATH).flatMap(([path, flag]) => {
    const parts = path.split('.');
    const name = parts[parts.length - 1] === 'id' ? parts[0] : parts[parts.length - 1];
    return name === 'params' ? [] : [[name, flag.slice(2)]];
  }),
);

/**
 * Refuses a flag that is neither imp's (KNOWN_FLAGS), nor one of `alsoKnown` (flags the caller reads
 * itself: gd's), nor a registry parameter flag; `who` names the command. Before any value is read (args.ts
 * refuseUnknownFlags): gd calls it too, before it reads its own flags.
 */
export function refuseUnknownConfigFlags(flags: Map<string, string>, alsoKnown: readonly string[], who: string): void {
  refuseUnknownFlags(flags, [...KNOWN_FLAGS, ...alsoKnown], who, {
    aliases: FLAG_ALIASES,
    scoped: REGISTRY_PARAM_FLAGS,
  });
}

/**
 * `alsoKnown`: flags the caller read itself (gd's), named in the unknown-flag message; `who`: the command,
 * which that message names.
 */
export function configFromFlags(
  flags: Map<string, string>,
  alsoKnown: readonly string[] = [],
  who = 'imp',
): ExperimentConfig {
  refuseUnknownConfigFlags(flags, alsoKnown, who);
  const presetId = flags.get('preset');
  const base: ExperimentConfigInput = presetId
    ? structuredClone(getPresetOrThrow(presetId).config)
    : {
        task: { id: 'mnist', params: { pool: '14x14', batchSize: 256 } },
        network: { id: 'mlp', params: {} },
        es: { id: 'pgpe', popSize: 64, centeredRank: true, params: {} },
        prune: { methods: ['magnitude', 'snr', 'random_reinit'], rounds: 8 },
        budget: { generationsPerRound: 300, evalEvery: 50 },
        seeds: [0],
      };
  const cfg = base as ExperimentConfigInput & Record<string, unknown>;
  if (flags.has('task') && flags.get('task') !== cfg.task.id) cfg.task = { id: flags.get('task')!, params: {} };
  if (flags.has('net') && flags.get('net') !== cfg.network.id) cfg.network = { id: flags.get('net')!, params: {} };
  if (flags.has('es') && flags.get('es') !== cfg.es.id) cfg.es = { ...cfg.es, id: flags.get('es')!, params: {} };
  if (flags.has('prune'))
    cfg.prune = {
      ...cfg.prune,
      methods: flags
        .get('prune')!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      params: {},
    };
  const rounds = intFlag(flags, 'rounds', 1, 40);
  if (rounds !== undefined) cfg.prune.rounds = rounds;
  const pf = numFlag(flags, 'prune-frac', 0.01, 0.9);
  if (pf !== undefined) cfg.prune.pruneFrac = pf;
  if (flags.has('scope')) cfg.prune.scope = flags.get('scope') as 'global' | 'layerwise';
  applyTrainingFlags(cfg, flags);
  const md = numFlag(flags, 'mean-decay', 0, 0.1);
  if (md !== undefined) cfg.es.meanDecay = md;
  if (flags.has('centered-rank')) cfg.es.centeredRank = boolFlag(flags, 'centered-rank');
  if (flags.has('sigma-mode')) cfg.es.sigmaMode = flags.get('sigma-mode') as 'paper' | 'sC' | 'true';
  if (flags.has('seed')) cfg.seeds = seedList(flags.get('seed')!);
  pathFlag(flags, 'out', 'a folder, e.g. --out runs-out/my-run');

  // Only registry parameter flags are left to read (refuseUnknownConfigFlags let no other flag through).
  for (const [k, v] of flags) {
    const dot = k.indexOf('.');
    if (dot < 0) continue;
    const scope = k.slice(0, dot),
      name = k.slice(dot + 1);
    // Keys the user names are added as own keys (proto-key.ts), so `--es.__proto__` reaches parseConfig's
    // check instead of being dropped by an assignment and running the plain config under its run id.
    const withParam = <V>(params: Readonly<Record<string, V>> | undefined, param: string, value: V) => {
      const out: Record<string, V> = { ...(params ?? {}) };
      setOwnKey(out, param, value);
      return out;
    };
    if (scope === 'es') cfg.es.params = withParam(cfg.es.params, name, coerce(v));
    else if (scope === 'net') cfg.network.params = withParam(cfg.network.params, name, coerce(v));
    else if (scope === 'task') cfg.task.params = withParam(cfg.task.params, name, coerce(v));
    else if (scope === 'prune') {
      const [method, param] = [name.slice(0, name.indexOf('.')), name.slice(name.indexOf('.') + 1)];
      if (!method || !param) throw new CliError(`--prune.<method>.<param> expected (got --${k})`);
      const params = cfg.prune.params ?? {};
      const own = Object.prototype.hasOwnProperty.call(params, method) ? params[method] : undefined;
      cfg.prune.params = withParam(params, method, withParam(own, param, coerce(v)));
    }
  }
  let config: ExperimentConfig;
  try {
    config = parseConfig(cfg);
  } catch (e) {
    if (e instanceof ConfigError) {
      throw new CliError(e.issues.map(flagIssue).join('\n'));
    }
    throw e;
  }
  // A flag that would change the run id and nothing else is refused: it would only keep `merge` from
  // combining this run with its twins.
  const ignored = flags.has('sigma-mode') ? sigmaModeIgnored(config.es.id) : null;
  if (ignored) throw new CliError(flagIssue({ path: 'es.sigmaMode', message: ignored }));
  return config;
}

/** The ES training flags `lab imp` and `lab transfer` share: --gens, --eval-every, --popsize (into `cfg`). */
export function applyTrainingFlags(
  cfg: { budget: { generationsPerRound?: number; evalEvery?: number }; es: { popSize?: number } },
  flags: Map<string, string>,
): void {
  const gens = intFlag(flags, 'gens', 1, 100000);
  if (gens !== undefined) cfg.budget.generationsPerRound = gens;
  const ee = intFlag(flags, 'eval-every', 1, 100000);
  if (ee !== undefined) cfg.budget.evalEvery = ee;
  const pop = intFlag(flags, 'popsize', 4, 4096);
  if (pop !== undefined) cfg.es.popSize = pop;
}

function getPresetOrThrow(id: string) {
  try {
    return getPreset(id);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}
