/** Node-side plumbing for the CLI: tfjs backend selection and reading the bundled data files. */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { CliError } from './args';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The app's own copy of the datasets (public/data), as the browser serves it; inflated with Node's zlib,
 * which checks the gzip trailer (CRC-32 and length) and stops at `maxOutputLength`.
 */
export const dataReader = {
  gunzip: (gz: Uint8Array, maxBytes: number): Uint8Array =>
    gunzipSync(gz, { chunkSize: outputChunk(gz, maxBytes), maxOutputLength: maxBytes }),
  async readBytes(path: string): Promise<Uint8Array> {
    const full = join(repoRoot, 'public', 'data', path);
    try {
      return new Uint8Array(await readFile(full));
    } catch (e) {
      throw new Error(`cannot read data file ${full}: ${(e as Error).message}`);
    }
  },
};

/**
 * One output chunk as large as the gzip trailer says the output is (ISIZE, its length mod 2³², +1 so
 * that Node sees the end without starting another chunk): Node then returns that chunk itself, where
 * fixed-size chunks are concatenated into a fresh buffer at the end (MNIST's training images: 47 MB
 * copied, ~0.1 s of page faults here). A wrong ISIZE (several gzip members) only means more chunks.
 */
function outputChunk(gz: Uint8Array, maxBytes: number): number {
  if (gz.length < 18) return 1 << 16;
  const isize = new DataView(gz.buffer, gz.byteOffset + gz.length - 4, 4).getUint32(0, true);
  return Math.max(1 << 16, Math.min(isize, maxBytes) + 1);
}

/** `--backend` (default wasm), checked before anything runs. */
export function backendFlag(flags: Map<string, string>): 'wasm' | 'cpu' {
  const name = flags.get('backend') ?? 'wasm';
  if (name !== 'wasm' && name !== 'cpu')
    throw new CliError(`--backend must be wasm or cpu in Node (got "${name.slice(0, 40)}")`);
  return name;
}

export async function useBackend(name: string): Promise<void> {
  if (name !== 'wasm' && name !== 'cpu') throw new CliError(`--backend must be wasm or cpu in Node (got "${name}")`);
  // The cpu backend only when asked for (wasm is the default): loading it costs 0.05–0.14 s of start-up
  // here, in the CLI and in every evaluation thread.
  if (name === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
  const ok = await tf.setBackend(name);
  if (!ok) throw new CliError(`tfjs backend "${name}" failed to initialise`, 1);
  await tf.ready();
}
