/**
 * Web Worker entry (issue 5): exposes one `LabEngine` through comlink. All tfjs compute of the browser
 * lab happens here, on the backend chosen by `workers/backend.ts`; progress batches and grids are
 * posted back as transferables.
 */
import { expose, transfer } from 'comlink';
import { initBackend } from './backend';
import { LabEngine } from './lab-engine';

expose(new LabEngine({ initBackend: (pref) => initBackend(pref), transfer }));
