/** Node-side plumbing for the CLI: tfjs backend selection and reading the bundled data files. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { CliError } from './args';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The app's own copy of the datasets (public/data), as the browser serves it. */
export const dataReader = {
  async readBytes(path: string): Promise<Uint8Array> {
    const full = join(repoRoot, 'public', 'data', path);
    try {
      return new Uint8Array(await readFile(full));
    } catch (e) {
      throw new Error(`cannot read data file ${full}: ${(e as Error).message}`);
    }
  },
};

/** `--backend` (default wasm), checked before anything runs. */
export function backendFlag(flags: Map<string, string>): 'wasm' | 'cpu' {
  const name = flags.get('backend') ?? 'wasm';
  if (name !== 'wasm' && name !== 'cpu')
    throw new CliError(`--backend must be wasm or cpu in Node (got "${name.slice(0, 40)}")`);
  return name;
}

export async function useBackend(name: string): Promise<void> {
  if (name !== 'wasm' && name !== 'cpu') throw new CliError(`--backend must be wasm or cpu in Node (got "${name}")`);
  const ok = await tf.setBackend(name);
  if (!ok) throw new CliError(`tfjs backend "${name}" failed to initialise`, 1);
  await tf.ready();
}
