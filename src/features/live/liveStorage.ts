import { db } from '../../storage/db';

// What the director's device keeps about its live sessions, in the Dexie `meta` table (no
// schema change): one row per scan with the session's id, key and director secret, and the
// relay address last used on this device. The secret never leaves this device except as the
// relay token; the key only in the join link. See docs/live-sessions.md "Key handling".

const SESSION_PREFIX = 'live-session:';
const RELAY_URL_KEY = 'live-relay-url';

export interface StoredLiveSession {
  scanId: string;
  sessionId: string;
  key: string;
  secret: string;
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
    typeof v.secret === 'string' &&
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

/** Default: the relay `npm run relay` starts on the machine that serves this page. */
export function defaultRelayUrl(): string {
  const host = location.hostname || 'localhost';
  const secure = location.protocol === 'https:';
  return `${secure ? 'wss' : 'ws'}://${host.includes(':') ? `[${host}]` : host}:1234`;
}

export async function loadRelayUrl(): Promise<string> {
  const row = await db.meta.get(RELAY_URL_KEY);
  return typeof row?.value === 'string' ? row.value : defaultRelayUrl();
}

export async function saveRelayUrl(url: string): Promise<void> {
  await db.meta.put({ key: RELAY_URL_KEY, value: url });
}
