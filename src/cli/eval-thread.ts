/**
 * Entry of one evaluation worker thread (Node worker_threads) of a population split
 * (core/experiments/parallel/): loads the run's task and network itself, with the CLI's data reader and
 * tfjs backend, and answers the ES thread's requests (protocol.ts) through comlink. Started by eval-threads.ts.
 */
import { parentPort } from 'node:worker_threads';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createEvalServer } from '../core/experiments/parallel/protocol';
import { exposeToParent } from '../lib/node-thread';
import { instantiate } from '../core/experiments/setup';
import { dataReader, useBackend } from './node-io';

// A full garbage collection before each heap reading, so memory checks compare live data, not GC timing.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const port = parentPort;
if (!port) throw new Error('eval-thread.ts runs only as a worker thread (see eval-threads.ts)');
const server = createEvalServer({
  setBackend: useBackend,
  load: (config) => instantiate(config, dataReader),
  heapBytes: () => {
    collect();
    return getHeapStatistics().used_heap_size;
  },
});
exposeToParent(server, port);
