import type { Scan, SubmittedResponse } from '../types';
import type { ExchangeError } from '../exchange/errors';
import { decodeResponseHandoff, encodeResponseHandoff } from '../exchange/handoff';
import type { ExchangeFileV1 } from '../exchange/types';
import { decodeBase64Url, decodeUtf8, encodeBase64Url, encodeUtf8, LAYOUT_WITH_RESPONSE_RECORDS, RESPONSE_ENVELOPE_MAX_BYTES } from '@ketenscan/live-protocol';
import { encodeSessionDefinition, parseSessionDefinition, type DefinitionError } from './definition';
import type { EnvelopeError, SessionCipher } from './envelope';
import { decodeLiveResponse, encodeLiveResponse, isBinaryLiveRecord } from './responseRecord';
import { isRecipientKey, type ResponseOpener, type ResponseSealer } from './sealed';

// What goes inside the envelopes. A response travels as a live record (responseRecord.ts: the
// exchange file's response fields, compressed, with nothing left out); a record of an earlier
// version is its KS1 hand-off text (the QR code's format, exchange/handoff.ts). Either way the
// director's device rebuilds a one-response v1 file from its stored scan and merges it through
// planImport, exactly as a scanned QR code or an imported file: same validation, same merge by id.
//
// Two kinds of sealing (docs/live-sessions.md "Encryption"): the definition and the director's
// public key with the session key (every phone may read them, the relay may not), each response
// to the director's public key (sealed.ts: no phone can read another's answers).

/** A format-1 record (KS1 text, earlier versions) is read up to this size. */
export const LIVE_RESPONSE_MAX_TEXT_BYTES = RESPONSE_ENVELOPE_MAX_BYTES - 1024;

export type LiveRecordError =
  | { code: 'envelope'; detail: EnvelopeError }
  | { code: 'not-utf8' }
  | { code: 'too-large' }
  | { code: 'definition'; detail: DefinitionError }
  | { code: 'response'; detail: ExchangeError };

export async function sealDefinition(cipher: SessionCipher, definition: ExchangeFileV1): Promise<Uint8Array> {
  if (definition.scans.some((scan) => scan.responses.length > 0)) throw new Error('A session definition never carries responses');
  return cipher.seal('definition', cipher.sessionId, encodeSessionDefinition(definition));
}

/** The exact bytes a pinned session's code was made from (joinCode.ts sessionPin). */
export async function sealDefinitionBytes(cipher: SessionCipher, bytes: Uint8Array): Promise<Uint8Array> {
  const parsed = parseSessionDefinition(bytes);
  if (!parsed.ok) throw new Error(`Not a session definition (${parsed.error.code})`);
  return cipher.seal('definition', cipher.sessionId, bytes);
}

/** `bytes`: the plaintext as sealed, for the pin check. */
export async function openDefinition(
  cipher: SessionCipher,
  envelope: unknown,
): Promise<{ ok: true; file: ExchangeFileV1; bytes: Uint8Array } | { ok: false; error: LiveRecordError }> {
  const opened = await cipher.open('definition', cipher.sessionId, envelope);
  if (!opened.ok) return { ok: false, error: { code: 'envelope', detail: opened.error } };
  const parsed = parseSessionDefinition(opened.value);
  return parsed.ok ? { ...parsed, bytes: opened.value } : { ok: false, error: { code: 'definition', detail: parsed.error } };
}

/**
 * What the director decided for this session, pinned by the join code with the key and the
 * definition. `sharedDevice`: a phone that joined may take several participants in turn
 * ("next participant"); otherwise it submits one response (docs/live-sessions.md).
 */
export interface SessionOptions {
  sharedDevice: boolean;
}

export const DEFAULT_SESSION_OPTIONS: SessionOptions = { sharedDevice: false };

export function encodeSessionOptions(options: SessionOptions): Uint8Array {
  return encodeUtf8(JSON.stringify({ v: 1, sharedDevice: options.sharedDevice }));
}

export function parseSessionOptions(bytes: Uint8Array): SessionOptions | null {
  const text = bytes.length <= 1024 ? decodeUtf8(bytes) : null;
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { v, sharedDevice } = value as { v?: unknown; sharedDevice?: unknown };
    return v === 1 && typeof sharedDevice === 'boolean' ? { sharedDevice } : null;
  } catch {
    return null;
  }
}

export async function sealOptions(cipher: SessionCipher, bytes: Uint8Array): Promise<Uint8Array> {
  if (parseSessionOptions(bytes) === null) throw new Error('Not session options');
  return cipher.seal('options', cipher.sessionId, bytes);
}

export async function openOptions(cipher: SessionCipher, envelope: unknown): Promise<{ ok: true; options: SessionOptions; bytes: Uint8Array } | { ok: false; error: LiveRecordError }> {
  const opened = await cipher.open('options', cipher.sessionId, envelope);
  if (!opened.ok) return { ok: false, error: { code: 'envelope', detail: opened.error } };
  const options = parseSessionOptions(opened.value);
  return options ? { ok: true, options, bytes: opened.value } : { ok: false, error: { code: 'envelope', detail: 'malformed-envelope' } };
}

/**
 * Where a phone is, for the room's count (docs/live-sessions.md "Who is in the room"): joined,
 * answering, submitted. No name, no answer. Travels as the phone's awareness state
 * `{ "p": <base64url envelope> }`, sealed with the session key: the relay sees only its size.
 */
export type PresenceState = 'joined' | 'answering' | 'submitted';
const PRESENCE_STATES: readonly PresenceState[] = ['joined', 'answering', 'submitted'];
/** The relay lets a phone's awareness carry a `p` of at most this many characters. */
export const PRESENCE_MAX_CHARS = 256;

export async function sealPresence(cipher: SessionCipher, state: PresenceState): Promise<string> {
  return encodeBase64Url(await cipher.seal('presence', cipher.sessionId, encodeUtf8(state)));
}

export async function openPresence(cipher: SessionCipher, text: unknown): Promise<PresenceState | null> {
  if (typeof text !== 'string' || text.length > PRESENCE_MAX_CHARS) return null;
  const bytes = decodeBase64Url(text);
  if (bytes === null) return null;
  const opened = await cipher.open('presence', cipher.sessionId, bytes);
  if (!opened.ok) return null;
  const state = decodeUtf8(opened.value);
  return PRESENCE_STATES.find((s) => s === state) ?? null;
}

/** The director's device: its public key, sealed so the relay can neither read nor swap it. */
export async function sealRecipientKey(cipher: SessionCipher, publicKey: string): Promise<Uint8Array> {
  if (!isRecipientKey(publicKey)) throw new Error('Not a recipient public key');
  return cipher.seal('recipient', cipher.sessionId, encodeUtf8(publicKey));
}

/** A phone: the director's public key, or why it cannot be used (then nothing is sent). */
export async function openRecipientKey(cipher: SessionCipher, envelope: unknown): Promise<{ ok: true; publicKey: string } | { ok: false; error: LiveRecordError }> {
  const opened = await cipher.open('recipient', cipher.sessionId, envelope);
  if (!opened.ok) return { ok: false, error: { code: 'envelope', detail: opened.error } };
  const text = decodeUtf8(opened.value);
  return text !== null && isRecipientKey(text) ? { ok: true, publicKey: text } : { ok: false, error: { code: 'envelope', detail: 'malformed-envelope' } };
}

/**
 * A phone: one submitted response, sealed to the director for its record id, in the format the
 * session's director reads: the channel's record (responseRecord.ts), or the QR hand-off text for a
 * director on an earlier version, whose session says layout 2 (`layout`: readLayoutVersion).
 */
export async function sealResponse(sealer: ResponseSealer, recordId: string, scan: Scan, response: SubmittedResponse, layout: number | null = null): Promise<Uint8Array> {
  const record = layout !== null && layout < LAYOUT_WITH_RESPONSE_RECORDS ? encodeHandoffRecord(scan, response) : encodeLiveResponse(scan, response);
  // Leaving text out is right for a QR code, not for the live path: refuse instead, so the UI
  // offers the file hand-off, which always carries everything.
  if (record === null) throw new Error('Response too large for a live session');
  return sealer.seal(recordId, record);
}

function encodeHandoffRecord(scan: Scan, response: SubmittedResponse): Uint8Array | null {
  const { text, omitted } = encodeResponseHandoff(scan, response, { maxBytes: LIVE_RESPONSE_MAX_TEXT_BYTES });
  return omitted.length > 0 ? null : encodeUtf8(text);
}

export type OpenedResponse = { ok: true; file: ExchangeFileV1; responseId: string } | { ok: false; error: LiveRecordError };

/** The director: decrypt one record and rebuild the one-response v1 file from the stored scan. */
export async function openResponse(
  opener: ResponseOpener,
  recordId: string,
  envelope: unknown,
  lookupScan: (scanId: string) => Scan | undefined,
): Promise<OpenedResponse> {
  const opened = await opener.open(recordId, envelope);
  if (!opened.ok) return { ok: false, error: { code: 'envelope', detail: opened.error } };
  if (isBinaryLiveRecord(opened.value)) {
    const decoded = decodeLiveResponse(opened.value, lookupScan);
    return decoded.ok ? decoded : { ok: false, error: { code: 'response', detail: decoded.error } };
  }
  // Format 1, from a phone on an earlier version: the KS1 hand-off text.
  if (opened.value.length > LIVE_RESPONSE_MAX_TEXT_BYTES) return { ok: false, error: { code: 'too-large' } };
  const text = decodeUtf8(opened.value);
  if (text === null) return { ok: false, error: { code: 'not-utf8' } };
  const decoded = decodeResponseHandoff(text, lookupScan);
  return decoded.ok ? { ok: true, file: decoded.file, responseId: decoded.responseId } : { ok: false, error: { code: 'response', detail: decoded.error } };
}
