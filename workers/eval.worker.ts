/**
 * Web Worker entry of one evaluation worker of a population split (core/experiments/parallel/): started
 * by the lab worker (lab.worker.ts) for a run with several CPU workers. It loads the run's task data and
 * network itself and answers the lab worker's requests (protocol.ts); its first message is the data
 * folder's URL.
 */
import { initBackend, type BackendPref } from './backend';
import { readDataFile } from './read-data';
import {
  createEvalServer,
  serveEnvelopes,
  type Envelope,
  type EvalRequest,
} from '../src/core/experiments/parallel/protocol';
import { instantiate } from '../src/core/experiments/setup';

let dataBaseUrl = '';

const serve = createEvalServer({
  async setBackend(name) {
    const report = await initBackend(name as BackendPref);
    if (report.active !== name) throw new Error(`the ${name} backend did not start in an evaluation worker`);
  },
  load: (config) => instantiate(config, { readBytes: (path) => readDataFile(path, dataBaseUrl) }),
  // Chromium only (performance.memory); NaN elsewhere.
  heapBytes: () => (performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN,
});
const onEnvelope = serveEnvelopes(serve, (reply) => self.postMessage(reply));

self.addEventListener('message', (ev: MessageEvent<Envelope<EvalRequest> | { dataBaseUrl: string }>) => {
  if ('dataBaseUrl' in ev.data) dataBaseUrl = ev.data.dataBaseUrl;
  else onEnvelope(ev.data);
});
