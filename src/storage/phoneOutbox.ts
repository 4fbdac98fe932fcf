import { LIVE_PHONE_PREFIX } from './phoneJoin';

// A phone's live join and outbox, per scan, in localStorage (docs/live-sessions.md): which
// session this device joined and which of its responses the relay confirmed. localStorage, not
// IndexedDB: it must be readable synchronously on the participant's route, where a few bytes ask
// whether there is anything to deliver at all (phoneJoin.ts, which names the key). The record's shape is checked by its reader
// (features/live/phoneSync.ts); here it is only kept.

export { LIVE_PHONE_PREFIX };

/** The stored record as written, parsed but unchecked; null when there is none or it is no JSON. */
export function readPhoneOutbox(scanId: string): unknown {
  try {
    const text = localStorage.getItem(LIVE_PHONE_PREFIX + scanId);
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

/** Throws when localStorage refuses (blocked or full), as before: the caller decides. */
export function writePhoneOutbox(scanId: string, record: object): void {
  localStorage.setItem(LIVE_PHONE_PREFIX + scanId, JSON.stringify(record));
}

/** The scans this device holds a phone record for. */
export function phoneOutboxScans(): string[] {
  const scans: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key?.startsWith(LIVE_PHONE_PREFIX)) scans.push(key.slice(LIVE_PHONE_PREFIX.length));
    }
  } catch {
    // No localStorage: no record.
  }
  return scans;
}

/**
 * How this device joined the scan's live session, if it did. `sharedDevice`: the director
 * allowed several participants in turn; otherwise a phone that joined submits one response
 * (docs/live-sessions.md). Read by the thank-you screen and the live code, not on the way to
 * the first statement.
 */
export function liveJoinOf(scanId: string): { sharedDevice: boolean; joinedAt: string | null } | null {
  const value = readPhoneOutbox(scanId) as { sharedDevice?: unknown; joinedAt?: unknown } | null;
  if (typeof value !== 'object' || value === null) return null;
  return { sharedDevice: value.sharedDevice === true, joinedAt: typeof value.joinedAt === 'string' ? value.joinedAt : null };
}
