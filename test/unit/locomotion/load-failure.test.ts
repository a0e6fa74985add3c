// Loading failures (when the WASM module cannot load, a clear message, and the rest of the lab keeps
// working): a failing MuJoCo module becomes one MujocoLoadError, a locomotion task's load rejects with
// it, other tasks still load, and the next call retries.
import { describe, expect, it, vi } from 'vitest';

vi.mock('@mujoco/mujoco', () => ({
  default: () => Promise.reject(new Error('WebAssembly.instantiate(): expected magic word')),
}));

describe('MuJoCo load failure', () => {
  it('surfaces as MujocoLoadError; classic-control tasks are unaffected', async () => {
    const { loadMujoco, MujocoLoadError } = await import('../../../src/core/tasks/locomotion/mujoco-loader');
    const { getTask } = await import('../../../src/core/tasks/registry');
    const { Rng } = await import('../../../src/core/rng');
    await expect(loadMujoco()).rejects.toBeInstanceOf(MujocoLoadError);
    await expect(loadMujoco()).rejects.toThrow(
      /could not be loaded: WebAssembly\.instantiate\(\): expected magic word.*other tasks still work/,
    );
    const noBytes = {
      readBytes: async (): Promise<Uint8Array> => {
        throw new Error('no data');
      },
    };
    await expect(getTask('hopper').load({}, noBytes, new Rng(0))).rejects.toBeInstanceOf(MujocoLoadError);
    const cartpole = await getTask('cartpole').load({}, noBytes, new Rng(0));
    expect(cartpole.io.outputSize).toBe(2);
    cartpole.dispose();
  });
});
