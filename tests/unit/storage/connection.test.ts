import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyStorageError, db, KetenscanDatabase } from '../../../src/storage/db';
import { watchConnection } from '../../../src/storage/connectionWatch';
import { CURRENT_SCHEMA_VERSION } from '../../../src/storage/schemaHistory';
import { openAtVersion } from '../../fixtures/db/fixtureDatabase';

// What happens between builds of different versions on one device (docs/storage-and-migrations.md).

const NEXT = CURRENT_SCHEMA_VERSION + 1;
/** A future build's database: the current stores plus one more table. */
function openNewerBuild(name: string): Dexie {
  const newer = openAtVersion(name, CURRENT_SCHEMA_VERSION);
  newer.version(NEXT).stores({ futureTable: 'id' });
  return newer;
}

const opened: Dexie[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) database.close();
  db.close();
  await Promise.all(['ketenscan', 'vc-test', 'blocked-test'].map((name) => Dexie.delete(name)));
});

describe('another tab opens a newer schema', () => {
  it('the open tab closes its connection at once, is marked outdated, and the newer tab is not blocked', async () => {
    const current = new KetenscanDatabase('vc-test');
    opened.push(current);
    const watch = watchConnection(current);
    await current.open();
    await current.meta.put({ key: 'before', value: 1 });
    const seen: string[] = [];
    watch.subscribe(() => seen.push(watch.getState()));
    expect(watch.getState()).toBe('ok');

    const newer = openNewerBuild('vc-test');
    opened.push(newer);
    let blocked = false;
    newer.on('blocked', () => {
      blocked = true;
    });
    await newer.open();

    expect(blocked).toBe(false);
    expect(newer.verno).toBe(NEXT);
    expect(watch.getState()).toBe('outdated');
    expect(seen).toEqual(['outdated']);
    expect(current.isOpen()).toBe(false);
    // The old tab does not quietly reopen the database with its older schema.
    await expect(current.meta.get('before')).rejects.toMatchObject({ name: 'DatabaseClosedError' });
    expect(await newer.table('meta').get('before')).toEqual({ key: 'before', value: 1 });
  });

  it('a tab whose upgrade waits for an older tab is marked blocked until the open goes through', async () => {
    // An older build that does not give way: a plain connection with no versionchange handler.
    const older = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('blocked-test', 10);
      request.onupgradeneeded = () => request.result.createObjectStore('scans', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });

    const newer = openNewerBuild('blocked-test');
    opened.push(newer);
    const watch = watchConnection(newer);
    const opening = newer.open();
    await expect.poll(() => watch.getState()).toBe('blocked');
    older.close();
    await opening;
    expect(watch.getState()).toBe('ok');
  });
});

describe('a database written by a newer build', () => {
  it('is refused with the "newer-version" problem, and its rows are left alone', async () => {
    const newer = openNewerBuild('ketenscan');
    opened.push(newer);
    await newer.open();
    await newer.table('futureTable').put({ id: 'x', shape: 'unknown to this build' });
    await newer.table('meta').put({ key: 'demoSeeded', value: true });
    newer.close();

    const error = await db.open().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'DatabaseTooNewError', installedVersion: NEXT, supportedVersion: CURRENT_SCHEMA_VERSION });
    expect(classifyStorageError(error)).toBe('newer-version');
    // Every later read is refused too, not served from the newer rows.
    await expect(db.meta.get('demoSeeded')).rejects.toBeInstanceOf(Error);

    const check = new Dexie('ketenscan');
    opened.push(check);
    await check.open();
    expect(check.verno).toBe(NEXT);
    expect(await check.table('futureTable').get('x')).toEqual({ id: 'x', shape: 'unknown to this build' });
  });

  it('classifies the browser\'s own VersionError the same way', () => {
    expect(classifyStorageError(new DOMException('The requested version is less than the existing version.', 'VersionError'))).toBe('newer-version');
  });
});
