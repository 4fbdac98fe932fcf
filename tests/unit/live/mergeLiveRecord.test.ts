import { beforeEach, describe, expect, it } from 'vitest';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import { buildScan } from '../../fixtures/buildScan';
import { createResponseOpener, createResponseSealer, makeRecipientKeyPair, makeRecordId, makeSessionId, sealResponse, type ResponseOpener, type ResponseSealer } from '../../../src/domain/live';
import type { SubmittedResponse } from '../../../src/domain/types';
import { mergeLiveRecord } from '../../../src/features/live/mergeLiveRecord';
import { LIVE_PHONE_PREFIX as SYNC_PREFIX } from '../../../src/features/live/phoneSync';
import { LIVE_PHONE_PREFIX as TRIGGER_PREFIX } from '../../../src/features/respond/liveDelivery';
import { db } from '../../../src/storage/db';

// The director's merge of live records: the same validation and merge by id as a file import.

const demo = generateDemoScan({ now: new Date('2026-11-30T09:00:00Z') });
const scan = buildScan({ id: '0b6f1c9e-5d2a-4c1e-9a3b-7e8f9d0c1a2b' }, demo.scan);
const otherScan = buildScan({ id: '1c7a2d0f-6e3b-4d2f-8b4c-8f9a0e1d2b3c' }, demo.scan);
const submitted = demo.responses.find((r) => r.status === 'submitted')!;
const response: SubmittedResponse = { ...(structuredClone(submitted) as SubmittedResponse), id: '2d8b3e1a-7f4c-4e3a-9c5d-9a0b1f2e3c4d', scanId: scan.id };

/** A session's two halves: what a phone seals with, and what only the director's device opens with. */
function keysFor(sessionId = makeSessionId()): { sealer: ResponseSealer; opener: ResponseOpener; sessionId: string } {
  const pair = makeRecipientKeyPair();
  const sealer = createResponseSealer(sessionId, pair.publicKey);
  const opener = createResponseOpener(sessionId, pair.secretKey);
  if (!sealer.ok || !opener.ok) throw new Error('key pair unusable');
  return { sealer: sealer.value, opener: opener.value, sessionId };
}

const stored = () => db.responses.where('scanId').equals(scan.id).toArray();

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.scans.bulkAdd([structuredClone(scan), structuredClone(otherScan)]);
});

describe('mergeLiveRecord', () => {
  it('adds a new response once; the same response again, under another record id, is a duplicate', async () => {
    const { sealer, opener } = keysFor();
    const first = makeRecordId();
    expect(await mergeLiveRecord(opener, first, await sealResponse(sealer, first, scan, response), scan)).toEqual({ kind: 'added', responseId: response.id });
    const again = makeRecordId();
    expect(await mergeLiveRecord(opener, again, await sealResponse(sealer, again, scan, response), scan)).toEqual({ kind: 'duplicate', responseId: response.id });
    const rows = await stored();
    expect(rows.map((r) => r.id)).toEqual([response.id]);
    expect(rows[0]!.answers).toEqual(response.answers);
  });

  it('refuses a tampered ciphertext, another key and a record moved to another id, and stores nothing', async () => {
    const { sealer, opener, sessionId } = keysFor();
    const recordId = makeRecordId();
    const envelope = await sealResponse(sealer, recordId, scan, response);
    const tampered = envelope.slice();
    tampered[tampered.length - 20]! ^= 0x01;
    expect(await mergeLiveRecord(opener, recordId, tampered, scan)).toEqual({ kind: 'refused', reason: 'undecryptable' });
    expect(await mergeLiveRecord(keysFor(sessionId).opener, recordId, envelope, scan)).toEqual({ kind: 'refused', reason: 'undecryptable' });
    expect(await mergeLiveRecord(keysFor().opener, recordId, envelope, scan)).toEqual({ kind: 'refused', reason: 'undecryptable' });
    expect(await mergeLiveRecord(opener, makeRecordId(), envelope, scan)).toEqual({ kind: 'refused', reason: 'undecryptable' });
    expect(await mergeLiveRecord(opener, recordId, new Uint8Array([1, 2, 3]), scan)).toEqual({ kind: 'refused', reason: 'undecryptable' });
    expect(await stored()).toEqual([]);
  });

  it('refuses a response to another scan', async () => {
    const { sealer, opener } = keysFor();
    const recordId = makeRecordId();
    const envelope = await sealResponse(sealer, recordId, otherScan, { ...response, scanId: otherScan.id });
    expect(await mergeLiveRecord(opener, recordId, envelope, scan)).toEqual({ kind: 'refused', reason: 'other-scan' });
    expect(await db.responses.count()).toBe(0);
  });

  it('never overwrites a stored response with other content under the same id', async () => {
    const { sealer, opener } = keysFor();
    const first = makeRecordId();
    await mergeLiveRecord(opener, first, await sealResponse(sealer, first, scan, response), scan);
    const changed: SubmittedResponse = { ...response, improvement: 'Anders' };
    const second = makeRecordId();
    expect(await mergeLiveRecord(opener, second, await sealResponse(sealer, second, scan, changed), scan)).toEqual({ kind: 'refused', reason: 'conflict' });
    expect((await stored())[0]!.improvement).toBe(response.improvement);
  });

  it('the participant route and the delivery code name the same per-device record', () => {
    expect(TRIGGER_PREFIX).toBe(SYNC_PREFIX);
  });
});
