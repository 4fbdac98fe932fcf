// Byte helpers shared by the live-session code. Plain TS on purpose: it runs in browsers (also on
// plain http, where only crypto.getRandomValues exists, not crypto.subtle) and in Node 20.

const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;

/** RFC 4648 §5 base64url without padding: safe in a URL fragment and a file name. */
export function encodeBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so a large array never overflows the argument limit of String.fromCharCode.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** null when the text is not base64url (padding is refused too: we never write it). */
export function decodeBase64Url(text: string): Uint8Array | null {
  if (!BASE64URL_PATTERN.test(text) || text.length % 4 === 1) return null;
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  let binary: string;
  try {
    binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  // Non-canonical trailing bits would let two texts name the same bytes; refuse them.
  return encodeBase64Url(bytes) === text ? bytes : null;
}

/** Cryptographically random bytes; getRandomValues exists in insecure contexts too. */
export function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

export function encodeUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** null for invalid UTF-8: a damaged payload is refused, never patched with U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Yjs and `ws` hand out Buffers and views from other realms; this makes a plain Uint8Array check. */
export function isByteArray(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array || (ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]');
}
