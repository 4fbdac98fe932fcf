import { checkStoredLiveSession, LIVE_SESSION_RECORD_VERSION, type StoredLiveSession } from '../domain/storedLiveSession';
import { db } from './db';

// What the director's device keeps about its live sessions, in the Dexie `meta` table: one row
// per scan with the session's id, key, director secret and the secret key that opens responses
// (JSON, checked as it is read: domain/storedLiveSession.ts), the relay address last used on
// this device, and one ledger per session. The secret never leaves this device except as the
// relay token; the key only in the join link. See docs/live-sessions.md "Key handling". The
// keys of these rows are named here and nowhere else (features/live reads them through
// features/live/liveStorage.ts).

export type { StoredLiveSession };

const SESSION_PREFIX = 'live-session:';
/** Where a damaged session record is kept when a new session replaces it: set aside, never deleted. */
const SET_ASIDE_PREFIX = 'live-session-unreadable:';
const RELAY_URL_KEY = 'live-relay-url';
const LEDGER_PREFIX = 'live-ledger:';

export const liveSessionKey = (scanId: string): string => SESSION_PREFIX + scanId;
export const liveLedgerKey = (sessionId: string): string => LEDGER_PREFIX + sessionId;

/** The scan's session as stored: none, readable, or set aside as damaged (counted by `countUnreadableLiveSessions`). */
export type LiveSessionRead = { session: StoredLiveSession | null; unreadable: boolean };

export async function readLiveSession(scanId: string): Promise<LiveSessionRead> {
  const row = await db.meta.get(liveSessionKey(scanId));
  if (row === undefined) return { session: null, unreadable: false };
  const checked = checkStoredLiveSession(row.value, scanId);
  if (checked.ok) return { session: checked.value, unreadable: false };
  console.warn(`live: the stored session of scan ${scanId} could not be read (${checked.problem} ${checked.field}) and is set aside`);
  return { session: null, unreadable: true };
}

/** The scan's session, or null when there is none or it could not be read (then it is set aside). */
export async function loadLiveSession(scanId: string): Promise<StoredLiveSession | null> {
  return (await readLiveSession(scanId)).session;
}

/**
 * Writes the scan's session record. A damaged record in its place is kept aside under its own
 * key first, so replacing it loses nothing a closer look might still want.
 */
export async function saveLiveSession(session: StoredLiveSession): Promise<void> {
  const key = liveSessionKey(session.scanId);
  await db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get(key);
    if (existing !== undefined && !checkStoredLiveSession(existing.value, session.scanId).ok) {
      await db.meta.put({ key: `${SET_ASIDE_PREFIX}${session.scanId}:${new Date().toISOString()}`, value: existing.value });
    }
    await db.meta.put({ key, value: JSON.stringify({ version: LIVE_SESSION_RECORD_VERSION, ...session }) });
  });
}

/** Live-session records on this device that could not be read: in place, or already set aside. */
export async function countUnreadableLiveSessions(): Promise<number> {
  let count = 0;
  await db.meta
    .where('key')
    .startsWith('live-session')
    .each((row) => {
      if (row.key.startsWith(SET_ASIDE_PREFIX)) count += 1;
      else if (row.key.startsWith(SESSION_PREFIX) && !checkStoredLiveSession(row.value, row.key.slice(SESSION_PREFIX.length)).ok) count += 1;
    });
  return count;
}

/** The relay address last used on this device, or null. */
export async function loadStoredRelayUrl(): Promise<string | null> {
  const row = await db.meta.get(RELAY_URL_KEY);
  return typeof row?.value === 'string' ? row.value : null;
}

export async function saveRelayUrl(url: string): Promise<void> {
  await db.meta.put({ key: RELAY_URL_KEY, value: url });
}

// --- What arrived: one ledger per session, shared by every tab of this device ----------------
// The tab that merges (tabLease.ts) writes each record's verdict here; the scan page and the
// presenter in any tab count from it, so they show the same figures, and a reload neither counts
// a record again nor judges it twice.


export type LedgerVerdict = 'arrived' | 'duplicate' | 'undecryptable' | 'invalid' | 'other-scan' | 'conflict' | 'malformed';
const VERDICTS: readonly LedgerVerdict[] = ['arrived', 'duplicate', 'undecryptable', 'invalid', 'other-scan', 'conflict', 'malformed'];

/** Record id → verdict, in the order judged. */
export type LiveLedger = Record<string, LedgerVerdict>;

function parseLedger(value: unknown): LiveLedger {
  if (typeof value !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const ledger: LiveLedger = {};
    for (const [recordId, verdict] of Object.entries(parsed)) {
      const known = VERDICTS.find((v) => v === verdict);
      if (known) ledger[recordId] = known;
    }
    return ledger;
  } catch {
    return {};
  }
}

export async function loadLedger(sessionId: string): Promise<LiveLedger> {
  return parseLedger((await db.meta.get(liveLedgerKey(sessionId)))?.value);
}

/** Adds verdicts in one transaction; a record already judged keeps its first verdict. */
export async function recordVerdicts(sessionId: string, verdicts: Readonly<Record<string, LedgerVerdict>>): Promise<void> {
  if (Object.keys(verdicts).length === 0) return;
  await db.transaction('rw', db.meta, async () => {
    const ledger = parseLedger((await db.meta.get(liveLedgerKey(sessionId)))?.value);
    await db.meta.put({ key: liveLedgerKey(sessionId), value: JSON.stringify({ ...verdicts, ...ledger }) });
  });
}

export interface LedgerCounts {
  /** Responses stored for the first time through this session. */
  arrived: number;
  /** Records refused, with why (never stored). */
  refused: { recordId: string; reason: Exclude<LedgerVerdict, 'arrived' | 'duplicate'> }[];
}

export function countLedger(ledger: LiveLedger): LedgerCounts {
  const counts: LedgerCounts = { arrived: 0, refused: [] };
  for (const [recordId, verdict] of Object.entries(ledger)) {
    if (verdict === 'arrived') counts.arrived += 1;
    else if (verdict !== 'duplicate') counts.refused.push({ recordId, reason: verdict });
  }
  return counts;
}
