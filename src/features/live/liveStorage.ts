import { defaultRelayUrlFor } from '../../domain/live/link';
import { db } from '../../storage/db';

// What the director's device keeps about its live sessions, in the Dexie `meta` table (no
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
    (v.closeSent === undefined || typeof v.closeSent === 'boolean')
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

/** Default: the relay `npm run relay` starts on the machine that serves this page (a short link leaves it out). */
export function defaultRelayUrl(): string {
  // Shown in the relay field, so without the trailing slash the URL parser adds.
  return (defaultRelayUrlFor(location.href) ?? 'ws://localhost:1234/').replace(/\/$/, '');
}

export async function loadRelayUrl(): Promise<string> {
  const row = await db.meta.get(RELAY_URL_KEY);
  return typeof row?.value === 'string' ? row.value : defaultRelayUrl();
}

export async function saveRelayUrl(url: string): Promise<void> {
  await db.meta.put({ key: RELAY_URL_KEY, value: url });
}
