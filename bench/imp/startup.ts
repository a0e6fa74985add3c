export {};
/**
 * Start-up to the first generation of `lab imp --preset mnist-quick` in a fresh Node process, by phase
 * (ms since the process started, wall and process CPU): loading the CLI's modules, the tfjs backend,
 * the task data and network, waiting for the evaluation threads (--workers W; started first, as the CLI
 * does, so they load while this thread does), and the first generation (which includes the noise table
 * and generation 1's test evaluation). speed-bench.ts builds it into one file the way `npm run lab`
 * builds the CLI (scripts/cli-build.mjs) and runs it as a child:
 *   node dist-cli/bench/startup.js [W]              → one JSON line on stdout
 *   node --import tsx bench/imp/startup.ts [W]      (the same from source, through tsx)
 */
const workers = Number(process.argv[2] ?? 1);
const phases: Record<string, { wallMs: number; cpuMs: number }> = {};
const mark = (name: string) => {
  const u = process.cpuUsage();
  phases[name] = { wallMs: Math.round(performance.now()), cpuMs: Math.round((u.user + u.system) / 1000) };
};
mark('node ready');
const [{ configFromFlags }, { dataReader, useBackend }, { instantiate }, { runImp }, { startEvalThreads }] =
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
const threads = startEvalThreads(config, 'wasm', workers);
await useBackend('wasm');
mark('wasm backend');
const { task, net } = await instantiate(config, dataReader);
mark('task data + network');
const split = await threads.attach(task);
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
