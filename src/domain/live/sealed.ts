import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  concatBytes,
  decodeBase64Url,
  encodeBase64Url,
  encodeUtf8,
  IV_BYTES,
  randomBytes,
  RECIPIENT_KEY_BYTES,
  SEALED_HEADER_BYTES as HEADER_BYTES,
  SEALED_VERSION,
  TAG_BYTES,
} from '@ketenscan/live-protocol';
import { selectCryptoBackend, type AesGcmBackend, type EnvelopeResult } from './envelope';
import { checkEnvelopeHeader, decryptOrExplain } from './opening';

// Responses sealed to the director's device (docs/live-sessions.md "Encryption"). The session
// key in the join link opens the scan definition, and every phone holds that link: a response
// sealed with it could be read by anyone who scanned the QR code. So a response is sealed to a
// public key instead, whose private half never leaves the director's device — an ECIES sealed
// box, as libsodium's crypto_box_seal, from audited parts:
//
//   ephemeral X25519 key pair (per response) → shared = X25519(ephemeral secret, director public)
//   key = HKDF-SHA256(shared, salt = ephemeral public ‖ director public, info = INFO)
//   AES-256-GCM(key, fresh 12-byte IV, plaintext, additional data = place of the record)
//
//   bytes: [0x02 version][32 bytes ephemeral public key][12 bytes IV][ciphertext ‖ 16-byte tag]
//
// A phone can seal but never open: it holds no private key, and the ephemeral secret is dropped
// after sealing. X25519 and HKDF are @noble/curves and @noble/hashes (audited, plain JS), so a
// phone on plain http, without crypto.subtle, seals the same bytes; AES-GCM goes through the
// envelope's backends (WebCrypto where present, @noble/ciphers otherwise).

// The layout's constants and the relay's well-formedness check (isWellFormedSealedRecord) are
// in @ketenscan/live-protocol (live-protocol/src/sealedRecord.ts): the relay reads them too.
const AAD_LABEL = 'ketenscan-live/2';
const INFO = encodeUtf8('ketenscan-live/2 sealed response');

export interface RecipientKeyPair {
  /** base64url; stays on the director's device (Dexie meta, live session row). */
  secretKey: string;
  /** base64url; travels to phones inside the session-key envelope, so the relay cannot swap it. */
  publicKey: string;
}

export function makeRecipientKeyPair(): RecipientKeyPair {
  const secret = x25519.utils.randomSecretKey();
  return { secretKey: encodeBase64Url(secret), publicKey: encodeBase64Url(x25519.getPublicKey(secret)) };
}

function decodeKey(text: unknown): Uint8Array | null {
  if (typeof text !== 'string') return null;
  const bytes = decodeBase64Url(text);
  return bytes && bytes.length === RECIPIENT_KEY_BYTES ? bytes : null;
}

export const isRecipientKey = (value: unknown): value is string => decodeKey(value) !== null;

/** The public half of a stored secret key: lets the director check what the document carries. */
export function recipientPublicKeyOf(secretKey: string): string | null {
  const secret = decodeKey(secretKey);
  return secret ? encodeBase64Url(x25519.getPublicKey(secret)) : null;
}

/**
 * What a sealed box holds: a response, or a ballot of a vote (ballot.ts). Bound into the
 * additional data, so a ballot can never be opened as a response, nor the other way round.
 */
export type SealedKind = 'response' | 'ballot';

function sealedAdditionalData(sessionId: string, recordId: string, kind: SealedKind): Uint8Array {
  return encodeUtf8([AAD_LABEL, sessionId, kind, recordId].join('\u0000'));
}

function deriveKey(shared: Uint8Array, ephemeralPublic: Uint8Array, recipientPublic: Uint8Array): Uint8Array {
  return hkdf(sha256, shared, concatBytes(ephemeralPublic, recipientPublic), INFO, 32);
}

/** A phone: seals responses of one session to the director's public key. */
export interface ResponseSealer {
  sessionId: string;
  seal(recordId: string, plaintext: Uint8Array, kind?: SealedKind): Promise<Uint8Array>;
}

/** The director's device: opens what phones sealed; never throws. */
export interface ResponseOpener {
  sessionId: string;
  open(recordId: string, envelope: unknown, kind?: SealedKind): Promise<EnvelopeResult<Uint8Array>>;
}

export function createResponseSealer(
  sessionId: string,
  recipientPublicKey: string,
  options: { backend?: AesGcmBackend } = {},
): EnvelopeResult<ResponseSealer> {
  const recipient = decodeKey(recipientPublicKey);
  if (!recipient) return { ok: false, error: 'invalid-key' };
  const backend = options.backend ?? selectCryptoBackend();
  return {
    ok: true,
    value: {
      sessionId,
      async seal(recordId, plaintext, kind = 'response') {
        const ephemeralSecret = x25519.utils.randomSecretKey();
        const ephemeralPublic = x25519.getPublicKey(ephemeralSecret);
        const key = deriveKey(x25519.getSharedSecret(ephemeralSecret, recipient), ephemeralPublic, recipient);
        const iv = randomBytes(IV_BYTES);
        const sealed = await backend.encrypt(key, iv, plaintext, sealedAdditionalData(sessionId, recordId, kind));
        return concatBytes(Uint8Array.of(SEALED_VERSION), ephemeralPublic, iv, sealed);
      },
    },
  };
}

export function createResponseOpener(
  sessionId: string,
  recipientSecretKey: string,
  options: { backend?: AesGcmBackend } = {},
): EnvelopeResult<ResponseOpener> {
  const secret = decodeKey(recipientSecretKey);
  if (!secret) return { ok: false, error: 'invalid-key' };
  const recipient = x25519.getPublicKey(secret);
  const backend = options.backend ?? selectCryptoBackend();
  return {
    ok: true,
    value: {
      sessionId,
      async open(recordId, envelope, kind = 'response') {
        const checked = checkEnvelopeHeader(envelope, SEALED_VERSION, HEADER_BYTES + TAG_BYTES);
        if (!checked.ok) return checked;
        const ephemeralPublic = checked.value.slice(1, 1 + RECIPIENT_KEY_BYTES);
        const iv = checked.value.slice(1 + RECIPIENT_KEY_BYTES, HEADER_BYTES);
        let key: Uint8Array;
        try {
          // noble refuses low-order points (an all-zero shared secret): an altered key is refused.
          key = deriveKey(x25519.getSharedSecret(secret, ephemeralPublic), ephemeralPublic, recipient);
        } catch {
          return { ok: false, error: 'decrypt-failed' };
        }
        return decryptOrExplain(() => backend.decrypt(key, iv, checked.value.subarray(HEADER_BYTES), sealedAdditionalData(sessionId, recordId, kind)));
      },
    },
  };
}
