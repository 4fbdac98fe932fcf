import type { Scan, SubmittedResponse } from '../types';
import type { ExchangeError } from '../exchange/errors';
import { decodeResponseHandoff, encodeResponseHandoff } from '../exchange/handoff';
import type { ExchangeFileV1 } from '../exchange/types';
import { decodeUtf8, encodeUtf8 } from './bytes';
import { encodeSessionDefinition, parseSessionDefinition, type DefinitionError } from './definition';
import { RESPONSE_ENVELOPE_MAX_BYTES } from './document';
import type { EnvelopeError, SessionCipher } from './envelope';
import { isRecipientKey, type ResponseOpener, type ResponseSealer } from './sealed';

// What goes inside the envelopes. A response travels as its KS1 hand-off text (the QR code's
// format, exchange/handoff.ts) with nothing left out, so the director's device decodes it with
// `decodeResponseHandoff` into a one-response v1 file and merges it through planImport, exactly
// as a scanned QR code or an imported file: same validation, same merge by id.
//
// Two kinds of sealing (docs/live-sessions.md "Encryption"): the definition and the director's
// public key with the session key (every phone may read them, the relay may not), each response
// to the director's public key (sealed.ts: no phone can read another's answers).

/** Room for a KS1 text with long comments; the envelope adds 29 bytes. */
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

export async function openDefinition(
  cipher: SessionCipher,
  envelope: unknown,
): Promise<{ ok: true; file: ExchangeFileV1 } | { ok: false; error: LiveRecordError }> {
  const opened = await cipher.open('definition', cipher.sessionId, envelope);
  if (!opened.ok) return { ok: false, error: { code: 'envelope', detail: opened.error } };
  const parsed = parseSessionDefinition(opened.value);
  return parsed.ok ? parsed : { ok: false, error: { code: 'definition', detail: parsed.error } };
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

/** A phone: one submitted response, sealed to the director for its record id. */
export async function sealResponse(sealer: ResponseSealer, recordId: string, scan: Scan, response: SubmittedResponse): Promise<Uint8Array> {
  const { text, omitted } = encodeResponseHandoff(scan, response, { maxBytes: LIVE_RESPONSE_MAX_TEXT_BYTES });
  // Leaving text out is right for a QR code, not for the live path: refuse instead, so the UI
  // offers the file hand-off, which always carries everything.
  if (omitted.length > 0) throw new Error('Response too large for a live session');
  return sealer.seal(recordId, encodeUtf8(text));
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
  if (opened.value.length > LIVE_RESPONSE_MAX_TEXT_BYTES) return { ok: false, error: { code: 'too-large' } };
  const text = decodeUtf8(opened.value);
  if (text === null) return { ok: false, error: { code: 'not-utf8' } };
  const decoded = decodeResponseHandoff(text, lookupScan);
  return decoded.ok ? { ok: true, file: decoded.file, responseId: decoded.responseId } : { ok: false, error: { code: 'response', detail: decoded.error } };
}
