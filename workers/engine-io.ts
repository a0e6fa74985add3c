/**
 * Where the lab engine's jobs read and write (docs/ARCHITECTURE.md "The page and the workers"): data files
 * under the app's `data/` folder, whose absolute URL the page sets once (a relative Vite base breaks inside
 * a worker), and the run store, opened on first use. A store that cannot open (no IndexedDB, private
 * browsing) means runs are not saved, not that the job fails.
 */
import type { RunStore } from '../src/storage/run-store';

export interface EngineIoDeps {
  /** Reads a data file under public/data (fetch in the browser, fs in Node tests) relative to `baseUrl`. */
  readonly readBytes?: (path: string, baseUrl: string) => Promise<Uint8Array>;
  /** Opens the run store IMP runs persist to (null/absent or rejecting: runs are not saved). */
  readonly openStore?: () => Promise<RunStore | null>;
}

export class EngineIo {
  private baseUrl = '';
  private storePromise: Promise<RunStore | null> | null = null;

  constructor(private readonly deps: EngineIoDeps) {}

  /** Absolute URL of the app's `data/` folder. */
  get dataBaseUrl(): string {
    return this.baseUrl;
  }

  setDataBaseUrl(url: string): void {
    this.baseUrl = url;
  }

  /** The bytes of data file `path`; throws when this engine was given no reader. */
  readonly readBytes = (path: string): Promise<Uint8Array> => {
    if (!this.deps.readBytes) throw new Error(`this engine cannot read data files (asked for ${path})`);
    return this.deps.readBytes(path, this.baseUrl);
  };

  /** The run store, opened once; null when runs cannot be saved here. */
  store(): Promise<RunStore | null> {
    this.storePromise ??= (this.deps.openStore?.() ?? Promise.resolve(null)).catch(() => null);
    return this.storePromise;
  }
}
