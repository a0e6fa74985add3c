/**
 * `lab sweep plan FILE [--out DIR]`: the runs a sweep file expands to (index = Slurm array task id, run id,
 * seed, configuration) with an estimated time per run from the benchmark tables (core/sweep/cost.ts);
 * with --out, also how far each run got in that sweep folder. Reads only.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { estimateRunCost, formatDuration, type BenchTables } from '../../core/sweep/cost';
import type { SweepPlan } from '../../core/sweep/expand';
import { CliError } from '../args';
import { REPO_ROOT } from './lab-invocation';
import { loadSweepFile } from './read-sweep';
import { runState, SweepDir } from './sweep-dir';
import type { RunFolderStatus } from '../run-state';
import type { SweepSubcommand } from './sweep-command';

/** bench/results/*.json of this checkout, by file name without `.json` (unreadable files are left out). */
export async function readBenchTables(dir = join(REPO_ROOT, 'bench', 'results')): Promise<BenchTables> {
  const out: Record<string, unknown> = {};
  for (const f of await readdir(dir).catch(() => [] as string[])) {
    if (!f.endsWith('.json') || f.endsWith('.tmp.json')) continue;
    try {
      out[f.slice(0, -'.json'.length)] = JSON.parse(await readFile(join(dir, f), 'utf8')) as unknown;
    } catch {
      // a damaged table only loses its estimates
    }
  }
  return out;
}

export function stateText(s: RunFolderStatus): string {
  switch (s.state) {
    case 'absent':
      return 'not started';
    case 'complete':
      return 'complete';
    case 'partial':
      return `${s.done}/${s.total} rounds`;
    case 'foreign':
      return 'unusable folder';
  }
}

/** Where the benchmark numbers come from: "imp.json: AMD EPYC, 2 CPUs, Node v20.20.2, 2026-11-25". */
function machineNotes(tables: BenchTables, bases: readonly string[]): string[] {
  const files = [...new Set(bases.map((b) => /^(\w+)\.json/.exec(b)?.[1]).filter((f): f is string => !!f))];
  return files.map((f) => {
    const m = (tables[f] as { machine?: Record<string, unknown> } | undefined)?.machine ?? {};
    const load = Array.isArray(m.loadavg) ? `, load ${(m.loadavg as number[])[0]}` : '';
    return `  ${f}.json measured on ${String(m.cpuModel ?? '?')}, ${String(m.cpus ?? '?')} CPUs, Node ${String(m.node ?? '?')}, ${String(m.date ?? '?').slice(0, 10)}${load}`;
  });
}

export function planText(
  plan: SweepPlan,
  tables: BenchTables,
  backend: string,
  states?: readonly RunFolderStatus[],
): string {
  const costs = plan.configs.map((c) => estimateRunCost(c.config, tables, backend));
  const byConfig = new Map(plan.configs.map((c, i) => [c.index, costs[i]]));
  const head = `sweep ${plan.name}: ${plan.configs.length} configuration${plan.configs.length > 1 ? 's' : ''} × ${plan.runs.length / plan.configs.length} seeds = ${plan.runs.length} runs (plan ${plan.planId})`;
  const lines = [head, plan.axes.length ? `axes: ${plan.axes.join(', ')}` : 'no axes: the base config only', ''];
  const cols = ['index', 'run id'.padEnd(16), 'seed', 'est. time', ...(states ? ['status'] : []), 'configuration'];
  lines.push(cols.join('  '));
  plan.runs.forEach((r, i) => {
    const cost = byConfig.get(r.configIndex)!;
    const label = plan.configs.find((c) => c.index === r.configIndex)!.label;
    lines.push(
      [
        String(r.index).padStart(5),
        r.runId,
        String(r.seed).padStart(4),
        (cost.ok ? formatDuration(cost.ms) : '?').padStart(9),
        ...(states ? [stateText(states[i]).padEnd(16)] : []),
        label,
      ].join('  '),
    );
  });
  const known = costs.filter((c) => c.ok);
  const totalMs = plan.configs.reduce((s, c, i) => {
    const cost = costs[i];
    return s + (cost.ok ? cost.ms * c.config.seeds.length : 0);
  }, 0);
  lines.push('');
  lines.push(
    `estimated total: ${formatDuration(totalMs)} of one CPU core on the ${backend} backend` +
      (known.length < costs.length ? ` (${costs.length - known.length} configurations without an estimate)` : '') +
      ', scaled from the closest benchmark setting; start-up, data loading and test evaluations not counted:',
  );
  // One line per distinct basis (configurations often share it).
  const groups = new Map<string, string[]>();
  plan.configs.forEach((c, i) => {
    const cost = costs[i];
    const key = cost.ok
      ? `${cost.msPerGen.toFixed(1)} ms/gen × ${cost.generations} generations per seed, from ${cost.basis}`
      : `no estimate: ${cost.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), c.label]);
  });
  for (const [key, labels] of groups)
    lines.push(`  ${key} (${labels.length === plan.configs.length ? 'every configuration' : labels.join('; ')})`);
  lines.push(
    ...machineNotes(
      tables,
      costs.flatMap((c) => (c.ok ? [c.basis] : [])),
    ),
  );
  return lines.join('\n');
}

export const planCommand: SweepSubcommand = {
  usage: 'plan FILE [--out DIR] [--backend wasm|cpu]',
  summary: 'list the runs (index, run id, seed, configuration) with an estimated time; --out adds their status',
  flags: new Set(['out', 'backend']),
  async run(file, flags) {
    const backend = flags.get('backend') ?? 'wasm';
    if (backend !== 'wasm' && backend !== 'cpu') throw new CliError(`--backend must be wasm or cpu (got "${backend}")`);
    const out = flags.get('out');
    const dir = out && out !== 'true' ? new SweepDir(out) : null;
    const { plan } = await loadSweepFile(file, { stored: dir?.keeps(file) ?? false });
    const states = dir ? await Promise.all(plan.runs.map((r) => runState(dir.runDir(r.runId), r.config))) : undefined;
    process.stdout.write(planText(plan, await readBenchTables(), backend, states) + '\n');
  },
};
