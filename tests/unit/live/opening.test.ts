// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  createResponseOpener,
  createResponseSealer,
  createSessionCipher,
  ENVELOPE_VERSION,
  encodeUtf8,
  makeRecipientKeyPair,
  makeRecordId,
  makeSessionId,
  makeSessionKey,
  nobleBackend,
  SEALED_VERSION,
  type AesGcmBackend,
  type EnvelopeResult,
} from '../../../src/domain/live';

// Opening a live record is one path (src/domain/live/opening.ts): the session-key envelope and
// the response sealed to the director name the same errors for the same failures, including a
// device where no AES-GCM can run at all.

const plaintext = encodeUtf8('antwoorden 4,5,3');

/** A device without crypto.subtle whose fallback could not load either: decrypting throws as WebCrypto does then. */
const noCrypto: AesGcmBackend = {
  name: 'webcrypto',
  encrypt: nobleBackend.encrypt,
  async decrypt() {
    throw new TypeError("Cannot read properties of undefined (reading 'importKey')");
  },
};

/** Seals with a working backend; opens with `openWith`: one opening function per kind of record. */
async function bothKinds(openWith: AesGcmBackend): Promise<Record<'envelope' | 'sealed', (tamper?: (b: Uint8Array) => void) => Promise<EnvelopeResult<Uint8Array>>>> {
  const sessionId = makeSessionId();
  const key = makeSessionKey();
  const recordId = makeRecordId();
  const sealing = createSessionCipher(sessionId, key, { backend: nobleBackend });
  const opening = createSessionCipher(sessionId, key, { backend: openWith });
  const pair = makeRecipientKeyPair();
  const sealer = createResponseSealer(sessionId, pair.publicKey, { backend: nobleBackend });
  const opener = createResponseOpener(sessionId, pair.secretKey, { backend: openWith });
  if (!sealing.ok || !opening.ok || !sealer.ok || !opener.ok) throw new Error('unusable keys');
  const envelopeBytes = await sealing.value.seal('definition', recordId, plaintext);
  const sealedBytes = await sealer.value.seal(recordId, plaintext);
  const tampered = (bytes: Uint8Array, tamper?: (b: Uint8Array) => void) => {
    const copy = bytes.slice();
    tamper?.(copy);
    return copy;
  };
  return {
    envelope: (tamper) => opening.value.open('definition', recordId, tampered(envelopeBytes, tamper)),
    sealed: (tamper) => opener.value.open(recordId, tampered(sealedBytes, tamper)),
  };
}

describe('opening a live record', () => {
  it('reports crypto-unavailable for a response sealed to the director, as for a session-key envelope', async () => {
    const open = await bothKinds(noCrypto);
    expect(await open.envelope()).toEqual({ ok: false, error: 'crypto-unavailable' });
    expect(await open.sealed()).toEqual({ ok: false, error: 'crypto-unavailable' });
  });

  it('names the same error for the same damage in both kinds', async () => {
    const open = await bothKinds(nobleBackend);
    expect((await open.envelope()).ok).toBe(true);
    expect((await open.sealed()).ok).toBe(true);
    const flipLast = (b: Uint8Array) => void (b[b.length - 1]! ^= 0x01);
    expect(await open.envelope(flipLast)).toEqual({ ok: false, error: 'decrypt-failed' });
    expect(await open.sealed(flipLast)).toEqual({ ok: false, error: 'decrypt-failed' });
    expect(await open.envelope((b) => void (b[0] = ENVELOPE_VERSION + 5))).toEqual({ ok: false, error: 'unsupported-version' });
    expect(await open.sealed((b) => void (b[0] = SEALED_VERSION + 5))).toEqual({ ok: false, error: 'unsupported-version' });
    expect(await open.envelope((b) => void (b[0] = 0))).toEqual({ ok: false, error: 'malformed-envelope' });
    expect(await open.sealed((b) => void (b[0] = 0))).toEqual({ ok: false, error: 'malformed-envelope' });
  });
});
