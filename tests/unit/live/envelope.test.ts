// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import {
  createSessionCipher,
  decodeBase64Url,
  encodeBase64Url,
  makeRecordId,
  makeSessionId,
  makeSessionKey,
  nobleBackend,
  selectCryptoBackend,
  webCryptoBackend,
  type AesGcmBackend,
  type SessionCipher,
} from '../../../src/domain/live';

function cipherFor(sessionId: string, key: string, backend: AesGcmBackend): SessionCipher {
  const made = createSessionCipher(sessionId, key, { backend });
  if (!made.ok) throw new Error(made.error);
  return made.value;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytesOf = (value: string) => new TextEncoder().encode(value);

describe('session cipher', () => {
  const sessionId = makeSessionId();
  const key = makeSessionKey();
  const recordId = makeRecordId();

  it.each([
    ['webcrypto', 'noble'],
    ['noble', 'webcrypto'],
    ['webcrypto', 'webcrypto'],
    ['noble', 'noble'],
  ] as const)('sealed by %s, opened by %s', async (from, to) => {
    const backends = { webcrypto: webCryptoBackend, noble: nobleBackend };
    const sealed = await cipherFor(sessionId, key, backends[from]).seal('response', recordId, bytesOf('Politie: 4444244d44444'));
    const opened = await cipherFor(sessionId, key, backends[to]).open('response', recordId, sealed);
    expect(opened.ok && text(opened.value)).toBe('Politie: 4444244d44444');
  });

  it('writes version 1, a 12-byte IV and ciphertext plus a 16-byte tag; a fresh IV every time', async () => {
    const cipher = cipherFor(sessionId, key, webCryptoBackend);
    const a = await cipher.seal('response', recordId, bytesOf('same'));
    const b = await cipher.seal('response', recordId, bytesOf('same'));
    expect(a[0]).toBe(1);
    expect(a.length).toBe(1 + 12 + 4 + 16);
    expect(encodeBase64Url(a.subarray(1, 13))).not.toBe(encodeBase64Url(b.subarray(1, 13)));
    expect(encodeBase64Url(a)).not.toBe(encodeBase64Url(b));
  });

  it('refuses a ciphertext moved to another record, kind or session, or opened with another key', async () => {
    const cipher = cipherFor(sessionId, key, webCryptoBackend);
    const sealed = await cipher.seal('response', recordId, bytesOf('x'));
    expect(await cipher.open('response', makeRecordId(), sealed)).toEqual({ ok: false, error: 'decrypt-failed' });
    expect(await cipher.open('definition', recordId, sealed)).toEqual({ ok: false, error: 'decrypt-failed' });
    expect(await cipherFor(makeSessionId(), key, webCryptoBackend).open('response', recordId, sealed)).toEqual({ ok: false, error: 'decrypt-failed' });
    expect(await cipherFor(sessionId, makeSessionKey(), nobleBackend).open('response', recordId, sealed)).toEqual({ ok: false, error: 'decrypt-failed' });
  });

  it.each(['webcrypto', 'noble'] as const)('%s: any flipped bit is refused as a value, never thrown', async (name) => {
    const backend = name === 'webcrypto' ? webCryptoBackend : nobleBackend;
    const cipher = cipherFor(sessionId, key, backend);
    const sealed = await cipher.seal('response', recordId, bytesOf('Jeugdbescherming'));
    for (const index of [1, 12, 13, sealed.length - 1]) {
      const tampered = sealed.slice();
      tampered[index] = tampered[index]! ^ 0x01;
      expect(await cipher.open('response', recordId, tampered)).toEqual({ ok: false, error: 'decrypt-failed' });
    }
  });

  it('names malformed input instead of throwing', async () => {
    const cipher = cipherFor(sessionId, key, webCryptoBackend);
    expect(await cipher.open('response', recordId, 'not bytes')).toEqual({ ok: false, error: 'malformed-envelope' });
    expect(await cipher.open('response', recordId, new Uint8Array(20))).toEqual({ ok: false, error: 'malformed-envelope' });
    const future = await cipher.seal('response', recordId, bytesOf('x'));
    future[0] = 2;
    expect(await cipher.open('response', recordId, future)).toEqual({ ok: false, error: 'unsupported-version' });
    expect(createSessionCipher(sessionId, 'too-short')).toEqual({ ok: false, error: 'invalid-key' });
  });

  it('uses WebCrypto where crypto.subtle exists (Node, secure contexts)', () => {
    expect(selectCryptoBackend().name).toBe('webcrypto');
  });

  it('falls back to noble where crypto.subtle is missing (a phone on plain http), and WebCrypto reads what it wrote', async () => {
    const real = globalThis.crypto;
    const sealed = await (async () => {
      // An insecure context: getRandomValues stays, subtle is gone.
      vi.stubGlobal('crypto', { getRandomValues: real.getRandomValues.bind(real) });
      try {
        const made = createSessionCipher(sessionId, key);
        if (!made.ok) throw new Error(made.error);
        expect(made.value.backend).toBe('noble');
        return await made.value.seal('response', recordId, bytesOf('op het telefoonnetwerk'));
      } finally {
        vi.unstubAllGlobals();
      }
    })();
    const opened = await cipherFor(sessionId, key, webCryptoBackend).open('response', recordId, sealed);
    expect(opened.ok && text(opened.value)).toBe('op het telefoonnetwerk');
  });
});

describe('base64url', () => {
  it('round-trips bytes and refuses non-canonical or foreign text', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256);
    expect(decodeBase64Url(encodeBase64Url(bytes))).toEqual(bytes);
    expect(encodeBase64Url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
    expect(decodeBase64Url('-_9')).toBeNull(); // same bytes, other trailing bits
    expect(decodeBase64Url('ab+c')).toBeNull();
    expect(decodeBase64Url('abc=')).toBeNull();
  });

  it('makes ids and keys of the documented sizes', () => {
    expect(decodeBase64Url(makeSessionId())).toHaveLength(16);
    expect(decodeBase64Url(makeSessionKey())).toHaveLength(32);
    expect(makeSessionId()).not.toBe(makeSessionId());
  });
});
