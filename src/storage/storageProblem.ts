// What a failing IndexedDB open or write means for the user, in the few cases the app tells apart
// (docs/failures-and-storage.md). Outside src/storage the app asks this module, never the database.

export type StorageProblem = 'unavailable' | 'blocked' | 'quota' | 'newer-version' | 'unknown';

/**
 * The error names in a failure and in what it wraps: Dexie puts the IndexedDB error in `inner`
 * (an AbortError around a QuotaExceededError), a bulk write lists its `failures`, and our own
 * wrappers keep the original as `cause`.
 */
function collectErrorNames(error: unknown, depth = 0): string[] {
  if (depth > 3 || error === null || typeof error !== 'object') return [];
  const { name, inner, cause, failures } = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const nested = [inner, cause, ...(Array.isArray(failures) ? failures.slice(0, 3) : [])];
  return [typeof name === 'string' ? name : '', ...nested.flatMap((e) => collectErrorNames(e, depth + 1))];
}

/**
 * Maps a Dexie/IndexedDB failure to the few cases the user is told about. A connection closed
 * under a running page (VersionChange, or DatabaseClosed without a deeper cause) means another
 * tab opened a newer schema: the answer is the same as for a newer version, reload. The order
 * matters: Dexie reports a failed open as OpenFailed/DatabaseClosed around the real cause.
 * See docs/failures-and-storage.md.
 */
export function classifyStorageError(error: unknown): StorageProblem {
  // By name, not `instanceof Error`: a DOMException is not an Error in every environment.
  const names = collectErrorNames(error).join(' ');
  if (/QuotaExceeded/.test(names)) return 'quota';
  if (/VersionChange|VersionError|DatabaseTooNew/.test(names)) return 'newer-version';
  if (/MissingAPI|InvalidState|SecurityError|UnknownError|OpenFailed/.test(names)) return 'unavailable';
  if (/DatabaseClosed/.test(names)) return 'newer-version';
  if (/Blocked/.test(names)) return 'blocked';
  return 'unknown';
}
