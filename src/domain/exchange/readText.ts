import { makeError, type ExchangeError } from './errors';

// Bytes → text, before any parsing. Decisions (see CONTEXT.md):
// - the size limit is checked first, on the byte count, so a 50 MB file is refused at once;
// - a UTF-8 byte order mark is stripped (Windows editors write one; it is not an error);
// - UTF-16 with a byte order mark (Notepad's "Unicode") is decoded; UTF-16 without one is
//   refused with 'utf16', since guessing its byte order could turn text into different text;
// - bytes that are not valid UTF-8 are refused ('invalid-utf8'), never replaced by U+FFFD.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  /** Size as measured against `maxBytes`: bytes for binary input, UTF-16 code units for a string. */
  size: number;
  encoding: TextEncodingName;
  hadByteOrderMark: boolean;
}

export type ReadTextResult = { ok: true; value: DecodedText } | { ok: false; error: ExchangeError };

export function readExchangeText(input: string | ArrayBuffer | Uint8Array, maxBytes: number): ReadTextResult {
  if (typeof input === 'string') return readString(input, maxBytes);
  // ArrayBuffer.isView and new Uint8Array(buffer) work across realms (jsdom, iframes), instanceof does not.
  const bytes = ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
  return readBytes(bytes, maxBytes);
}

function readString(text: string, maxBytes: number): ReadTextResult {
  if (text.length > maxBytes) return { ok: false, error: makeError('too-large', [], { limit: maxBytes }) };
  const hadByteOrderMark = text.charCodeAt(0) === 0xfeff;
  return { ok: true, value: { text: hadByteOrderMark ? text.slice(1) : text, size: text.length, encoding: 'utf-8', hadByteOrderMark } };
}

function readBytes(bytes: Uint8Array, maxBytes: number): ReadTextResult {
  if (bytes.byteLength > maxBytes) {
    return { ok: false, error: makeError('too-large', [], { limit: maxBytes, actual: bytes.byteLength }) };
  }
  const size = bytes.byteLength;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decode(bytes.subarray(3), 'utf-8', size, true);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le', size, true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be', size, true);
  // JSON text in UTF-8 never contains a NUL byte (JSON escapes U+0000), while UTF-16 of ASCII
  // text has one in every other byte: a NUL near the start means UTF-16 (or UTF-32) without a BOM.
  const head = bytes.subarray(0, 4);
  if (head.includes(0)) return { ok: false, error: makeError('utf16', []) };
  return decode(bytes, 'utf-8', size, false);
}

function decode(bytes: Uint8Array, encoding: TextEncodingName, size: number, hadByteOrderMark: boolean): ReadTextResult {
  try {
    // ignoreBOM: the mark was already removed above; a second one is content (and will fail JSON).
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, value: { text, size, encoding, hadByteOrderMark } };
  } catch {
    return { ok: false, error: makeError(encoding === 'utf-8' ? 'invalid-utf8' : 'utf16', []) };
  }
}
