/**
 * Storage errors the UI can show as they are (a full disk is reported
 * without losing existing runs). Browsers report a full disk as a DOMException named QuotaExceededError (Firefox:
 * NS_ERROR_DOM_QUOTA_REACHED); the failing transaction is aborted, so nothing already stored changes.
 */

/** The browser refused to store more; the write was rolled back. */
export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super(
      'Browser storage is full: this round could not be saved. Delete old runs (or export them as bundles first) to free space; runs already stored are unchanged.',
      { cause },
    );
    this.name = 'StorageFullError';
  }
}

/** No stored run has this id. */
export class RunNotFoundError extends Error {
  constructor(readonly runId: string) {
    super(`No stored run with id ${runId}.`);
    this.name = 'RunNotFoundError';
  }
}

/** Importing a bundle whose run is already stored (pass overwrite to replace it). */
export class RunExistsError extends Error {
  constructor(readonly runId: string) {
    super(
      `A run with the same settings (id ${runId}) is already stored. Open it from the list of stored runs, ` +
        'or delete it there first to import this file in its place.',
    );
    this.name = 'RunExistsError';
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** True for a quota error however it surfaced (thrown by put, or as the aborted transaction's error). */
export function isQuotaError(e: unknown): boolean {
  return !!e && typeof e === 'object' && QUOTA_NAMES.has((e as { name?: unknown }).name as string);
}

/** Runs a write and maps quota errors to StorageFullError. */
export async function mapStorageErrors<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    throw isQuotaError(e) ? new StorageFullError(e) : e;
  }
}
