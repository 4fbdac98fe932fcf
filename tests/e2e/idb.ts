import type { Page } from '@playwright/test';

// Reads and writes the app's IndexedDB directly from a page of the app's origin, bypassing the
// app's code: what is really stored is checked, and damage is put in as a disk fault would.

export interface StoredResponse {
  id: string;
  scanId: string;
  organisationId: string;
  status: 'draft' | 'submitted';
  submittedAt: string | null;
  answers: Record<string, number | string>;
  comments: Record<string, string>;
  keywords: string[];
  improvement: string;
  position: number;
}

/** Every row of one object store of the `ketenscan` database. */
export function readStore<T = Record<string, unknown>>(page: Page, store: 'scans' | 'responses' | 'meta' | 'agreements' | 'votes'): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('ketenscan');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(name, 'readonly').objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, store);
}

export function readResponses(page: Page, scanId: string): Promise<StoredResponse[]> {
  return readStore<StoredResponse>(page, 'responses').then((rows) => rows.filter((r) => r.scanId === scanId));
}

/** Puts raw rows into a store, valid or not. */
export function putRows(page: Page, store: 'scans' | 'responses', rows: unknown[]): Promise<void> {
  return page.evaluate(
    async ({ name, values }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('ketenscan');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const transaction = db.transaction(name, 'readwrite');
          for (const value of values) transaction.objectStore(name).put(value);
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
        });
      } finally {
        db.close();
      }
    },
    { name: store, values: rows },
  );
}
