import type { StoredRecordCheck } from './storedRecords';

// A phone's record of the live session it joined for a scan and of what it delivered, as kept on
// the device (localStorage `ketenscan-live-phone:<scan>`, src/storage/phoneOutbox.ts): checked
// as it is read, like the director's session record (storedLiveSession.ts) and every stored row
// (docs/storage-and-migrations.md "Corrupt rows"). A record that fails is set aside, never
// repaired: a guessed record id would send a response twice, a guessed session would send it to
// a session the participant did not join.

/**
 * The record's shape version. Records written before it existed carry none and are version 1
 * (the schema step: read as they are, a missing `records` or `delivered` as empty, as the
 * reader always did); a record of a higher version was written by a newer build and is set
 * aside, not misread. A change of shape that older records cannot be read as raises it.
 */
export const PHONE_RECORD_VERSION = 1;

export interface StoredPhoneRecord {
  sessionId: string;
  key: string;
  relayUrl: string;
  /** The join code of a short link: a code of this version pins the director's key (domain/live/joinCode.ts). */
  code?: string;
  /** Response id → record id, assigned before the first send. */
  records: Record<string, string>;
  /** Response ids the relay has confirmed. */
  delivered: string[];
  /**
   * When this device joined: only responses started since are sent. A device that held the
   * demo, or a tablet with earlier answers, never sends what was not given in this session.
   * Missing in records of earlier versions: then only responses that already have a record id.
   */
  joinedAt?: string;
  /** The director allowed several participants in turn on this device (session options). */
  sharedDevice?: boolean;
}

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';

/** The first field that is not as written, or null. */
function findProblem(row: Fields): string | null {
  if (row.version !== undefined && row.version !== PHONE_RECORD_VERSION) return 'version';
  for (const field of ['sessionId', 'key', 'relayUrl'] as const) if (!isText(row[field])) return field;
  for (const field of ['code', 'joinedAt'] as const) if (row[field] !== undefined && !isText(row[field])) return field;
  if (row.sharedDevice !== undefined && typeof row.sharedDevice !== 'boolean') return 'sharedDevice';
  if (row.records !== undefined && !(isFields(row.records) && Object.values(row.records).every(isText))) return 'records';
  if (row.delivered !== undefined && !(Array.isArray(row.delivered) && row.delivered.every(isText))) return 'delivered';
  return null;
}

/**
 * Checks the stored text of a phone's record (JSON). The value handed on carries only the
 * fields above, each a copy: the version stays in storage.
 */
export function checkStoredPhoneRecord(stored: unknown): StoredRecordCheck<StoredPhoneRecord> {
  let row: unknown;
  try {
    row = typeof stored === 'string' ? JSON.parse(stored) : undefined;
  } catch {
    row = undefined;
  }
  if (!isFields(row)) return { ok: false, problem: 'not-an-object', field: '' };
  const problem = findProblem(row);
  if (problem !== null) return { ok: false, problem: 'invalid-field', field: problem };
  // Checked above: the text fields are text, and `records` and `delivered` are either missing or as written.
  const value = row as unknown as Omit<StoredPhoneRecord, 'records' | 'delivered'> & Partial<Pick<StoredPhoneRecord, 'records' | 'delivered'>>;
  return {
    ok: true,
    value: {
      sessionId: value.sessionId,
      key: value.key,
      relayUrl: value.relayUrl,
      ...(value.code !== undefined ? { code: value.code } : {}),
      records: { ...value.records },
      delivered: [...(value.delivered ?? [])],
      ...(value.joinedAt !== undefined ? { joinedAt: value.joinedAt } : {}),
      ...(value.sharedDevice !== undefined ? { sharedDevice: value.sharedDevice } : {}),
    },
  };
}
