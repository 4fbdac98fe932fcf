import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActionFailure, classifyFailure, describeErrorDetail, FAILURE_MESSAGE, failureMessages, type Failure } from '../../../src/ui/failures';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import { classifyStorageError, db, KetenscanDatabase } from '../../../src/storage/db';
import { RecordNotFoundError } from '../../../src/storage/errors';
import { addScan, setScanStatus } from '../../../src/storage/scanRepository';

const named = (name: string) => Object.assign(new Error(`a ${name}`), { name });
const scan = () => structuredClone(generateDemoScan({ now: new Date('2026-11-22T09:00:00Z') }).scan);

/** The rejection a real Dexie call gives when IndexedDB refuses the write with this DOMException. */
async function rejectionOfRefusedAdd(domExceptionName: string): Promise<unknown> {
  await db.delete();
  await db.open();
  vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
    throw new DOMException('refused by the test', domExceptionName);
  });
  return addScan(scan()).then(
    () => 'resolved',
    (error: unknown) => error,
  );
}

afterEach(() => vi.restoreAllMocks());

describe('classifyFailure', () => {
  it('says "storage full" for a quota error, also when Dexie wraps it', async () => {
    expect(classifyFailure(new DOMException('full', 'QuotaExceededError'))).toBe('storage-full');
    expect(classifyFailure(Object.assign(named('AbortError'), { inner: new DOMException('full', 'QuotaExceededError') }))).toBe('storage-full');
    expect(classifyFailure(Object.assign(named('BulkError'), { failures: [new DOMException('full', 'QuotaExceededError')] }))).toBe('storage-full');
    const refused = await rejectionOfRefusedAdd('QuotaExceededError');
    expect(refused).not.toBe('resolved');
    expect(classifyFailure(refused)).toBe('storage-full');
  });

  it('says "storage unavailable" for a missing or forbidden IndexedDB', async () => {
    expect(classifyFailure(named('MissingAPIError'))).toBe('storage-unavailable');
    expect(classifyFailure(new DOMException('denied', 'SecurityError'))).toBe('storage-unavailable');
    expect(classifyFailure(await rejectionOfRefusedAdd('UnknownError'))).toBe('storage-unavailable');
    // A closed database whose real cause is a missing API is about the API, not another tab.
    expect(classifyFailure(Object.assign(named('DatabaseClosedError'), { inner: named('MissingAPIError') }))).toBe('storage-unavailable');
  });

  it('says "database closed" when another tab closed or upgraded the database', async () => {
    const other = new KetenscanDatabase('classify-closed');
    await other.open();
    other.close({ disableAutoOpen: true });
    const closed = await other.scans.count().then(
      () => 'resolved',
      (error: unknown) => error,
    );
    expect(classifyFailure(closed)).toBe('database-closed');

    // Dexie 4 adapts to a newer schema on open, so a VersionError only comes wrapped, from the browser.
    const refused = Object.assign(named('OpenFailedError'), { inner: new DOMException('lower than existing', 'VersionError') });
    expect(classifyStorageError(refused)).toBe('newer-version');
    expect(classifyFailure(refused)).toBe('database-closed');
    expect(classifyFailure(named('VersionChangeError'))).toBe('database-closed');
    await Dexie.delete('classify-closed');
  });

  it('says "not found" when a repository acts on a scan that is gone', async () => {
    await db.delete();
    await db.open();
    const error = await setScanStatus('no-such-scan', 'closed').then(
      () => 'resolved',
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RecordNotFoundError);
    expect(classifyFailure(error)).toBe('not-found');
  });

  it('uses the kind a wrapper already knows, and recognises an unreadable file', () => {
    expect(classifyFailure(new ActionFailure('download-failed', 'x.json', { cause: new TypeError('no') }))).toBe('download-failed');
    expect(classifyFailure(new ActionFailure('file-unreadable', 'x.json'))).toBe('file-unreadable');
    expect(classifyFailure(new DOMException('gone', 'NotReadableError'))).toBe('file-unreadable');
  });

  it('falls back to "unknown" for anything else, without throwing', () => {
    expect(classifyFailure(new TypeError('x is undefined'))).toBe('unknown');
    expect(classifyFailure('a string')).toBe('unknown');
    expect(classifyFailure(null)).toBe('unknown');
    expect(classifyFailure(undefined)).toBe('unknown');
    expect(classifyFailure({ name: 42 })).toBe('unknown');
  });

  it('shows the browser’s own error once, not Dexie’s repetition of it', async () => {
    expect(describeErrorDetail(await rejectionOfRefusedAdd('QuotaExceededError'))).toBe('QuotaExceededError: refused by the test');
  });

  it('keeps the cause in the technical line', () => {
    expect(describeErrorDetail(new ActionFailure('file-unreadable', 'a.json', { cause: new DOMException('moved', 'NotFoundError') }))).toBe(
      'ActionFailure: a.json (NotFoundError: moved)',
    );
    expect(describeErrorDetail(42)).toBe('42');
  });
});

describe('failure messages', () => {
  it('every failure kind has its own Dutch and English message', () => {
    const kinds = Object.keys(FAILURE_MESSAGE) as Failure[];
    expect(kinds.sort()).toEqual(['database-closed', 'download-failed', 'file-unreadable', 'not-found', 'storage-full', 'storage-unavailable', 'unknown']);
    const keys = kinds.map((kind) => FAILURE_MESSAGE[kind]);
    expect(new Set(keys).size).toBe(kinds.length);
    for (const key of keys) {
      expect(failureMessages.nl[key].length).toBeGreaterThan(20);
      expect(failureMessages.en[key].length).toBeGreaterThan(20);
    }
  });
});
