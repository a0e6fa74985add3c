/**
 * Simulated worker deaths for the browser tests of worker failure (docs/ARCHITECTURE.md "Worker failure";
 * the page calls them only with `?debug` in its URL): a crash the page sees as an error event, and a silent
 * hang that only the page's heartbeat watchdog notices.
 */

/** The failures the lab worker can simulate; 'device-lost' is the engine's own (LabEngine.deviceLost). */
export type DebugFailure = 'device-lost' | 'worker-crash' | 'worker-hang';

/**
 * 'worker-crash' throws an uncaught error in the worker, which the page treats as the worker having died;
 * 'worker-hang' closes the worker's event loop without any error event (a silent death).
 */
export function simulateWorkerDeath(kind: Exclude<DebugFailure, 'device-lost'>): void {
  if (kind === 'worker-hang') {
    setTimeout(() => (globalThis as { close?: () => void }).close?.(), 0);
    return;
  }
  setTimeout(() => {
    throw new Error('simulated worker crash (debug hook)');
  }, 0);
}
