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

type StoreName = 'scans' | 'responses' | 'meta' | 'agreements' | 'votes' | 'instrumentVersions';

/**
 * Reads every row of `store`, or puts `values` into it, in one transaction.
 *
 * A page that has not made the database yet has stored nothing: reading then gives no rows and
 * does not create the database. (Opening it by name would create an empty version 1 beside the
 * app, whose transaction then finds no store: a fresh device's first read raced the app's start.)
 * A database that exists is opened without a version, so the open waits for the app's upgrade.
 */
function onStore(page: Page, store: StoreName, values: unknown[] | null): Promise<unknown[]> {
  return page.evaluate(
    async ({ name, rows }) => {
      const known = await indexedDB.databases();
      if (!known.some((d) => d.name === 'ketenscan')) {
        if (rows === null) return [];
        throw new Error(`the app has not made its database yet; nothing can be put into "${name}"`);
      }
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('ketenscan');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        if (!db.objectStoreNames.contains(name)) throw new Error(`the database (version ${db.version}) has no store "${name}"`);
        return await new Promise<unknown[]>((resolve, reject) => {
          if (rows === null) {
            const request = db.transaction(name, 'readonly').objectStore(name).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
            return;
          }
          const transaction = db.transaction(name, 'readwrite');
          for (const row of rows) transaction.objectStore(name).put(row);
          transaction.oncomplete = () => resolve(rows);
          transaction.onerror = () => reject(transaction.error);
        });
      } finally {
        db.close();
      }
    },
    { name: store, rows: values },
  );
}

/** Every row of one object store of the `ketenscan` database (none when the page has not made it). */
export function readStore<T = Record<string, unknown>>(page: Page, store: StoreName): Promise<T[]> {
  return onStore(page, store, null) as Promise<T[]>;
}

export function readResponses(page: Page, scanId: string): Promise<StoredResponse[]> {
  return readStore<StoredResponse>(page, 'responses').then((rows) => rows.filter((r) => r.scanId === scanId));
}

/** Puts raw rows into a store, valid or not. */
export async function putRows(page: Page, store: StoreName, rows: unknown[]): Promise<void> {
  await onStore(page, store, rows);
}
