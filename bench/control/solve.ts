/**
 * `npx tsx bench/control/solve.ts [--task cartpole] [--strategy sep_cma_es] [--gens 100] [--pop 32]
 *  [--width 16] [--episodes 4] [--sigma 0.1] [--mean-decay 0] [--target 475] [--seed 0]`:
 * solvability check for the control tasks (docs/ALGORITHMS.md §12 `cartpole-reduced`: Sep-CMA-ES,
 * P = 32, σ0 = 0.1, 4 episodes, MLP 4→16→16→2 tanh). Runs the ES through the same TaskInstance the
 * lab uses and prints the mean's test return (64 fixed episodes) every 10 generations. Exit code 0
 * iff the final test return reaches `--target` (default 475, CartPole-v1's "solved" threshold).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { EsRunner } from '../../src/core/es/run-strategy';
import { getNetwork } from '../../src/core/nets/registry';
import { Rng } from '../../src/core/rng';
import { CONTROL_TASKS, controlEnvOfTask } from '../../src/core/tasks/control';

const argv = process.argv.slice(2);
const flag = (n: string, d: string) => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? argv[i + 1] : d;
};
const taskId = flag('task', 'cartpole');
const strategyId = flag('strategy', 'sep_cma_es');
const gens = Number(flag('gens', '100'));
const popSize = Number(flag('pop', '32'));
const width = Number(flag('width', '16'));
const target = Number(flag('target', '475'));
const seed = Number(flag('seed', '0'));

await tf.setBackend('wasm');
await tf.ready();
const def = CONTROL_TASKS.find((t) => t.id === taskId);
if (!def) throw new Error(`unknown control task ${taskId}`);
const root = new Rng(seed);
const task = await def.load(
  { episodes: Number(flag('episodes', '4')) },
  { readBytes: async () => new Uint8Array() },
  root.split('task'),
);
const env = controlEnvOfTask(taskId);
const net = getNetwork('policy_mlp').build(
  { hiddenLayers: 2, width, activation: 'tanh', outputActivation: env.policyOutputActivation },
  task.io,
);
const runner = EsRunner.create(
  {
    strategyId,
    popSize,
    dim: net.paramCount,
    rng: root.split('es'),
    params: { sigma_init: Number(flag('sigma', '0.1')) },
    meanDecay: Number(flag('mean-decay', '0')),
  },
  net.init(root.split('init')),
);

async function testReturn(): Promise<number> {
  const mean = runner.meanTensor();
  const m2 = tf.reshape(mean, [1, net.paramCount]) as tf.Tensor2D;
  const [r] = await task.evaluateTest(net, m2);
  tf.dispose([mean, m2]);
  return r.perf;
}

console.log(`${def.label} · ${net.describe} (D = ${net.paramCount}) · ${strategyId} P = ${popSize} · ${gens} gens`);
const t0 = performance.now();
let perf = await testReturn();
console.log(`gen 0: test return ${perf.toFixed(1)}`);
const evalRng = root.split('episodes');
for (let g = 1; g <= gens; g++) {
  const x = runner.ask();
  const { scores } = task.evaluatePopulation(net, x, evalRng.split(g));
  runner.tell(x, scores);
  tf.dispose([x, scores]);
  if (g % 10 === 0 || g === gens) {
    perf = await testReturn();
    console.log(
      `gen ${g}: test return ${perf.toFixed(1)}, best train ${runner.best.score.toFixed(1)}, ${((performance.now() - t0) / g).toFixed(0)} ms/gen, tensors ${tf.memory().numTensors}`,
    );
  }
}
console.log(perf >= target ? `SOLVED: ${perf.toFixed(1)} ≥ ${target}` : `NOT SOLVED: ${perf.toFixed(1)} < ${target}`);
process.exit(perf >= target ? 0 : 1);
