import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, encodeBase64Url, encodeUtf8, randomBytes, SESSION_ID_BYTES, SESSION_KEY_BYTES } from '@ketenscan/live-protocol';

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
//
// A code made by this version has a 27th character, a check character (Luhn mod 32): a typo is
// caught on the phone with a plain message instead of a session that never answers. And its 128
// bits are not drawn at random but are the session's *pin* (`sessionPin`): a hash of the
// director's public key, the scan definition and the session options. A phone recomputes the
// pin from what the document carries and refuses anything else, so whoever controls the relay
// and photographs the QR code cannot swap the director's key (docs/live-sessions.md "Key
// pinning"). Codes of 26 characters (sessions of earlier versions) are still read, unpinned.

export const JOIN_CODE_BYTES = 16;
/** 128 bits in 5-bit characters. */
export const JOIN_CODE_BODY_CHARS = 26;
/** The body and its check character. */
export const JOIN_CODE_CHARS = 27;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SALT = encodeUtf8('ketenscan-live/join-code');
const PIN_LABEL = encodeUtf8('ketenscan-live/pin\u0000');

/** A random code with its check character (tests and sessions without a pin). */
export function makeJoinCode(): string {
  return makePinnedJoinCode(randomBytes(JOIN_CODE_BYTES));
}

/** The code whose 128 bits are `pin` (sessionPin), with its check character. */
export function makePinnedJoinCode(pin: Uint8Array): string {
  if (pin.length !== JOIN_CODE_BYTES) throw new Error(`A pin has ${JOIN_CODE_BYTES} bytes`);
  const body = encodeCode(pin);
  return body + checkCharacter(body);
}

/**
 * The 128 bits a pinned join code carries: SHA-256 over the director's public key, the sealed
 * definition's plaintext and the session options, cut to 16 bytes. Second preimages of 128 bits
 * are out of reach, so a phone that finds the same pin has the director's own key.
 */
export function sessionPin(publicKey: Uint8Array, definition: Uint8Array, options: Uint8Array): Uint8Array {
  return sha256(concatBytes(PIN_LABEL, publicKey, sha256(definition), sha256(options))).slice(0, JOIN_CODE_BYTES);
}

/** True when `code` pins exactly `pin`; a code of an earlier version pins nothing. */
export function codeMatchesPin(code: string, pin: Uint8Array): boolean {
  const canonical = normaliseJoinCode(code);
  if (canonical === null) return false;
  if (!isPinnedCode(canonical)) return true;
  const carried = decodeCode(canonical.slice(0, JOIN_CODE_BODY_CHARS));
  return carried.length === pin.length && carried.every((byte, i) => byte === pin[i]);
}

/** Codes made by this version carry a pin and a check character; 26-character ones do not. */
export function isPinnedCode(code: string): boolean {
  return code.length === JOIN_CODE_CHARS;
}

/** Luhn mod 32 over the body: catches every single wrong character and most swapped neighbours. */
function checkCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i -= 1) {
    const addend = factor * ALPHABET.indexOf(body[i]!);
    factor = factor === 2 ? 1 : 2;
    sum += Math.floor(addend / 32) + (addend % 32);
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!;
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

export type JoinCodeReading =
  | { ok: true; code: string }
  /** `length`: too few or too many characters; `character`: one that is not in a code; `check`: a typo. */
  | { ok: false; problem: 'length' | 'character' | 'check'; length: number };

/** Reads what people type: case, dashes and spaces are ignored, O→0 and I/L→1. */
export function readJoinCode(input: string): JoinCodeReading {
  const text = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  for (const char of text) if (!ALPHABET.includes(char)) return { ok: false, problem: 'character', length: text.length };
  if (text.length !== JOIN_CODE_CHARS && text.length !== JOIN_CODE_BODY_CHARS) return { ok: false, problem: 'length', length: text.length };
  // 26 × 5 = 130 bits for 128: the body's last character's two spare bits must be zero.
  const spare = (ALPHABET.indexOf(text[JOIN_CODE_BODY_CHARS - 1]!) & 0b11) !== 0;
  if (text.length === JOIN_CODE_CHARS && (spare || checkCharacter(text.slice(0, JOIN_CODE_BODY_CHARS)) !== text[JOIN_CODE_BODY_CHARS])) {
    return { ok: false, problem: 'check', length: text.length };
  }
  if (spare) return { ok: false, problem: 'check', length: text.length };
  return { ok: true, code: text };
}

/** The canonical code (27 or, from earlier versions, 26 characters, upper case) or null. */
export function normaliseJoinCode(input: string): string | null {
  const reading = readJoinCode(input);
  return reading.ok ? reading.code : null;
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
  const secret = decodeCode(canonical.slice(0, JOIN_CODE_BODY_CHARS));
  return {
    sessionId: encodeBase64Url(hkdf(sha256, secret, SALT, encodeUtf8('session id'), SESSION_ID_BYTES)),
    key: encodeBase64Url(hkdf(sha256, secret, SALT, encodeUtf8('session key'), SESSION_KEY_BYTES)),
  };
}
