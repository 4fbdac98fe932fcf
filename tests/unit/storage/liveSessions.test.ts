import { beforeEach, describe, expect, it } from 'vitest';
import { checkStoredLiveSession, type StoredLiveSession } from '../../../src/domain/storedLiveSession';
import { db } from '../../../src/storage/db';
import {
  countUnreadableLiveSessions,
  liveLedgerKey,
  liveSessionKey,
  loadLedger,
  loadLiveSession,
  readLiveSession,
  recordVerdicts,
  saveLiveSession,
} from '../../../src/storage/liveSessions';

// The director's live-session records in `meta` (src/storage/liveSessions.ts): versioned, checked
// as they are read, and a damaged one is set aside and counted, never repaired or deleted
// (docs/storage-and-migrations.md "Corrupt rows").

const SCAN = 'scan-1';
const session: StoredLiveSession = {
  scanId: SCAN,
  sessionId: 'sess-1',
  key: 'k'.repeat(43),
  code: 'ABCDEFGHJKMNPQRSTVWXYZ0123',
  secret: 's'.repeat(43),
  recipientSecret: 'r'.repeat(43),
  relayUrl: 'ws://localhost:1234',
  startedAt: '2026-12-07T09:00:00.000Z',
  closedAt: null,
  definitionText: '{"format":"ketenscan"}',
  optionsText: '{"sharedDevice":false}',
};

async function storedText(key: string): Promise<unknown> {
  return (await db.meta.get(key))?.value;
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('live-session records', () => {
  it('are written with their shape version and read back as they were saved', async () => {
    await saveLiveSession(session);
    expect(JSON.parse(String(await storedText(liveSessionKey(SCAN))))).toEqual({ version: 1, ...session });
    expect(await loadLiveSession(SCAN)).toEqual(session);
    expect(await readLiveSession(SCAN)).toEqual({ session, unreadable: false });
    expect(await countUnreadableLiveSessions()).toBe(0);
  });

  it('read a record written before records carried a version as version 1', async () => {
    await db.meta.put({ key: liveSessionKey(SCAN), value: JSON.stringify(session) });
    expect(await loadLiveSession(SCAN)).toEqual(session);
  });

  it('no record: no session and nothing unreadable', async () => {
    expect(await readLiveSession(SCAN)).toEqual({ session: null, unreadable: false });
  });

  it.each([
    ['text that is no JSON', '{"scanId":"scan-1",', { problem: 'not-an-object', field: '' }],
    ['a record without its secret', JSON.stringify({ ...session, secret: undefined }), { problem: 'invalid-field', field: 'secret' }],
    ['a record of another scan', JSON.stringify({ ...session, scanId: 'scan-2' }), { problem: 'invalid-field', field: 'scanId' }],
    ['a record written by a newer build', JSON.stringify({ version: 2, ...session }), { problem: 'invalid-field', field: 'version' }],
    ['a closedAt that is no text', JSON.stringify({ ...session, closedAt: 5 }), { problem: 'invalid-field', field: 'closedAt' }],
  ])('%s is set aside: not used, counted, and kept', async (_what, text, problem) => {
    expect(checkStoredLiveSession(text, SCAN)).toEqual({ ok: false, ...problem });
    await db.meta.put({ key: liveSessionKey(SCAN), value: text });
    expect(await readLiveSession(SCAN)).toEqual({ session: null, unreadable: true });
    expect(await loadLiveSession(SCAN)).toBeNull();
    expect(await countUnreadableLiveSessions()).toBe(1);
    expect(await storedText(liveSessionKey(SCAN))).toBe(text);
  });

  it('a new session in the place of a damaged one keeps the damaged text aside, still counted', async () => {
    const damaged = '{"scanId":"scan-1","secret":';
    await db.meta.put({ key: liveSessionKey(SCAN), value: damaged });
    await saveLiveSession(session);
    expect(await loadLiveSession(SCAN)).toEqual(session);
    const setAside = (await db.meta.toArray()).filter((row) => row.key.startsWith(`live-session-unreadable:${SCAN}:`));
    expect(setAside.map((row) => row.value)).toEqual([damaged]);
    expect(await countUnreadableLiveSessions()).toBe(1);
    // A readable session replaced by a new one is not set aside.
    await saveLiveSession({ ...session, sessionId: 'sess-2' });
    expect(await countUnreadableLiveSessions()).toBe(1);
  });

  it('the ledger lives under its own key and keeps a record’s first verdict', async () => {
    await recordVerdicts('sess-1', { a: 'arrived' });
    await recordVerdicts('sess-1', { a: 'duplicate', b: 'invalid' });
    expect(JSON.parse(String(await storedText(liveLedgerKey('sess-1'))))).toEqual({ a: 'arrived', b: 'invalid' });
    expect(await loadLedger('sess-1')).toEqual({ a: 'arrived', b: 'invalid' });
  });
});
