/**
 * How many MuJoCo simulations fit in memory (docs/RELIABILITY.md "MuJoCo memory"). Every episode that
 * runs at the same time is one MjData copy (sim.ts), and each copy reserves MuJoCo's default arena —
 * about 14 MB for the gym models — inside the WebAssembly heap, which cannot grow past 2 GiB. Training
 * runs population × episodes copies at once, so a population of 64 with 8 episodes (512 copies, ~7 GB)
 * cannot run: the run is refused before it starts, with the settings to lower. Test evaluations run their
 * rows in batches that fit (locomotion-task.ts), which gives the same numbers as one big batch.
 */
import type { LocomotionModel } from './types';

/** The WebAssembly heap limit of the MuJoCo build (`@mujoco/mujoco`, Emscripten MAXIMUM_MEMORY). */
export const WASM_HEAP_BYTES = 2 ** 31;
/** Kept free for the module itself, the compiled model and the rollout buffers. */
export const RESERVED_BYTES = 64 * 2 ** 20;

/** Simulation copies of `model` that fit in the heap at once. */
export function simulationCapacity(model: LocomotionModel): number {
  return Math.floor((WASM_HEAP_BYTES - RESERVED_BYTES) / model.simulationBytes);
}

export interface MemoryProblem {
  /** The config field to change (the settings form shows the message there). */
  readonly path: string;
  readonly message: string;
}

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GB`;

/**
 * Why a run with this population and these task params would not fit in memory, or null when it does.
 * `episodes` / `testEpisodes` are the task's params.
 */
export function locomotionMemoryProblem(
  model: LocomotionModel,
  taskId: string,
  popSize: number,
  episodes: number,
  testEpisodes: number,
): MemoryProblem | null {
  const capacity = simulationCapacity(model);
  const copies = popSize * episodes;
  if (copies > capacity)
    return {
      path: 'es.popSize',
      message:
        `${taskId} would run ${popSize} × ${episodes} = ${copies} MuJoCo simulations at once (population size × episodes per member), ` +
        `about ${gb(copies * model.simulationBytes)} of memory; the WebAssembly memory holds ${gb(WASM_HEAP_BYTES)}, room for ${capacity}. ` +
        `Lower the population size or the episodes per member (CLI: --popsize, --task.episodes) so that their product is at most ${capacity}.`,
    };
  if (testEpisodes > capacity)
    return {
      path: 'task.params.testEpisodes',
      message: `${taskId} would run ${testEpisodes} test episodes at once; the WebAssembly memory has room for ${capacity}. Lower the test episodes (CLI: --task.testEpisodes) to at most ${capacity}.`,
    };
  return null;
}
