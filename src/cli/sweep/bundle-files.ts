/**
 * DIR/bundles/<config id>.json.gz of `lab sweep collect --bundles`, replaced only when the file there is the
 * lab's run bundle of that configuration. A user may keep a file of their own under that name (a bundle
 * exported from the browser, renamed; notes; a folder): collecting again must not throw it away. So every
 * such path is checked before collect does any work, and each one again just before it is written; a file
 * that is not the lab's is refused, naming it (output-file.ts, the refusal of summaries and analysis
 * outputs the lab did not write).
 *
 * A bundle is recognised by how it begins, not by decoding it whole (up to 256 MiB once unpacked): every
 * bundle the lab writes is gzip'd JSON whose first keys are its format, version and run id (bundleToJson,
 * core/runs/bundle.ts), and a configuration's bundle has the configuration's id as its run id. Only the
 * first few KiB of the file are read and inflated, so the check costs the same for any bundle size.
 */
import { lstat, open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Gunzip } from 'fflate';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../../core/runs/bundle';
import { isGzip } from '../../core/runs/gunzip';
import { CliError } from '../args';
import { writeFileAtomic } from '../fs-safe';
import { ForeignFile, foreignRefusal } from '../output-file';
import type { SweepDir } from './sweep-dir';

/** Compressed bytes read from the start of a file: a gzip header and a deflate block's code tables fit easily. */
const HEAD_BYTES = 4096;
/** Compressed bytes inflated per step, so a hostile file inflates to at most ~260 KiB before the check stops. */
const SLICE = 256;

/** The text a bundle of run `runId` begins with: bundleToJson writes these keys first, in this order. */
const bundleStart = (runId: string) =>
  `{"format":${JSON.stringify(BUNDLE_FORMAT)},"version":${BUNDLE_VERSION},"runId":${JSON.stringify(runId)},`;

/** The first `chars` characters of gzip data `gz` once inflated: fewer where it ends first or is not gzip. */
function inflatedStart(gz: Uint8Array, chars: number): string {
  let text = '';
  const decoder = new TextDecoder();
  const gunzip = new Gunzip((chunk) => {
    text += decoder.decode(chunk, { stream: true });
  });
  try {
    for (let i = 0; i < gz.length && text.length < chars; i += SLICE) gunzip.push(gz.subarray(i, i + SLICE));
  } catch {
    // damaged gzip data: whatever was inflated before it
  }
  return text.slice(0, chars);
}

/** Why the file at `path` is not the lab's bundle of configuration `configId`, or null: it is, or nothing is there. */
async function foreignBundle(path: string, configId: string): Promise<ForeignFile | null> {
  const isFile = await lstat(path).then(
    (s) => s.isFile(),
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw e;
    },
  );
  if (isFile === null) return null;
  if (!isFile) return new ForeignFile(path, 'is not a plain file');
  const fh = await open(path, 'r');
  let head: Uint8Array;
  try {
    const { buffer, bytesRead } = await fh.read(new Uint8Array(HEAD_BYTES), 0, HEAD_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  const start = bundleStart(configId);
  if (isGzip(head) && inflatedStart(head, start.length) === start) return null;
  return new ForeignFile(path, `is not a run bundle of configuration ${configId} that the lab wrote`);
}

/** The refusal to replace `foreign` (collect --bundles). */
const bundleRefusal = (foreign: readonly ForeignFile[]) =>
  foreignRefusal(foreign, 'bundles it wrote itself', ', or run lab sweep collect without --bundles');

/**
 * Refuses (CliError) when DIR/bundles is there but is not a folder (a file of that name): the bundles could
 * not be written into it, and reading paths under it failed with a bare ENOTDIR. It is the user's: left as is.
 */
async function checkBundlesFolder(dir: SweepDir): Promise<void> {
  const folder = dirname(dir.bundlePath(''));
  const isFolder = await stat(folder).then(
    (s) => s.isDirectory(),
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return true; // made when the first bundle is written
      throw e;
    },
  );
  if (!isFolder)
    throw new CliError(
      `${folder} is not a folder: lab sweep collect --bundles writes its bundles into a folder of that name; ` +
        `move or rename that file, or run lab sweep collect without --bundles`,
    );
}

/**
 * Refuses (CliError) when DIR/bundles is not a folder, or the bundle path of any of `configIds` in sweep
 * folder `dir` holds a file that is not the lab's bundle of that configuration. Reads only.
 */
export async function checkBundles(dir: SweepDir, configIds: readonly string[]): Promise<void> {
  await checkBundlesFolder(dir);
  const foreign: ForeignFile[] = [];
  for (const id of configIds) {
    const f = await foreignBundle(dir.bundlePath(id), id);
    if (f) foreign.push(f);
  }
  if (foreign.length) throw bundleRefusal(foreign);
}

/**
 * Writes the bundle of configuration `configId` (`bytes`, a checked gzip bundle) into `dir`, checking its
 * path first again: a file may have been put there while collect merged. Returns the path.
 */
export async function writeBundle(dir: SweepDir, configId: string, bytes: Uint8Array): Promise<string> {
  const path = dir.bundlePath(configId);
  const foreign = await foreignBundle(path, configId);
  if (foreign) throw bundleRefusal([foreign]);
  await writeFileAtomic(path, bytes);
  return path;
}
