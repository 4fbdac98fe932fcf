// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  createResponseOpener,
  createResponseSealer,
  createSessionCipher,
  encodeUtf8,
  isRecipientKey,
  makeRecipientKeyPair,
  makeRecordId,
  makeSessionId,
  makeSessionKey,
  nobleBackend,
  recipientPublicKeyOf,
  SEALED_VERSION,
  webCryptoBackend,
} from '../../../src/domain/live';

// Responses sealed to the director's public key (docs/live-sessions.md "Encryption"): whoever
// holds the join link can seal, only the director's secret key opens.

const plaintext = encodeUtf8('KS1 … antwoorden 4,5,3 · opmerking: "overleg loopt stroef"');

function pair(sessionId: string, backends: { seal?: typeof nobleBackend; open?: typeof nobleBackend } = {}) {
  const keys = makeRecipientKeyPair();
  const sealer = createResponseSealer(sessionId, keys.publicKey, { backend: backends.seal });
  const opener = createResponseOpener(sessionId, keys.secretKey, { backend: backends.open });
  if (!sealer.ok || !opener.ok) throw new Error('unusable key pair');
  return { keys, sealer: sealer.value, opener: opener.value };
}

describe('sealed responses', () => {
  it('opens with the secret key, across both AES-GCM backends, and never shows the plaintext', async () => {
    const sessionId = makeSessionId();
    const recordId = makeRecordId();
    for (const [seal, open] of [
      [webCryptoBackend, nobleBackend],
      [nobleBackend, webCryptoBackend],
    ] as const) {
      const { sealer, opener } = pair(sessionId, { seal, open });
      const envelope = await sealer.seal(recordId, plaintext);
      expect(envelope[0]).toBe(SEALED_VERSION);
      expect(envelope.length).toBe(1 + 32 + 12 + plaintext.length + 16);
      expect(Buffer.from(envelope).includes(Buffer.from('antwoorden'))).toBe(false);
      expect(await opener.open(recordId, envelope)).toEqual({ ok: true, value: plaintext });
    }
  });

  it('uses a fresh ephemeral key and IV for every response', async () => {
    const { sealer } = pair(makeSessionId());
    const recordId = makeRecordId();
    const a = await sealer.seal(recordId, plaintext);
    const b = await sealer.seal(recordId, plaintext);
    expect(Buffer.from(a.subarray(1, 33)).equals(Buffer.from(b.subarray(1, 33)))).toBe(false);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('cannot be opened with what a phone holds: the link key, or any other key pair', async () => {
    const sessionId = makeSessionId();
    const { sealer } = pair(sessionId);
    const recordId = makeRecordId();
    const envelope = await sealer.seal(recordId, plaintext);
    const linkKey = createSessionCipher(sessionId, makeSessionKey());
    if (!linkKey.ok) throw new Error(linkKey.error);
    expect((await linkKey.value.open('response', recordId, envelope)).ok).toBe(false);
    expect(await pair(sessionId).opener.open(recordId, envelope)).toEqual({ ok: false, error: 'decrypt-failed' });
  });

  it('refuses any altered byte, another record id or session, and a low-order ephemeral key', async () => {
    const sessionId = makeSessionId();
    const { sealer, opener, keys } = pair(sessionId);
    const recordId = makeRecordId();
    const envelope = await sealer.seal(recordId, plaintext);
    // One byte in each part: ephemeral key, IV, ciphertext, tag.
    for (const index of [5, 40, 50, envelope.length - 1]) {
      const altered = envelope.slice();
      altered[index] = altered[index]! ^ 0x01;
      expect(await opener.open(recordId, altered)).toEqual({ ok: false, error: 'decrypt-failed' });
    }
    expect(await opener.open(makeRecordId(), envelope)).toEqual({ ok: false, error: 'decrypt-failed' });
    const otherSession = createResponseOpener(makeSessionId(), keys.secretKey);
    if (!otherSession.ok) throw new Error(otherSession.error);
    expect(await otherSession.value.open(recordId, envelope)).toEqual({ ok: false, error: 'decrypt-failed' });
    const lowOrder = envelope.slice();
    lowOrder.fill(0, 1, 33);
    expect(await opener.open(recordId, lowOrder)).toEqual({ ok: false, error: 'decrypt-failed' });
  });

  it('tells a malformed or newer envelope apart, and refuses unusable keys', async () => {
    const { opener } = pair(makeSessionId());
    const recordId = makeRecordId();
    expect(await opener.open(recordId, new Uint8Array(20))).toEqual({ ok: false, error: 'malformed-envelope' });
    expect(await opener.open(recordId, 'text')).toEqual({ ok: false, error: 'malformed-envelope' });
    expect(await opener.open(recordId, Uint8Array.of(1, ...new Uint8Array(80)))).toEqual({ ok: false, error: 'malformed-envelope' });
    expect(await opener.open(recordId, Uint8Array.of(3, ...new Uint8Array(80)))).toEqual({ ok: false, error: 'unsupported-version' });
    expect(createResponseSealer(makeSessionId(), 'too-short')).toEqual({ ok: false, error: 'invalid-key' });
    expect(createResponseOpener(makeSessionId(), makeSessionKey().slice(1))).toEqual({ ok: false, error: 'invalid-key' });
  });

  it('derives the public key from the stored secret key', () => {
    const keys = makeRecipientKeyPair();
    expect(isRecipientKey(keys.publicKey)).toBe(true);
    expect(recipientPublicKeyOf(keys.secretKey)).toBe(keys.publicKey);
    expect(recipientPublicKeyOf('nope')).toBeNull();
  });
});
