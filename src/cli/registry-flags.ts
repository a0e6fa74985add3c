/**
 * The registry parameter flags of imp, gd and transfer — `--es.<param>`, `--net.<param>`, `--task.<param>`,
 * `--prune.<method>.<param>` — with the keys that exist under each scope, read from the registries'
 * ParamSpecs (docs/ARCHITECTURE.md convention 3). The unknown-flag refusal (args.ts) suggests a misspelt
 * scope's parameter from these, so it never suggests a flag that does not exist either.
 */
import type { ScopedFlags } from './args';
import type { ParamSpecs } from '../core/params';
import { STRATEGIES } from '../core/es/registry';
import { NETWORKS } from '../core/nets/registry';
import { TASKS } from '../core/tasks/registry';
import { PRUNE_METHODS } from '../core/prune/registry';

/** The scoped flags of `scope`: each key of `defs`' ParamSpecs once (`prefix` puts a method id first). */
function scoped(
  scope: string,
  usage: string,
  defs: readonly { readonly id: string; readonly paramSpecs: ParamSpecs }[],
  prefix?: (id: string) => string,
): ScopedFlags {
  const keys = defs.flatMap((d) => Object.keys(d.paramSpecs).map((k) => `${prefix?.(d.id) ?? ''}${k}`));
  return { scope, usage, keys: [...new Set(keys)] };
}

/** `--es.<param>`: a hyperparameter of the evolution strategy (every strategy's, from its ParamSpecs). */
export const ES_PARAM_FLAGS = scoped('es', '--es.<p>', STRATEGIES);

/** Every registry parameter flag imp and gd take. */
export const REGISTRY_PARAM_FLAGS: readonly ScopedFlags[] = [
  ES_PARAM_FLAGS,
  scoped('net', '--net.<p>', NETWORKS),
  scoped('task', '--task.<p>', TASKS),
  scoped('prune', '--prune.<method>.<p>', PRUNE_METHODS, (id) => `${id}.`),
];
