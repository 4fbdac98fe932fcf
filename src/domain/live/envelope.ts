import { concatBytes, decodeBase64Url, encodeUtf8, IV_BYTES, randomBytes, SESSION_KEY_BYTES, TAG_BYTES } from '@ketenscan/live-protocol';
import { checkEnvelopeHeader, decryptOrExplain } from './opening';

// The encryption envelope of every record in a live session (docs/live-sessions.md
// "Encryption"): AES-256-GCM, a fresh random 12-byte IV per message, as in excalidraw's
// `data/encryption.ts`. Bytes:
//
//   [0x01 version][12 bytes IV][ciphertext ‖ 16-byte GCM tag]
//
// The additional data binds a ciphertext to its place, so the relay (or anyone holding the
// document) cannot move a record to another session or another key and have it accepted:
//
//   "ketenscan-live/1" 0x00 sessionId 0x00 kind 0x00 recordId
//
// Two implementations produce and accept the same bytes: WebCrypto where `crypto.subtle` exists
// (secure contexts: https, localhost; Node) and @noble/ciphers' audited plain-JS `gcm` where it
// does not (a phone on plain http in the room network). The noble code is loaded only then.

export const ENVELOPE_VERSION = 1;
const HEADER_BYTES = 1 + IV_BYTES;
const AAD_LABEL = 'ketenscan-live/1';

/** 'response' is kept for the AAD's shape; responses themselves are sealed by sealed.ts. */
/** 'vote': the definition of a vote on the phones (ballot.ts, docs/live-sessions.md "Votes"); 'summary': the results on the phones (summaryRecord.ts). */
export type RecordKind = 'definition' | 'recipient' | 'response' | 'options' | 'presence' | 'vote' | 'summary';

export type EnvelopeError =
  /** The key text is not 32 bytes of base64url. */
  | 'invalid-key'
  /** Not bytes, too short, or not our layout. */
  | 'malformed-envelope'
  /** A newer envelope than this reader knows. */
  | 'unsupported-version'
  /** Wrong key, wrong place (session, kind, id) or altered bytes: GCM's tag did not match. */
  | 'decrypt-failed'
  /** Neither WebCrypto nor the fallback could run. */
  | 'crypto-unavailable';

export type EnvelopeResult<T> = { ok: true; value: T } | { ok: false; error: EnvelopeError };

export type CryptoBackendName = 'webcrypto' | 'noble';

export interface AesGcmBackend {
  name: CryptoBackendName;
  encrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array>;
  /** Rejects when the tag does not match. */
  decrypt(key: Uint8Array, iv: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Promise<Uint8Array>;
}

/** WebCrypto needs its input as an ArrayBuffer-backed view; Yjs may hand out shared buffers. */
function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}

export const webCryptoBackend: AesGcmBackend = {
  name: 'webcrypto',
  async encrypt(key, iv, plaintext, aad) {
    const subtle = globalThis.crypto.subtle;
    const cryptoKey = await subtle.importKey('raw', ownBytes(key), 'AES-GCM', false, ['encrypt']);
    const params = { name: 'AES-GCM', iv: ownBytes(iv), additionalData: ownBytes(aad), tagLength: TAG_BYTES * 8 };
    return new Uint8Array(await subtle.encrypt(params, cryptoKey, ownBytes(plaintext)));
  },
  async decrypt(key, iv, sealed, aad) {
    const subtle = globalThis.crypto.subtle;
    const cryptoKey = await subtle.importKey('raw', ownBytes(key), 'AES-GCM', false, ['decrypt']);
    const params = { name: 'AES-GCM', iv: ownBytes(iv), additionalData: ownBytes(aad), tagLength: TAG_BYTES * 8 };
    return new Uint8Array(await subtle.decrypt(params, cryptoKey, ownBytes(sealed)));
  },
};

export const nobleBackend: AesGcmBackend = {
  name: 'noble',
  async encrypt(key, iv, plaintext, aad) {
    const { gcm } = await import('@noble/ciphers/aes.js');
    return gcm(key, iv, aad).encrypt(plaintext);
  },
  async decrypt(key, iv, sealed, aad) {
    const { gcm } = await import('@noble/ciphers/aes.js');
    return gcm(key, iv, aad).decrypt(sealed);
  },
};

/** WebCrypto when the context offers it (it is hardware-backed and constant-time), else noble. */
export function selectCryptoBackend(): AesGcmBackend {
  const subtle = globalThis.crypto?.subtle;
  return subtle && typeof subtle.encrypt === 'function' ? webCryptoBackend : nobleBackend;
}

export function envelopeAdditionalData(sessionId: string, kind: RecordKind, recordId: string): Uint8Array {
  return encodeUtf8([AAD_LABEL, sessionId, kind, recordId].join('\u0000'));
}

/** Encrypts and decrypts the records of one session with its key. */
export interface SessionCipher {
  sessionId: string;
  backend: CryptoBackendName;
  seal(kind: RecordKind, recordId: string, plaintext: Uint8Array): Promise<Uint8Array>;
  /** Never throws: every failure is an EnvelopeError value. */
  open(kind: RecordKind, recordId: string, envelope: unknown): Promise<EnvelopeResult<Uint8Array>>;
}

export function createSessionCipher(
  sessionId: string,
  keyText: string,
  options: { backend?: AesGcmBackend } = {},
): EnvelopeResult<SessionCipher> {
  const key = decodeBase64Url(keyText);
  if (!key || key.length !== SESSION_KEY_BYTES) return { ok: false, error: 'invalid-key' };
  const backend = options.backend ?? selectCryptoBackend();
  return {
    ok: true,
    value: {
      sessionId,
      backend: backend.name,
      async seal(kind, recordId, plaintext) {
        const iv = randomBytes(IV_BYTES);
        const sealed = await backend.encrypt(key, iv, plaintext, envelopeAdditionalData(sessionId, kind, recordId));
        return concatBytes(Uint8Array.of(ENVELOPE_VERSION), iv, sealed);
      },
      async open(kind, recordId, envelope) {
        const checked = checkEnvelopeHeader(envelope, ENVELOPE_VERSION, HEADER_BYTES + TAG_BYTES);
        if (!checked.ok) return checked;
        const iv = checked.value.subarray(1, HEADER_BYTES);
        const sealed = checked.value.subarray(HEADER_BYTES);
        return decryptOrExplain(() => backend.decrypt(key, iv, sealed, envelopeAdditionalData(sessionId, kind, recordId)));
      },
    },
  };
}
