import { checkStoredPhoneRecord, PHONE_RECORD_VERSION, type StoredPhoneRecord } from '../domain/storedPhoneRecord';
import { LIVE_PHONE_PREFIX } from './phoneJoin';

// A phone's live join and outbox, per scan, in localStorage (docs/live-sessions.md): which
// session this device joined and which of its responses the relay confirmed. localStorage, not
// IndexedDB: it must be readable synchronously on the participant's route, where a few bytes ask
// whether there is anything to deliver at all (phoneJoin.ts, which names the key). The record is
// versioned and checked as it is read (domain/storedPhoneRecord.ts); a damaged record, or one a
// newer build wrote, reads as none and is set aside under its own key before anything replaces it.

export { LIVE_PHONE_PREFIX };
export type { StoredPhoneRecord };

/** Where a damaged phone record is kept when a new one replaces it: set aside, never deleted. */
const SET_ASIDE_PREFIX = 'ketenscan-live-phone-unreadable:';

function storedText(scanId: string): string | null {
  try {
    return localStorage.getItem(LIVE_PHONE_PREFIX + scanId);
  } catch {
    return null;
  }
}

/** The scan's phone record: none, readable, or unreadable (damaged or newer; kept until replaced, then set aside). */
export type PhoneRecordRead = { record: StoredPhoneRecord | null; unreadable: boolean };

export function readPhoneRecord(scanId: string): PhoneRecordRead {
  const text = storedText(scanId);
  if (text === null) return { record: null, unreadable: false };
  const checked = checkStoredPhoneRecord(text);
  if (checked.ok) return { record: checked.value, unreadable: false };
  console.warn(`live: the phone record of scan ${scanId} could not be read (${checked.problem} ${checked.field})`);
  return { record: null, unreadable: true };
}

/**
 * Writes the scan's phone record with its shape version. A damaged record in its place is kept
 * aside under its own key first. Throws when localStorage refuses (blocked or full), as before:
 * the caller decides; then nothing was replaced.
 */
export function writePhoneRecord(scanId: string, record: StoredPhoneRecord): void {
  const existing = storedText(scanId);
  if (existing !== null && !checkStoredPhoneRecord(existing).ok) {
    localStorage.setItem(`${SET_ASIDE_PREFIX}${scanId}:${new Date().toISOString()}`, existing);
  }
  localStorage.setItem(LIVE_PHONE_PREFIX + scanId, JSON.stringify({ version: PHONE_RECORD_VERSION, ...record }));
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
 * the first statement. An unreadable record is no join: the delivery code does not use it either.
 */
export function liveJoinOf(scanId: string): { sharedDevice: boolean; joinedAt: string | null } | null {
  const { record } = readPhoneRecord(scanId);
  return record === null ? null : { sharedDevice: record.sharedDevice === true, joinedAt: record.joinedAt ?? null };
}
