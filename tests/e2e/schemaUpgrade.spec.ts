import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { legacyVersionId } from '../../src/domain/instrument/legacyVersionId';
import { storesAtVersion, type DatabaseFixture } from '../fixtures/db/fixtureDatabase';

// A device that last ran a schema-4 build opens the participant's route of this build: the
// schema 5 step moves its questionnaire library to `instrumentVersions`, fetching the fingerprint
// module as a chunk of its own inside the upgrade (docs/storage-and-migrations.md). The unit test
// runs the same step under fake-indexeddb; this one proves the lazy chunk and Dexie.waitFor hold
// the upgrade transaction open in a real browser, and that the participant can answer after it.

const v4 = JSON.parse(readFileSync('tests/fixtures/db/v4.json', 'utf8')) as DatabaseFixture;

test('a schema-4 database upgrades on the participant’s route: every library version gets its content id and the scan opens', async ({ page }) => {
  // A page of the app's origin that does not run the app, so the old database is made first.
  await page.goto('./manifest.webmanifest');
  await page.evaluate(
    async ({ stores, tables }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('ketenscan', 40);
        request.onupgradeneeded = () => {
          for (const [name, definition] of Object.entries(stores)) {
            const [primary, ...indexes] = definition.split(',').map((part) => part.trim());
            const keyPath = (spec: string) => (spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec);
            const store = request.result.createObjectStore(name, { keyPath: keyPath(primary!) });
            for (const index of indexes) store.createIndex(index, keyPath(index));
          }
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(Object.keys(tables), 'readwrite');
        for (const [name, rows] of Object.entries(tables)) for (const row of rows) tx.objectStore(name).add(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { stores: storesAtVersion(4) as Record<string, string>, tables: v4.tables },
  );

  const openScan = (v4.tables.scans as { id: string; status: string }[]).find((scan) => scan.status === 'open')!;
  await page.goto(`./#/s/${openScan.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('radio').first()).toBeVisible({ timeout: 15_000 });

  const migrated = await page.evaluate(
    () =>
      new Promise<{ version: number; versionIds: string[]; tables: string[] }>((resolve, reject) => {
        const request = indexedDB.open('ketenscan');
        request.onsuccess = () => {
          const db = request.result;
          const read = db.transaction('instrumentVersions', 'readonly').objectStore('instrumentVersions').getAllKeys();
          read.onsuccess = () => {
            resolve({ version: db.version, versionIds: read.result as string[], tables: [...db.objectStoreNames] });
            db.close();
          };
          read.onerror = () => reject(read.error);
        };
        request.onerror = () => reject(request.error);
      }),
  );
  const library = v4.tables.instruments as unknown as Parameters<typeof legacyVersionId>[0][];
  expect(library.length).toBeGreaterThan(0);
  expect(migrated.version).toBe(50);
  expect(migrated.tables).not.toContain('instruments');
  expect(migrated.versionIds.sort()).toEqual(library.map(legacyVersionId).sort());
});
