import * as Y from 'yjs';
import { isByteArray } from './bytes';
import { isRecordId } from './ids';
import { RESPONSE_ENVELOPE_MAX_BYTES } from './limits';

// The Yjs document of one live session (docs/live-sessions.md "Document layout"). A transport,
// not the truth: Dexie stays the source of truth on every device (docs/live-sessions.md).
//
//   Y.Map 'meta'       'layout'     → 1                   (plain: which layout this is)
//                      'definition' → Uint8Array          (envelope, kind 'definition', id = sessionId)
//                      'recipient'  → Uint8Array          (envelope, kind 'recipient', id = sessionId:
//                                                          the director's public key, sealedRecord.ts)
//                      'closed'     → true                (plain: the relay must read it to refuse writes)
//                      'summary'    → Uint8Array          (envelope, kind 'summary', id = sessionId: the results
//                                                          the director lets phones read; absent when not allowed)
//   Y.Map 'responses'  <recordId>   → Uint8Array          (sealed to the director, sealedRecord.ts)
//   (and a vote on the phones: 'meta' 'vote' and 'voteDefinition', Y.Map 'ballots': vote.ts)
//
// Only the director writes 'meta'; a phone only adds new keys to 'responses', and the relay
// enforces both (relay/src/rules.ts). Record ids are random, never the response's own id, so the
// relay cannot link a record to anything.

/**
 * 3: a response record is the channel's own format (src/domain/live/responseRecord.ts); 2: it was
 * the QR hand-off text, and a phone still sends that to a director who wrote 2; 2 and 3 seal
 * responses to the director's public key ('recipient'), 1 sealed them with the session key.
 */
export const LIVE_LAYOUT_VERSION = 3;
/** The first layout whose director reads the channel's own response record. */
export const LAYOUT_WITH_RESPONSE_RECORDS = 3;
export const META_MAP = 'meta';
export const RESPONSES_MAP = 'responses';
export const META_LAYOUT = 'layout';
export const META_DEFINITION = 'definition';
export const META_CLOSED = 'closed';
export const META_RECIPIENT = 'recipient';
/** The session's options (src/domain/live/records.ts SessionOptions), sealed with the session key; pinned by the join code. */
export const META_OPTIONS = 'options';
/** The results summary the director lets the phones read (src/domain/live/summaryRecord.ts), sealed with the session key; absent when not allowed. */
export const META_SUMMARY = 'summary';

export function getMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META_MAP);
}

export function getResponsesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(RESPONSES_MAP);
}

/**
 * The director's device: put the encrypted definition and the sealed public key in a new
 * session, in one transaction, so a phone never sees the one without the other.
 */
export function writeDefinitionEnvelope(doc: Y.Doc, envelope: Uint8Array, recipient: Uint8Array, options?: Uint8Array): void {
  doc.transact(() => {
    const meta = getMetaMap(doc);
    meta.set(META_LAYOUT, LIVE_LAYOUT_VERSION);
    meta.set(META_DEFINITION, envelope);
    meta.set(META_RECIPIENT, recipient);
    if (options) meta.set(META_OPTIONS, options);
  });
}

export function readOptionsEnvelope(doc: Y.Doc): Uint8Array | null {
  const value = getMetaMap(doc).get(META_OPTIONS);
  return value instanceof Uint8Array ? value : null;
}

/** The director's device: a session opened by an earlier version gets its public key now. */
export function writeRecipientEnvelope(doc: Y.Doc, recipient: Uint8Array): void {
  doc.transact(() => {
    const meta = getMetaMap(doc);
    meta.set(META_LAYOUT, LIVE_LAYOUT_VERSION);
    meta.set(META_RECIPIENT, recipient);
  });
}

export function readRecipientEnvelope(doc: Y.Doc): Uint8Array | null {
  const value = getMetaMap(doc).get(META_RECIPIENT);
  return isByteArray(value) ? value : null;
}

export function readDefinitionEnvelope(doc: Y.Doc): Uint8Array | null {
  const value = getMetaMap(doc).get(META_DEFINITION);
  return isByteArray(value) ? value : null;
}

export function readLayoutVersion(doc: Y.Doc): number | null {
  const value = getMetaMap(doc).get(META_LAYOUT);
  return typeof value === 'number' ? value : null;
}

/** The director's device: nothing more is accepted after this; phones read it and say so. */
export function closeSession(doc: Y.Doc): void {
  getMetaMap(doc).set(META_CLOSED, true);
}

export function isSessionClosed(doc: Y.Doc): boolean {
  return getMetaMap(doc).get(META_CLOSED) === true;
}

export type AddResponseResult = 'added' | 'exists' | 'invalid-record-id' | 'too-large';

/**
 * A phone: add one encrypted response under a fresh record id. Never overwrites: a retry with
 * the same id is 'exists', and the relay would refuse an overwrite anyway.
 */
export function addResponseEnvelope(doc: Y.Doc, recordId: string, envelope: Uint8Array): AddResponseResult {
  if (!isRecordId(recordId)) return 'invalid-record-id';
  if (envelope.length > RESPONSE_ENVELOPE_MAX_BYTES) return 'too-large';
  const responses = getResponsesMap(doc);
  if (responses.has(recordId)) return 'exists';
  responses.set(recordId, envelope);
  return 'added';
}

export interface ResponseEnvelope {
  recordId: string;
  envelope: Uint8Array;
}

/** Every record in the document; entries of the wrong shape are listed apart, to be refused and logged. */
export function readResponseEnvelopes(doc: Y.Doc): { records: ResponseEnvelope[]; malformed: string[] } {
  const records: ResponseEnvelope[] = [];
  const malformed: string[] = [];
  getResponsesMap(doc).forEach((value, recordId) => {
    if (isRecordId(recordId) && isByteArray(value) && value.length <= RESPONSE_ENVELOPE_MAX_BYTES) records.push({ recordId, envelope: value });
    else malformed.push(recordId);
  });
  records.sort((a, b) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
  return { records, malformed };
}
