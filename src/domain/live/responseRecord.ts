import { deflateSync, inflateSync } from 'fflate';
import type { Scan, SubmittedResponse } from '../types';
import { toExchangeResponse } from '../exchange/build';
import { makeError, renderValue, type ExchangeError, type PathSegment } from '../exchange/errors';
import { instrumentFingerprint, validateOneResponseFile } from '../exchange/handoff';
import { parseJsonSafely } from '../exchange/safeJson';
import type { ExchangeFileV1 } from '../exchange/types';
import { decodeUtf8, encodeUtf8, RESPONSE_ENVELOPE_MAX_BYTES, SEALED_RECORD_MIN_BYTES } from '@ketenscan/live-protocol';

// One response as it travels in a live session (docs/live-sessions.md "Document layout"): made
// for the channel, not for a QR code. The plaintext inside the sealed box is
//
//   [0x02 format][raw DEFLATE of UTF-8 JSON {"s": scanId, "i": [instrumentId, version,
//                 fingerprint], "r": the exchange file's response (ExchangeResponseV1)}]
//
// Nothing is ever left out: the response's fields are the file's, whole, compressed. A response
// whose record would not fit the relay's record size (RESPONSE_ENVELOPE_MAX_BYTES) is refused on
// the phone, never cut, and the participant keeps the file hand-off. The director rebuilds a
// one-response v1 file from its stored scan and validates it, like a scanned QR code.
//
// Records of format 1 (the KS1 hand-off text, exchange/handoff.ts; its first byte is 'K') are
// still read: a phone on an earlier version may stay in a session after the director's update.

export const LIVE_RECORD_FORMAT = 2;
/** Room for the compressed record inside the sealed box (sealed.ts adds version, key, IV and tag). */
export const LIVE_RECORD_MAX_BYTES = RESPONSE_ENVELOPE_MAX_BYTES - (SEALED_RECORD_MIN_BYTES - 1);
/**
 * The JSON inside may be at most this long, on both sides. Far above an honest response (13
 * comments of 10,000 characters are ~400 KB), and a bound for the director: inflating stops
 * here, so a small record cannot make it allocate more.
 */
export const LIVE_RECORD_MAX_JSON_BYTES = 1024 * 1024;
/** The `generator` of a file rebuilt from a live record. */
export const LIVE_RECORD_GENERATOR = 'ketenscan live record 2';

/** The record's plaintext; null when it would not fit whole (then nothing is sent). */
export function encodeLiveResponse(scan: Scan, response: SubmittedResponse): Uint8Array | null {
  const payload = {
    s: scan.id,
    i: [scan.instrument.id, scan.instrument.version, instrumentFingerprint(scan.instrument)],
    r: toExchangeResponse(response, scan.instrument),
  };
  const json = encodeUtf8(JSON.stringify(payload));
  if (json.length > LIVE_RECORD_MAX_JSON_BYTES) return null;
  const compressed = deflateSync(json, { level: 9 });
  if (compressed.length + 1 > LIVE_RECORD_MAX_BYTES) return null;
  const record = new Uint8Array(compressed.length + 1);
  record[0] = LIVE_RECORD_FORMAT;
  record.set(compressed, 1);
  return record;
}

/** Is this plaintext a record of this format (or a later binary one), rather than KS1 text? */
export function isBinaryLiveRecord(plaintext: Uint8Array): boolean {
  // Text starts with a printable byte; formats are small numbers.
  return plaintext.length > 0 && plaintext[0]! < 0x20;
}

export type LiveResponseDecoding = { ok: true; file: ExchangeFileV1; responseId: string } | { ok: false; error: ExchangeError };

/** The director: a record's plaintext back to a validated one-response v1 file of the stored scan. */
export function decodeLiveResponse(plaintext: Uint8Array, lookupScan: (scanId: string) => Scan | undefined): LiveResponseDecoding {
  const refuse = (code: ExchangeError['code'], path: PathSegment[] = [], detail: Omit<ExchangeError, 'code' | 'path'> = {}): LiveResponseDecoding => ({
    ok: false,
    error: makeError(code, path, detail),
  });
  const format = plaintext[0];
  if (format === undefined || !isBinaryLiveRecord(plaintext)) return refuse('handoff-malformed');
  if (format !== LIVE_RECORD_FORMAT) return refuse(format > LIVE_RECORD_FORMAT ? 'future-version' : 'handoff-malformed', [], { value: renderValue(format) });
  if (plaintext.length > LIVE_RECORD_MAX_BYTES) return refuse('too-large', [], { limit: LIVE_RECORD_MAX_BYTES, actual: plaintext.length });
  let json: Uint8Array;
  try {
    // One byte more than allowed: fflate stops there, and the extra byte tells.
    json = inflateSync(plaintext.subarray(1), { out: new Uint8Array(LIVE_RECORD_MAX_JSON_BYTES + 1) });
  } catch {
    return refuse('handoff-malformed');
  }
  if (json.length > LIVE_RECORD_MAX_JSON_BYTES) return refuse('too-large', [], { limit: LIVE_RECORD_MAX_JSON_BYTES, actual: json.length });
  const text = decodeUtf8(json);
  if (text === null) return refuse('handoff-malformed');
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return parsed.error.code === 'forbidden-key' ? { ok: false, error: parsed.error } : refuse('handoff-malformed');
  const payload = parsed.value;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return refuse('handoff-malformed');
  const { s: scanId, i: instrument, r: response } = payload as { s?: unknown; i?: unknown; r?: unknown };
  if (typeof scanId !== 'string') return refuse('handoff-malformed', ['s'], { value: renderValue(scanId) });
  if (!Array.isArray(instrument) || instrument.length !== 3) return refuse('handoff-malformed', ['i'], { value: renderValue(instrument) });
  if (typeof response !== 'object' || response === null || Array.isArray(response)) return refuse('handoff-malformed', ['r'], { value: renderValue(response) });

  const scan = lookupScan(scanId);
  if (!scan) return refuse('handoff-unknown-scan', [], { value: renderValue(scanId) });
  const [instrumentId, instrumentVersion, instrumentPrint] = instrument as unknown[];
  if (instrumentId !== scan.instrument.id || instrumentVersion !== scan.instrument.version || instrumentPrint !== instrumentFingerprint(scan.instrument)) {
    return refuse('handoff-instrument-mismatch', [], { value: renderValue(`${String(instrumentId)} v${String(instrumentVersion)}`) });
  }
  const validated = validateOneResponseFile(scan, response, LIVE_RECORD_GENERATOR);
  if (!validated.ok) return { ok: false, error: validated.error };
  const responseId = validated.file.scans[0]?.responses[0]?.id;
  if (validated.file.scans.length !== 1 || validated.file.scans[0]!.responses.length !== 1 || responseId === undefined) return refuse('handoff-malformed');
  return { ok: true, file: validated.file, responseId };
}
