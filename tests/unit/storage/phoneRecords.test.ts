import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkStoredPhoneRecord, type StoredPhoneRecord } from '../../../src/domain/storedPhoneRecord';
import { liveJoinOf, readPhoneRecord, writePhoneRecord } from '../../../src/storage/phoneOutbox';
import { readPhoneLink, rememberJoin } from '../../../src/features/live/phoneSync';

// A phone's live record in localStorage (src/storage/phoneOutbox.ts): versioned, checked as it is
// read, and a damaged or newer one reads as none and is set aside before it is replaced, never
// repaired or deleted (docs/storage-and-migrations.md "Corrupt rows").

const SCAN = 'scan-1';
const KEY = `ketenscan-live-phone:${SCAN}`;
const record: StoredPhoneRecord = {
  sessionId: 'sess-1',
  key: 'k'.repeat(43),
  relayUrl: 'ws://192.168.1.20:1234/',
  code: 'ABCDEFGHJKMNPQRSTVWXYZ0123',
  records: { r1: 'rec-1', r2: 'rec-2' },
  delivered: ['r1'],
  joinedAt: '2026-12-07T09:00:00.000Z',
  sharedDevice: true,
};

const setAsideKeys = () => Object.keys(localStorage).filter((key) => key.startsWith(`ketenscan-live-phone-unreadable:${SCAN}:`));

beforeEach(() => {
  localStorage.clear();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('phone records', () => {
  it('are written with their shape version and read back as they were written', () => {
    writePhoneRecord(SCAN, record);
    expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual({ version: 1, ...record });
    expect(readPhoneRecord(SCAN)).toEqual({ record, unreadable: false });
    expect(liveJoinOf(SCAN)).toEqual({ sharedDevice: true, joinedAt: record.joinedAt });
  });

  it('read a record written before records carried a version as version 1, unchanged', () => {
    localStorage.setItem(KEY, JSON.stringify(record));
    expect(readPhoneRecord(SCAN)).toEqual({ record, unreadable: false });
  });

  it('read the oldest shape, without join time, shared-device flag or code, as it always was read', () => {
    const { sessionId, key, relayUrl } = record;
    localStorage.setItem(KEY, JSON.stringify({ sessionId, key, relayUrl }));
    expect(readPhoneRecord(SCAN).record).toEqual({ sessionId, key, relayUrl, records: {}, delivered: [] });
    expect(liveJoinOf(SCAN)).toEqual({ sharedDevice: false, joinedAt: null });
  });

  it('no record: none, and nothing unreadable', () => {
    expect(readPhoneRecord(SCAN)).toEqual({ record: null, unreadable: false });
    expect(liveJoinOf(SCAN)).toBeNull();
  });

  it('hand on a copy: changing what was read does not change what is stored', () => {
    writePhoneRecord(SCAN, record);
    const read = readPhoneRecord(SCAN).record!;
    read.delivered.push('r2');
    read.records.r3 = 'rec-3';
    expect(readPhoneRecord(SCAN).record).toEqual(record);
  });

  it.each([
    ['text that is no JSON', '{"sessionId":"sess-1",', { problem: 'not-an-object', field: '' }],
    ['a list', '[]', { problem: 'not-an-object', field: '' }],
    ['a record without its key', JSON.stringify({ ...record, key: undefined }), { problem: 'invalid-field', field: 'key' }],
    ['a session id that is no text', JSON.stringify({ ...record, sessionId: 3 }), { problem: 'invalid-field', field: 'sessionId' }],
    ['a record written by a newer build', JSON.stringify({ version: 2, ...record }), { problem: 'invalid-field', field: 'version' }],
    ['record ids that are no text', JSON.stringify({ ...record, records: { r1: 7 } }), { problem: 'invalid-field', field: 'records' }],
    ['records that are a list', JSON.stringify({ ...record, records: ['rec-1'] }), { problem: 'invalid-field', field: 'records' }],
    ['a delivered list that is no list', JSON.stringify({ ...record, delivered: 'r1' }), { problem: 'invalid-field', field: 'delivered' }],
    ['a join time that is no text', JSON.stringify({ ...record, joinedAt: 5 }), { problem: 'invalid-field', field: 'joinedAt' }],
    ['a shared-device flag that is no boolean', JSON.stringify({ ...record, sharedDevice: 'yes' }), { problem: 'invalid-field', field: 'sharedDevice' }],
  ])('%s reads as none and is kept in place', (_what, text, problem) => {
    expect(checkStoredPhoneRecord(text)).toEqual({ ok: false, ...problem });
    localStorage.setItem(KEY, text);
    expect(readPhoneRecord(SCAN)).toEqual({ record: null, unreadable: true });
    expect(readPhoneLink(SCAN)).toBeNull();
    expect(liveJoinOf(SCAN)).toBeNull();
    expect(localStorage.getItem(KEY)).toBe(text);
  });

  it('a new join in the place of a damaged record keeps the damaged text aside under its own key', () => {
    const damaged = JSON.stringify({ version: 2, ...record });
    localStorage.setItem(KEY, damaged);
    const link = { sessionId: 'sess-2', key: 'q'.repeat(43), relayUrl: 'ws://localhost:1234' };
    rememberJoin(SCAN, link, false, new Date('2026-12-07T10:00:00.000Z'));
    expect(readPhoneLink(SCAN)).toEqual(link);
    expect(setAsideKeys().map((key) => localStorage.getItem(key))).toEqual([damaged]);
    // A readable record replaced by a new one is not set aside.
    rememberJoin(SCAN, { ...link, sessionId: 'sess-3' }, false);
    expect(setAsideKeys()).toHaveLength(1);
    expect(readPhoneLink(SCAN)?.sessionId).toBe('sess-3');
  });

  it('when localStorage refuses the set-aside copy, the damaged record stays in place', () => {
    const damaged = '{"sessionId":';
    localStorage.setItem(KEY, damaged);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(() => writePhoneRecord(SCAN, record)).toThrow();
    vi.mocked(Storage.prototype.setItem).mockRestore();
    expect(localStorage.getItem(KEY)).toBe(damaged);
  });
});
