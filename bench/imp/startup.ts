export {};
/**
 * Start-up to the first generation of `lab imp --preset mnist-quick` in a fresh Node process, by phase
 * (ms since the process started, wall and process CPU): loading the CLI's modules, the tfjs backend,
 * the task data and network, the evaluation threads (--workers W), and the first generation (which
 * includes the noise table and generation 1's test evaluation). Run as a child by speed-bench.ts:
 *   node --import tsx bench/imp/startup.ts [W]     → one JSON line on stdout
 */
const workers = Number(process.argv[2] ?? 1);
const phases: Record<string, { wallMs: number; cpuMs: number }> = {};
const mark = (name: string) => {
  const u = process.cpuUsage();
  phases[name] = { wallMs: Math.round(performance.now()), cpuMs: Math.round((u.user + u.system) / 1000) };
};
mark('node + tsx ready');
const [{ configFromFlags }, { dataReader, useBackend }, { instantiate }, { runImp }, { startNodeSplit }] =
  await Promise.all([
    import('../../src/cli/config-from-flags'),
    import('../../src/cli/node-io'),
    import('../../src/core/experiments/setup'),
    import('../../src/core/experiments/imp'),
    import('../../src/cli/eval-threads'),
    import('../../src/cli/imp-command'), // the command's whole module graph, as `lab imp` loads it
  ]);
mark('modules loaded');
const config = configFromFlags(
  new Map([
    ['preset', 'mnist-quick'],
    ['rounds', '1'],
    ['gens', '1'],
  ]),
);
await useBackend('wasm');
mark('wasm backend');
const { task, net } = await instantiate(config, dataReader);
mark('task data + network');
const split = await startNodeSplit(task, config, 'wasm', workers);
mark(`evaluation threads (${split.evaluator?.threads ?? 1})`);
let first = false;
await runImp({
  config,
  seed: 0,
  net,
  task,
  ...(split.evaluator ? { evaluator: split.evaluator } : {}),
  reportEvery: 1,
  onEvent: (e) => {
    if (e.type === 'generation' && !first) {
      first = true;
      mark('first generation done');
    }
  },
});
split.evaluator?.close();
task.dispose();
process.stdout.write(JSON.stringify(phases) + '\n');
process.exit(0);
