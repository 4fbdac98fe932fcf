import { beforeEach, describe, expect, it, vi } from 'vitest';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import { buildScan } from '../../fixtures/buildScan';
import { db } from '../../../src/storage/db';
import {
  askPersistenceForFirstRealScan,
  PERSISTENCE_ANSWER,
  PERSISTENCE_ASKED_FOR,
  PRIVATE_QUOTA_LIMIT,
  readPersistence,
  readStorageReport,
  requestPersistence,
  type StorageApi,
} from '../../../src/storage/persistence';

/** A navigator.storage stand-in: `grants` decides what persist() answers. */
function fakeStorage({ grants = true, persisted = false, usage = 2_000_000, quota = 50_000_000_000 } = {}) {
  let isPersisted = persisted;
  return {
    persist: vi.fn(async () => {
      isPersisted = isPersisted || grants;
      return isPersisted;
    }),
    persisted: vi.fn(async () => isPersisted),
    estimate: vi.fn(async () => ({ usage, quota })),
  } satisfies StorageApi;
}

const now = new Date('2026-11-22T09:00:00Z');
const demo = generateDemoScan({ now }).scan;
const realScan = buildScan({ id: 'real-1', title: 'Workshop Zuid' }, demo);

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('persistent storage', () => {
  it('reads and requests the browser’s promise, and says when there is no API', async () => {
    expect(await readPersistence(undefined)).toBe('unsupported');
    expect(await requestPersistence({})).toBe('unsupported');
    const storage = fakeStorage({ grants: false });
    expect(await requestPersistence(storage)).toBe('best-effort');
    expect(await readPersistence(storage)).toBe('best-effort');
    const granting = fakeStorage({ grants: true });
    expect(await requestPersistence(granting)).toBe('persisted');
    expect(await readPersistence(granting)).toBe('persisted');
  });

  it('does not ask for the demo alone', async () => {
    await db.scans.add(structuredClone(demo));
    const storage = fakeStorage();
    expect(await askPersistenceForFirstRealScan(demo.id, storage)).toBeNull();
    expect(storage.persist).not.toHaveBeenCalled();
    expect(await db.meta.get(PERSISTENCE_ANSWER)).toBeUndefined();
  });

  it('asks once, on the first real scan, and keeps the answer for that scan’s page', async () => {
    await db.scans.add(structuredClone(demo));
    await db.scans.add(structuredClone(realScan));
    const storage = fakeStorage({ grants: false });
    expect(await askPersistenceForFirstRealScan(realScan.id, storage)).toBe('best-effort');
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect((await db.meta.get(PERSISTENCE_ANSWER))?.value).toBe('best-effort');
    expect((await db.meta.get(PERSISTENCE_ASKED_FOR))?.value).toBe(realScan.id);

    await db.scans.add({ ...structuredClone(realScan), id: 'real-2' });
    expect(await askPersistenceForFirstRealScan('real-2', storage)).toBeNull();
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect((await db.meta.get(PERSISTENCE_ASKED_FOR))?.value).toBe(realScan.id);
  });
});

describe('storage report', () => {
  it('reports usage and quota of a normal window', async () => {
    const report = await readStorageReport(fakeStorage({ persisted: true, usage: 3_400_000, quota: 60_000_000_000 }));
    expect(report).toEqual({ persistence: 'persisted', usage: 3_400_000, quota: 60_000_000_000, isProbablyPrivate: false, isNearlyFull: false });
  });

  it('calls a tiny quota probably private, and a quota nearly used up nearly full', async () => {
    expect((await readStorageReport(fakeStorage({ quota: PRIVATE_QUOTA_LIMIT - 1 }))).isProbablyPrivate).toBe(true);
    expect((await readStorageReport(fakeStorage({ quota: PRIVATE_QUOTA_LIMIT + 1 }))).isProbablyPrivate).toBe(false);
    const full = await readStorageReport(fakeStorage({ usage: 950, quota: 1000 }));
    expect(full.isNearlyFull).toBe(true);
    expect((await readStorageReport(fakeStorage({ usage: 850, quota: 1000 }))).isNearlyFull).toBe(false);
  });

  it('says nothing it does not know when the browser has no storage API', async () => {
    expect(await readStorageReport(undefined)).toEqual({ persistence: 'unsupported', usage: null, quota: null, isProbablyPrivate: false, isNearlyFull: false });
  });
});
