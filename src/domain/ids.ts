// Ids for scans, responses and series. crypto.randomUUID exists only in a secure context (https
// or this machine's own address); on plain http in a room's network it is missing, while
// crypto.getRandomValues works everywhere. docs/origins.md

/** The part of Web Crypto used here: randomUUID is optional, getRandomValues is not. */
export interface RandomSource {
  getRandomValues(array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>;
  randomUUID?: () => string;
}

/** An RFC 4122 version-4 UUID: crypto.randomUUID when the page has it, else built from getRandomValues. */
export function makeUuid(source: RandomSource = globalThis.crypto): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const b = source.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // variant 10xx (RFC 4122)
  const hex = Array.from(b, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return hex.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}
