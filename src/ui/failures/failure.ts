import { classifyStorageError, type StorageProblem } from '../../storage/storageProblem';

/**
 * Every way a director's action can fail, as far as the user needs to know it. Each kind has its
 * own translated message (failureMessages.ts) that says what happened and what to do.
 * See docs/failures-and-storage.md.
 */
export type Failure =
  | 'storage-full'
  | 'storage-unavailable'
  | 'database-closed'
  | 'not-found'
  | 'file-unreadable'
  | 'download-failed'
  | 'unknown';

/**
 * An error that already knows its kind, thrown where the context is clear (a file that could not
 * be read, a download that could not be made): the same DOMException name can mean different
 * things in different places, so those places say which.
 */
export class ActionFailure extends Error {
  override name = 'ActionFailure';
  readonly failure: Failure;

  constructor(failure: Failure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.failure = failure;
  }
}

const FROM_STORAGE = {
  quota: 'storage-full',
  unavailable: 'storage-unavailable',
  // A blocked upgrade and a newer version both come from another tab: close it or reload.
  blocked: 'database-closed',
  'newer-version': 'database-closed',
  unknown: 'unknown',
} as const satisfies Record<StorageProblem, Failure>;

const isErrorLike = (value: unknown): value is Error | DOMException => value instanceof Error || value instanceof DOMException;

/** Classifies anything a user action threw. Never throws itself. */
export function classifyFailure(error: unknown): Failure {
  if (error instanceof ActionFailure) return error.failure;
  const name = isErrorLike(error) ? error.name : '';
  // Repositories say "the record you acted on is gone" with this name (see storage/errors.ts).
  if (name === 'RecordNotFoundError') return 'not-found';
  if (name === 'NotReadableError') return 'file-unreadable';
  return FROM_STORAGE[classifyStorageError(error)];
}

/**
 * The technical line shown under the message: enough for whoever helps the director. Dexie
 * repeats the browser's error inside its own message, so its `inner` error is shown instead.
 */
export function describeErrorDetail(error: unknown): string {
  if (!isErrorLike(error)) return String(error);
  const inner = (error as { inner?: unknown }).inner;
  if (isErrorLike(inner)) return `${inner.name}: ${inner.message}`;
  const cause = (error as { cause?: unknown }).cause;
  const own = `${error.name}: ${error.message}`;
  return isErrorLike(cause) ? `${own} (${cause.name}: ${cause.message})` : own;
}
