/**
 * Loads the official MuJoCo WebAssembly bindings (`@mujoco/mujoco` 3.14.0, single-threaded build; the
 * multithreaded build needs SharedArrayBuffer/`navigator` and fails in Node: docs/ARCHITECTURE.md "Platform notes") once per
 * realm, for the locomotion tasks (the lab's stand-ins for the paper's Brax tasks, docs/ALGORITHMS.md §9.2).
 *
 * The same import works in Node (the Emscripten glue reads `mujoco.wasm` next to `mujoco.js`) and in a
 * Vite worker (Vite emits the `.wasm` asset that the glue locates through `new URL(…, import.meta.url)`;
 * vite.config excludes the package from dependency pre-bundling so that URL stays valid in dev).
 * The module is imported dynamically, so the rest of the lab never pays for it and keeps working when it
 * cannot load: every failure surfaces as one `MujocoLoadError` with a readable message.
 */
import type { MainModule } from '@mujoco/mujoco';

export type Mujoco = MainModule;

/** Loading the WASM module or compiling a model failed; `message` says what and why. */
export class MujocoLoadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MujocoLoadError';
  }
}

let cached: Promise<Mujoco> | null = null;

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The MuJoCo module (loaded on first call, then shared). A failed load is retried on the next call. */
export function loadMujoco(): Promise<Mujoco> {
  if (!cached) {
    cached = (async () => {
      try {
        const factory = (await import('@mujoco/mujoco')).default;
        return await factory();
      } catch (e) {
        cached = null;
        throw new MujocoLoadError(
          `MuJoCo (WebAssembly) could not be loaded: ${reason(e)}. Locomotion tasks are unavailable; the other tasks still work.`,
          { cause: e },
        );
      }
    })();
  }
  return cached;
}

/** Compiles an MJCF string; a parse/compile error becomes a MujocoLoadError naming the model. */
export function compileModel(mj: Mujoco, modelName: string, xml: string): InstanceType<Mujoco['MjModel']> {
  try {
    return mj.MjModel.from_xml_string(xml);
  } catch (e) {
    throw new MujocoLoadError(`MuJoCo model "${modelName}" is invalid: ${reason(e)}`, { cause: e });
  }
}
