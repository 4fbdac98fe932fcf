import type { StoredRecordCheck } from './storedRecords';

// The director's record of a live session, as kept in the device's database (`meta`, key
// `live-session:<scan>`, src/storage/liveSessions.ts): checked as it is read, like every stored
// row (storedRecords.ts, docs/storage-and-migrations.md "Corrupt rows"). A record that fails is
// set aside and counted, never repaired: a guessed key or secret would open a session that is
// not the director's.

/**
 * The record's shape version. Records written before it existed carry none and are version 1;
 * a record of a higher version was written by a newer build and is set aside, not misread. A
 * change of shape that older records cannot be read as raises it, with a step that rewrites
 * them (src/storage/schemaHistory.ts).
 */
export const LIVE_SESSION_RECORD_VERSION = 1;

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

type Fields = Record<string, unknown>;

const REQUIRED_TEXT = ['sessionId', 'key', 'secret', 'relayUrl', 'startedAt'] as const;
const OPTIONAL_TEXT = ['code', 'recipientSecret', 'definitionText', 'optionsText'] as const;

/** The first field that is not as written, or null. */
function findProblem(row: Fields, scanId: string): string | null {
  if (row.version !== undefined && row.version !== LIVE_SESSION_RECORD_VERSION) return 'version';
  if (row.scanId !== scanId) return 'scanId';
  for (const field of REQUIRED_TEXT) if (typeof row[field] !== 'string') return field;
  for (const field of OPTIONAL_TEXT) if (row[field] !== undefined && typeof row[field] !== 'string') return field;
  if (row.closedAt !== null && typeof row.closedAt !== 'string') return 'closedAt';
  if (row.closeSent !== undefined && typeof row.closeSent !== 'boolean') return 'closeSent';
  return null;
}

/**
 * Checks the stored text of the scan's live-session record (JSON in a `meta` row). The value
 * handed on carries only the fields above: the version stays in storage.
 */
export function checkStoredLiveSession(stored: unknown, scanId: string): StoredRecordCheck<StoredLiveSession> {
  let row: unknown;
  try {
    row = typeof stored === 'string' ? JSON.parse(stored) : undefined;
  } catch {
    row = undefined;
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return { ok: false, problem: 'not-an-object', field: '' };
  const problem = findProblem(row as Fields, scanId);
  if (problem !== null) return { ok: false, problem: 'invalid-field', field: problem };
  const { version: _version, ...session } = row as Fields & { version?: unknown };
  return { ok: true, value: session as unknown as StoredLiveSession };
}
