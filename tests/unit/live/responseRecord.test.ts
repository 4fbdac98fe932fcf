// @vitest-environment node
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeResponseHandoff } from '../../../src/domain/exchange';
import {
  createResponseOpener,
  createResponseSealer,
  decodeLiveResponse,
  encodeLiveResponse,
  encodeUtf8,
  LIVE_RECORD_FORMAT,
  LIVE_RECORD_MAX_BYTES,
  LIVE_LAYOUT_VERSION,
  LIVE_RECORD_MAX_JSON_BYTES,
  makeRecipientKeyPair,
  makeRecordId,
  makeSessionId,
  openResponse,
  RESPONSE_ENVELOPE_MAX_BYTES,
  sealResponse,
  type ResponseOpener,
  type ResponseSealer,
} from '../../../src/domain/live';
import type { Scan, SubmittedResponse } from '../../../src/domain/types';
import { SMALL_RESPONSES, SMALL_SCAN } from '../../fixtures/exchange/smallScan';

// The live record format (docs/live-sessions.md "Document layout"): the exchange file's response
// fields, compressed, with a format byte; long free texts travel whole up to the record bound,
// and records of the earlier format (KS1 text) are still read.

const submitted = SMALL_RESPONSES.filter((r): r is SubmittedResponse => r.status === 'submitted');
const lookup = (id: string): Scan | undefined => (id === SMALL_SCAN.id ? SMALL_SCAN : undefined);

function keys(): { sealer: ResponseSealer; opener: ResponseOpener } {
  const sessionId = makeSessionId();
  const pair = makeRecipientKeyPair();
  const sealer = createResponseSealer(sessionId, pair.publicKey);
  const opener = createResponseOpener(sessionId, pair.secretKey);
  if (!sealer.ok || !opener.ok) throw new Error('key pair unusable');
  return { sealer: sealer.value, opener: opener.value };
}

/** Text as a participant writes it: words repeat, sentences do not. Deterministic. */
function prose(chars: number, seed: number): string {
  const words = ['de', 'overdracht', 'loopt', 'niet', 'altijd', 'soepel', 'tussen', 'politie', 'en', 'gemeente', 'wij', 'missen', 'vaak', 'een', 'vast', 'aanspreekpunt', 'bij', 'spoed', 'casus', 'jeugd', 'zorg', 'overleg', 'week', 'regie'];
  let state = seed;
  let text = '';
  while (text.length < chars) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    text += `${words[state % words.length]} `;
  }
  return text.slice(0, chars);
}

/** Text that does not compress: every character drawn at random from a large alphabet. */
function noise(chars: number, seed: number): string {
  let state = seed;
  let text = '';
  for (let i = 0; i < chars; i += 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    text += String.fromCharCode(0x21 + (state % 0x5d));
  }
  return text;
}

const items = SMALL_SCAN.instrument.items.map((item) => item.id);

describe('the live record format', () => {
  it('carries long free texts whole, where the KS1 text of earlier versions had to refuse', async () => {
    const long: SubmittedResponse = {
      ...submitted[0]!,
      comments: Object.fromEntries(items.map((id, n) => [id, prose(4000, n + 1)])),
      improvement: prose(6000, 99),
      keywords: ['overdracht', 'regie'],
    };
    // The earlier format could not carry this within a record: it would have left text out.
    expect(encodeResponseHandoff(SMALL_SCAN, long, { maxBytes: RESPONSE_ENVELOPE_MAX_BYTES }).omitted).not.toEqual([]);
    const { sealer, opener } = keys();
    const recordId = makeRecordId();
    const envelope = await sealResponse(sealer, recordId, SMALL_SCAN, long);
    expect(envelope.length).toBeLessThanOrEqual(RESPONSE_ENVELOPE_MAX_BYTES);
    const opened = await openResponse(opener, recordId, envelope, lookup);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const arrived = opened.file.scans[0]!.responses[0]!;
    expect(opened.responseId).toBe(long.id);
    expect(arrived.comments).toEqual(long.comments);
    expect(arrived.improvement).toBe(long.improvement);
    expect(arrived.keywords).toEqual(long.keywords);
    expect(arrived.answers).toEqual(long.answers);
    expect(arrived.submittedAt).toBe(long.submittedAt);
  });

  it('starts with its format byte and is compressed', () => {
    const record = encodeLiveResponse(SMALL_SCAN, submitted[1]!);
    if (record === null) throw new Error('not encoded');
    expect(record[0]).toBe(LIVE_RECORD_FORMAT);
    const decoded = decodeLiveResponse(record, lookup);
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.error));
    expect(decoded.file.scans[0]!.responses[0]!.id).toBe(submitted[1]!.id);
    expect(decoded.file.scans[0]!.id).toBe(SMALL_SCAN.id);
  });

  it('refuses to seal what would not fit whole: nothing is ever cut', async () => {
    const huge: SubmittedResponse = { ...submitted[0]!, comments: Object.fromEntries(items.map((id, n) => [id, noise(9000, n + 7)])) };
    expect(encodeLiveResponse(SMALL_SCAN, huge)).toBeNull();
    await expect(sealResponse(keys().sealer, makeRecordId(), SMALL_SCAN, huge)).rejects.toThrow(/too large/);
    // Just below the bound it does travel.
    const fits: SubmittedResponse = { ...submitted[0]!, comments: { [items[0]!]: noise(Math.floor(LIVE_RECORD_MAX_BYTES * 0.7), 3) } };
    expect(encodeLiveResponse(SMALL_SCAN, fits)?.length).toBeLessThanOrEqual(LIVE_RECORD_MAX_BYTES);
  });

  it('still reads a record of the earlier format: the KS1 hand-off text', async () => {
    const { sealer, opener } = keys();
    const recordId = makeRecordId();
    const { text, omitted } = encodeResponseHandoff(SMALL_SCAN, submitted[2]!, { maxBytes: RESPONSE_ENVELOPE_MAX_BYTES - 1024 });
    expect(omitted).toEqual([]);
    const opened = await openResponse(opener, recordId, await sealer.seal(recordId, encodeUtf8(text)), lookup);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    expect(opened.responseId).toBe(submitted[2]!.id);
    expect(opened.file.scans[0]!.responses[0]!.answers).toEqual(submitted[2]!.answers);
  });

  it("sends the format the session's director reads: the KS1 text to a director whose session says layout 2", async () => {
    const { sealer, opener } = keys();
    const response = submitted[2]!;
    const recordFor = async (layout: number | null) => {
      const recordId = makeRecordId();
      const opened = await opener.open(recordId, await sealResponse(sealer, recordId, SMALL_SCAN, response, layout));
      if (!opened.ok) throw new Error(opened.error);
      return opened.value;
    };
    const text = new TextDecoder().decode(await recordFor(2));
    expect(text).toBe(encodeResponseHandoff(SMALL_SCAN, response, { maxBytes: RESPONSE_ENVELOPE_MAX_BYTES - 1024 }).text);
    for (const layout of [LIVE_LAYOUT_VERSION, null]) expect((await recordFor(layout))[0]).toBe(LIVE_RECORD_FORMAT);
    expect(LIVE_LAYOUT_VERSION).toBeGreaterThanOrEqual(3);
  });

  it('refuses a later format, a damaged one, another instrument, another scan and a record that inflates past its bound', async () => {
    const record = encodeLiveResponse(SMALL_SCAN, submitted[0]!)!;
    const later = record.slice();
    later[0] = LIVE_RECORD_FORMAT + 1;
    expect(decodeLiveResponse(later, lookup)).toMatchObject({ ok: false, error: { code: 'future-version' } });
    expect(decodeLiveResponse(Uint8Array.of(LIVE_RECORD_FORMAT, 0xff, 0xff, 0xff), lookup)).toMatchObject({ ok: false, error: { code: 'handoff-malformed' } });
    const otherInstrument: Scan = { ...SMALL_SCAN, instrument: { ...SMALL_SCAN.instrument, version: SMALL_SCAN.instrument.version + 1 } };
    expect(decodeLiveResponse(record, () => otherInstrument)).toMatchObject({ ok: false, error: { code: 'handoff-instrument-mismatch' } });
    expect(decodeLiveResponse(record, () => undefined)).toMatchObject({ ok: false, error: { code: 'handoff-unknown-scan' } });
    // A few KiB that inflate to more than the bound: refused without allocating past it.
    const bomb = deflateSync(new Uint8Array(LIVE_RECORD_MAX_JSON_BYTES + 10).fill(0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(LIVE_RECORD_MAX_BYTES);
    const bombRecord = new Uint8Array(bomb.length + 1);
    bombRecord[0] = LIVE_RECORD_FORMAT;
    bombRecord.set(bomb, 1);
    expect(decodeLiveResponse(bombRecord, lookup)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    // Through the sealed box, the same refusal reaches the merge as a response error.
    const { sealer, opener } = keys();
    const recordId = makeRecordId();
    expect(await openResponse(opener, recordId, await sealer.seal(recordId, later), lookup)).toMatchObject({ ok: false, error: { code: 'response', detail: { code: 'future-version' } } });
  });
});
