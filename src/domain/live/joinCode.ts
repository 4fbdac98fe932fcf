import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeBase64Url, encodeUtf8, randomBytes } from './bytes';
import { SESSION_ID_BYTES, SESSION_KEY_BYTES } from './ids';

// The join code (docs/live-sessions.md "Join link"): 128 random bits written in Crockford's
// base32, 26 characters a person can read aloud or type on a phone when the camera fails
// ("7K3M-QX9P-…": no I, L, O or U, case does not matter, dashes and spaces are ignored, and the
// look-alikes O→0, I/L→1 are read as what was meant). The session id and the session key are
// both derived from it with HKDF-SHA256, so the short address carries nothing else:
//
//   <app>#/j/<code>              relay on the app's own host, port 1234 (npm run room)
//   <app>#/j/<code>?r=<relay>    any other relay
//
// The relay sees only the derived session id; the code and the key never leave the fragment.
// 128 bits keep the derived key as hard to guess as a random one.

export const JOIN_CODE_BYTES = 16;
/** 128 bits in 5-bit characters. */
export const JOIN_CODE_CHARS = 26;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SALT = encodeUtf8('ketenscan-live/join-code');

export function makeJoinCode(): string {
  return encodeCode(randomBytes(JOIN_CODE_BYTES));
}

function encodeCode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** The canonical code (26 characters, upper case) or null; accepts what people type. */
export function normaliseJoinCode(input: string): string | null {
  const text = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (text.length !== JOIN_CODE_CHARS) return null;
  for (const char of text) if (!ALPHABET.includes(char)) return null;
  // 26 × 5 = 130 bits for 128: the last character's two spare bits must be zero.
  if ((ALPHABET.indexOf(text[JOIN_CODE_CHARS - 1]!) & 0b11) !== 0) return null;
  return text;
}

export const isJoinCode = (value: unknown): value is string => typeof value === 'string' && normaliseJoinCode(value) === value;

function decodeCode(code: string): Uint8Array {
  const out = new Uint8Array(JOIN_CODE_BYTES);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of code) {
    value = (value << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      if (index < JOIN_CODE_BYTES) out[index++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  return out;
}

/** Groups of four for reading aloud and for the screen: "7K3M-QX9P-…-AB". */
export function formatJoinCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** The session id (the relay's document name) and the session key a code stands for. */
export function deriveSessionFromCode(code: string): { sessionId: string; key: string } | null {
  const canonical = normaliseJoinCode(code);
  if (canonical === null) return null;
  const secret = decodeCode(canonical);
  return {
    sessionId: encodeBase64Url(hkdf(sha256, secret, SALT, encodeUtf8('session id'), SESSION_ID_BYTES)),
    key: encodeBase64Url(hkdf(sha256, secret, SALT, encodeUtf8('session key'), SESSION_KEY_BYTES)),
  };
}
