/**
 * `npm run bench`: runs every benchmark on each Node tfjs backend, prints one table per benchmark and
 * writes bench/results/<name>.json. Speed goals live here, never in timed tests (they are noisy).
 * Flags: --only es|nets|control|locomotion|imp|speed|cpu-workers (comma list), --backends wasm,cpu (control
 * runs on the active backend); speed: --repeats N, --gens G, --whole (adds the whole 12-round mnist-quick run,
 * minutes). Opt-in, run only when named in --only (minutes each, and they need the system Chromium):
 * cpu-workers (the classroom preset in the built app in Chromium with 1 and 2 CPU workers; --repeats N, default 1).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { printTable, writeResults, type BenchRow as Row } from './report';

const BENCHES: Record<string, () => Promise<Row[]>> = {
  es: async () => (await import('./es/es-bench')).runEsBench(backends),
  nets: async () => (await import('./nets/nets-bench')).runNetsBench(backends),
  control: async () => (await import('./control/control-bench')).runControlBench({ tfjs: false }),
  locomotion: async () => (await import('./locomotion/locomotion-bench')).runLocomotionBench(),
  imp: async () => {
    const { runImpBench } = await import('./imp/imp-bench');
    const rows: Row[] = [];
    for (const b of backends) {
      await tf.setBackend(b);
      await tf.ready();
      rows.push(...(await runImpBench(b === 'cpu' ? 5 : 60)));
    }
    return rows;
  },
  speed: async () =>
    (await import('./imp/speed-bench')).runSpeedBench({
      gens: Number(flag('gens') ?? 150),
      repeats: Number(flag('repeats') ?? 3),
      whole: argv.includes('--whole'),
    }),
  'cpu-workers': async () =>
    (await import('./imp/browser-workers')).runBrowserWorkersBench({ repeats: Number(flag('repeats') ?? 1) }),
};
/** Benchmarks left out of a run without --only (see the header). */
const OPT_IN = new Set(['cpu-workers']);

const argv = process.argv.slice(2);
const flag = (n: string) => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const only = flag('only')?.split(',') ?? Object.keys(BENCHES).filter((n) => !OPT_IN.has(n));
const backends = (flag('backends') ?? 'wasm,cpu').split(',');

await tf.setBackend('wasm');
await tf.ready();
for (const name of only) {
  const run = BENCHES[name];
  if (!run) {
    console.error(`unknown benchmark "${name}" (have: ${Object.keys(BENCHES).join(', ')})`);
    process.exit(2);
  }
  const rows = await run();
  printTable(rows, name);
  await writeResults(name, rows);
}
