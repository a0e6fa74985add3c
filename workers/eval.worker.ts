/**
 * Web Worker entry of one evaluation worker of a population split (core/experiments/parallel/): started
 * by the lab worker (lab.worker.ts, through eval-peer.ts and the app's one worker lifecycle) for a run with
 * several CPU workers. It loads the run's task data and network itself and answers the lab worker's
 * requests (protocol.ts) through comlink; the lab worker first tells it the data folder's URL.
 */
import { expose } from 'comlink';
import { initBackend, type BackendPref } from './backend';
import { readDataFile } from './read-data';
import { createEvalServer, type EvalWorkerApi } from '../src/core/experiments/parallel/protocol';
import { instantiate } from '../src/core/experiments/setup';

/** What this worker exposes: the evaluation requests, and where the app's data files are. */
export interface BrowserEvalWorkerApi extends EvalWorkerApi {
  setDataBaseUrl(url: string): void;
}

let dataBaseUrl = '';

const server = createEvalServer({
  async setBackend(name) {
    const report = await initBackend(name as BackendPref);
    if (report.active !== name) throw new Error(`the ${name} backend did not start in an evaluation worker`);
  },
  load: (config) => instantiate(config, { readBytes: (path) => readDataFile(path, dataBaseUrl) }),
  // Chromium only (performance.memory); NaN elsewhere.
  heapBytes: () => (performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN,
});

const api: BrowserEvalWorkerApi = {
  handle: (req) => server.handle(req),
  setDataBaseUrl(url) {
    dataBaseUrl = url;
  },
};
expose(api);
