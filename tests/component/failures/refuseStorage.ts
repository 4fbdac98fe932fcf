import { vi } from 'vitest';

// Makes fake-indexeddb refuse the way a browser does: the IndexedDB call itself throws a
// DOMException, and Dexie turns it into a rejected promise. Spies are restored after each test
// (restoreMocks in vite.config.ts).

const refuse = (name: string) => () => {
  throw new DOMException('refused by the test', name);
};

/** Every write (add, put, delete, clear; cursor updates and deletes) throws, e.g. a full disk. */
export function refuseWrites(name = 'QuotaExceededError'): void {
  for (const method of ['add', 'put', 'delete', 'clear'] as const) vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(refuse(name));
  for (const method of ['update', 'delete'] as const) vi.spyOn(IDBCursor.prototype, method).mockImplementation(refuse(name));
}

/** Every read throws, e.g. a storage backend that failed under the page. */
export function refuseReads(name = 'UnknownError'): void {
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    for (const method of ['get', 'getAll', 'getAllKeys', 'getKey', 'openCursor', 'openKeyCursor', 'count'] as const) {
      if (method in proto) vi.spyOn(proto as IDBObjectStore, method as 'get').mockImplementation(refuse(name));
    }
  }
}
