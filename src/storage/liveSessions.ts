import { db } from './db';

// What the director's device keeps about its live sessions (features/live reads it through
// features/live/liveStorage.ts), in the Dexie `meta` table (no
// schema change): one row per scan with the session's id, key, director secret and the secret
// key that opens responses, and the
// relay address last used on this device. The secret never leaves this device except as the
// relay token; the key only in the join link. See docs/live-sessions.md "Key handling".

const SESSION_PREFIX = 'live-session:';
const RELAY_URL_KEY = 'live-relay-url';

export interface StoredLiveSession {
  scanId: string;
  sessionId: string;
  key: string;
  /** The join code both are derived from (joinCode.ts); missing in sessions of earlier versions. */
  code?: string;
  secret: string;
  /**
   * X25519 secret key that opens the responses (domain/live/sealed.ts); never leaves this
   * device. Missing in sessions started by an earlier version: resuming one adds it.
   */
  recipientSecret?: string;
  relayUrl: string;
  startedAt: string;
  closedAt: string | null;
  /** The relay confirmed the close; false while it waits for the next connection. */
  closeSent?: boolean;
  /**
   * The definition and options exactly as pinned by the join code (UTF-8 JSON): written to the
   * document as they are, and compared with what the document carries. Missing in sessions of
   * earlier versions, whose codes pin nothing.
   */
  definitionText?: string;
  optionsText?: string;
}

function isStoredSession(value: unknown, scanId: string): value is StoredLiveSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.scanId === scanId &&
    typeof v.sessionId === 'string' &&
    typeof v.key === 'string' &&
    (v.code === undefined || typeof v.code === 'string') &&
    typeof v.secret === 'string' &&
    (v.recipientSecret === undefined || typeof v.recipientSecret === 'string') &&
    typeof v.relayUrl === 'string' &&
    typeof v.startedAt === 'string' &&
    (v.closedAt === null || typeof v.closedAt === 'string') &&
    (v.closeSent === undefined || typeof v.closeSent === 'boolean') &&
    (v.definitionText === undefined || typeof v.definitionText === 'string') &&
    (v.optionsText === undefined || typeof v.optionsText === 'string')
  );
}

export async function loadLiveSession(scanId: string): Promise<StoredLiveSession | null> {
  const row = await db.meta.get(SESSION_PREFIX + scanId);
  if (typeof row?.value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(row.value);
    return isStoredSession(parsed, scanId) ? parsed : null;
  } catch {
    return null;
  }
}

export async function saveLiveSession(session: StoredLiveSession): Promise<void> {
  await db.meta.put({ key: SESSION_PREFIX + session.scanId, value: JSON.stringify(session) });
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

const LEDGER_PREFIX = 'live-ledger:';

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
  return parseLedger((await db.meta.get(LEDGER_PREFIX + sessionId))?.value);
}

/** Adds verdicts in one transaction; a record already judged keeps its first verdict. */
export async function recordVerdicts(sessionId: string, verdicts: Readonly<Record<string, LedgerVerdict>>): Promise<void> {
  if (Object.keys(verdicts).length === 0) return;
  await db.transaction('rw', db.meta, async () => {
    const ledger = parseLedger((await db.meta.get(LEDGER_PREFIX + sessionId))?.value);
    await db.meta.put({ key: LEDGER_PREFIX + sessionId, value: JSON.stringify({ ...verdicts, ...ledger }) });
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
