import { isByteArray } from './bytes';
import { RESPONSE_ENVELOPE_MAX_BYTES } from './limits';

// The outer shape of a response sealed to the director's public key (docs/live-sessions.md
// "Encryption"). The sealing and opening live in the app (src/domain/live/sealed.ts); the relay
// only needs to tell a well-formed box from anything else, so the layout both sides read is here:
//
//   bytes: [0x02 version][32 bytes ephemeral public key][12 bytes IV][ciphertext ‖ 16-byte tag]

export const SEALED_VERSION = 2;
/** An X25519 key: the director's public key, and each record's ephemeral one. */
export const RECIPIENT_KEY_BYTES = 32;
/** AES-GCM's IV and tag, as in every envelope of a live session. */
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
/** Version, ephemeral public key and IV: what precedes the ciphertext. */
export const SEALED_HEADER_BYTES = 1 + RECIPIENT_KEY_BYTES + IV_BYTES;

/** The smallest sealed box: version, ephemeral key, IV, tag and at least one byte of plaintext. */
export const SEALED_RECORD_MIN_BYTES = SEALED_HEADER_BYTES + TAG_BYTES + 1;

/**
 * The shape of a sealed response, as far as anyone without the director's secret key can tell:
 * bytes, the sealed version first, and a length between the smallest sealed box and the record
 * maximum. The relay refuses any other record (docs/live-sessions.md "Relay rules"); it cannot
 * tell a real box from random bytes with the right first byte, only the director's device can.
 */
export function isWellFormedSealedRecord(value: unknown): value is Uint8Array {
  return isByteArray(value) && value.length >= SEALED_RECORD_MIN_BYTES && value.length <= RESPONSE_ENVELOPE_MAX_BYTES && value[0] === SEALED_VERSION;
}
