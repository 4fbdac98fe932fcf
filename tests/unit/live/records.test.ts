// @vitest-environment node
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addResponseEnvelope,
  buildSessionDefinition,
  closeSession,
  createResponseOpener,
  createResponseSealer,
  createSessionCipher,
  isSessionClosed,
  makeRecipientKeyPair,
  makeRecordId,
  makeSessionId,
  makeSessionKey,
  openDefinition,
  openRecipientKey,
  openResponse,
  readDefinitionEnvelope,
  readRecipientEnvelope,
  readResponseEnvelopes,
  sealDefinition,
  sealRecipientKey,
  sealResponse,
  writeDefinitionEnvelope,
  type ResponseOpener,
  type ResponseSealer,
  type SessionCipher,
} from '../../../src/domain/live';
import { finaliseImport, planImport, buildExchangeFile } from '../../../src/domain/exchange';
import type { Scan, SubmittedResponse } from '../../../src/domain/types';
import { SMALL_RESPONSES, SMALL_SCAN } from '../../fixtures/exchange/smallScan';

const NOW = new Date('2026-11-30T09:00:00.000Z');
const submitted = SMALL_RESPONSES.filter((r): r is SubmittedResponse => r.status === 'submitted');
const lookup = (id: string): Scan | undefined => (id === SMALL_SCAN.id ? SMALL_SCAN : undefined);

function newCipher(sessionId = makeSessionId(), key = makeSessionKey()): SessionCipher {
  const made = createSessionCipher(sessionId, key);
  if (!made.ok) throw new Error(made.error);
  return made.value;
}

/** The director's key pair for a session: the phone's sealer and the director's opener. */
function newRecipient(sessionId: string): { sealer: ResponseSealer; opener: ResponseOpener; publicKey: string } {
  const pair = makeRecipientKeyPair();
  const sealer = createResponseSealer(sessionId, pair.publicKey);
  const opener = createResponseOpener(sessionId, pair.secretKey);
  if (!sealer.ok || !opener.ok) throw new Error('key pair unusable');
  return { sealer: sealer.value, opener: opener.value, publicKey: pair.publicKey };
}

describe('live document layout', () => {
  it('carries the encrypted definition and responses; a phone replica reads what the director wrote', async () => {
    const cipher = newCipher();
    const { opener, publicKey } = newRecipient(cipher.sessionId);
    const director = new Y.Doc();
    writeDefinitionEnvelope(director, await sealDefinition(cipher, buildSessionDefinition(SMALL_SCAN, NOW)), await sealRecipientKey(cipher, publicKey));

    const phone = new Y.Doc();
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(director));
    const definition = await openDefinition(cipher, readDefinitionEnvelope(phone));
    expect(definition.ok && definition.file.scans[0]!.title).toBe(SMALL_SCAN.title);
    // The phone learns the director's public key from the document, through the link's key.
    const recipient = await openRecipientKey(cipher, readRecipientEnvelope(phone));
    if (!recipient.ok) throw new Error(JSON.stringify(recipient.error));
    expect(recipient.publicKey).toBe(publicKey);
    const sealer = createResponseSealer(cipher.sessionId, recipient.publicKey);
    if (!sealer.ok) throw new Error(sealer.error);

    const recordId = makeRecordId();
    expect(addResponseEnvelope(phone, recordId, await sealResponse(sealer.value, recordId, SMALL_SCAN, submitted[0]!))).toBe('added');
    expect(addResponseEnvelope(phone, recordId, new Uint8Array(40))).toBe('exists');
    Y.applyUpdate(director, Y.encodeStateAsUpdate(phone));

    const { records, malformed } = readResponseEnvelopes(director);
    expect(malformed).toEqual([]);
    expect(records.map((r) => r.recordId)).toEqual([recordId]);
    const opened = await openResponse(opener, recordId, records[0]!.envelope, lookup);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    expect(opened.responseId).toBe(submitted[0]!.id);
    // What a second phone with the same link holds does not open it: only the director's secret key does.
    expect((await cipher.open('response', recordId, records[0]!.envelope)).ok).toBe(false);
    expect((await newRecipient(cipher.sessionId).opener.open(recordId, records[0]!.envelope)).ok).toBe(false);
    expect(opened.file.scans[0]!.responses[0]!.comments).toEqual(submitted[0]!.comments);
  });

  it('merges an arriving response through planImport: twice is counted once', async () => {
    const { sealer, opener } = newRecipient(makeSessionId());
    const recordId = makeRecordId();
    const envelope = await sealResponse(sealer, recordId, SMALL_SCAN, submitted[1]!);
    const opened = await openResponse(opener, recordId, envelope, lookup);
    if (!opened.ok) throw new Error('not opened');
    const first = finaliseImport(planImport({ scans: [SMALL_SCAN], responses: [] }, [opened.file], { now: NOW }), {});
    expect(first.responsesToAdd.map((r) => r.id)).toEqual([submitted[1]!.id]);
    const again = finaliseImport(planImport({ scans: [SMALL_SCAN], responses: first.responsesToAdd }, [opened.file], { now: NOW }), {});
    expect(again.responsesToAdd).toEqual([]);
    expect(again.responsesToReplace).toEqual([]);
  });

  it('refuses a record for another scan, a tampered one, and one under another record id', async () => {
    const { sealer, opener } = newRecipient(makeSessionId());
    const recordId = makeRecordId();
    const otherScan: Scan = { ...SMALL_SCAN, id: '11111111-2222-4333-8444-555555555555' };
    const foreign = await sealResponse(sealer, recordId, otherScan, { ...submitted[0]!, scanId: otherScan.id });
    const foreignOpened = await openResponse(opener, recordId, foreign, lookup);
    expect(!foreignOpened.ok && foreignOpened.error.code === 'response' && foreignOpened.error.detail.code).toBe('handoff-unknown-scan');

    const good = await sealResponse(sealer, recordId, SMALL_SCAN, submitted[0]!);
    const tampered = good.slice();
    tampered[60] = tampered[60]! ^ 0x80;
    expect(await openResponse(opener, recordId, tampered, lookup)).toEqual({ ok: false, error: { code: 'envelope', detail: 'decrypt-failed' } });
    expect(await openResponse(opener, makeRecordId(), good, lookup)).toEqual({ ok: false, error: { code: 'envelope', detail: 'decrypt-failed' } });
  });

  it('never seals a definition with answers', async () => {
    const withAnswers = buildExchangeFile([{ scan: SMALL_SCAN, responses: SMALL_RESPONSES }], NOW, 'x');
    await expect(sealDefinition(newCipher(), withAnswers)).rejects.toThrow(/never carries responses/);
  });

  it('lists malformed entries apart and reads the closed marker', () => {
    const doc = new Y.Doc();
    doc.getMap('responses').set('not-a-record-id', new Uint8Array(40));
    doc.getMap('responses').set(makeRecordId(), 'text instead of bytes');
    expect(readResponseEnvelopes(doc).records).toEqual([]);
    expect(readResponseEnvelopes(doc).malformed).toHaveLength(2);
    expect(isSessionClosed(doc)).toBe(false);
    closeSession(doc);
    expect(isSessionClosed(doc)).toBe(true);
  });
});
