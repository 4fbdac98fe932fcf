import { fingerprint } from './canonical';
import { HANDOFF_PREFIX } from './handoff';

// A hand-off code too long for one QR code that a camera reads from a distance is shown as a few
// smaller codes, one after the other (docs/shared-devices.md, "Hand-off without a relay: codes a camera reads from a distance"). Each
// part is
//
//   KS1P:<k>/<n>:<key>:<piece>
//
// - k of n, 1-based; n ≤ HANDOFF_MAX_PARTS;
// - key: the fingerprint of the whole KS1 text, so pieces of two participants' codes never mix;
// - piece: the next stretch of the KS1 text, cut between characters (never inside one), so that
//   the whole part is at most HANDOFF_PART_BYTES bytes of UTF-8.
//
// 250 bytes is a QR code of version 11 at level M (61 × 61 modules): drawn across a phone's
// width each module is about 5 px, which a laptop camera reads from a good distance. The answers
// alone (about 205–230 bytes) stay one code; with comments the code (up to 800 bytes) was one
// code of version 20, 97 × 97 modules of about 2 px, and is now two to four of these.

export const HANDOFF_PART_PREFIX = 'KS1P:';
export const HANDOFF_PART_BYTES = 250;
export const HANDOFF_MAX_PARTS = 9;

const encoder = new TextEncoder();
const PART_PATTERN = /^KS1P:([1-9])\/([1-9]):([0-9a-f]{8}):/;

/** The codes to show for a hand-off text: the text itself when it is short, otherwise its parts. */
export function splitHandoff(text: string, maxBytes = HANDOFF_PART_BYTES): string[] {
  if (encoder.encode(text).length <= maxBytes) return [text];
  // "KS1P:k/n:" and the key with its colon: 18 bytes of the part are the header.
  const pieceBytes = maxBytes - 18;
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const character of text) {
    const bytes = utf8Length(character.codePointAt(0)!);
    if (used + bytes > pieceBytes && piece !== '') {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += character;
    used += bytes;
  }
  if (piece !== '') pieces.push(piece);
  if (pieces.length > HANDOFF_MAX_PARTS) return [text];
  const key = fingerprint(text);
  return pieces.map((p, index) => `${HANDOFF_PART_PREFIX}${index + 1}/${pieces.length}:${key}:${p}`);
}

/** Bytes of one code point in UTF-8. */
function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

export function isHandoffPart(text: string): boolean {
  return text.startsWith(HANDOFF_PART_PREFIX);
}

/** What the reader holds so far: the parts of one code (a part of another code starts afresh). */
export interface HandoffParts {
  key: string;
  total: number;
  pieces: ReadonlyMap<number, string>;
}

export type HandoffPartResult =
  | { kind: 'partial'; parts: HandoffParts; have: number; total: number; added: boolean }
  | { kind: 'complete'; text: string }
  | { kind: 'invalid' };

/**
 * Adds one scanned part. Reading the same part twice changes nothing (`added` false, so the
 * reader need not announce it again); a part of another code replaces what was held. Complete
 * only when every part is there and the joined text is a KS1 code with the parts' fingerprint.
 */
export function addHandoffPart(held: HandoffParts | null, scanned: string): HandoffPartResult {
  const match = PART_PATTERN.exec(scanned);
  if (!match) return { kind: 'invalid' };
  const k = Number(match[1]);
  const total = Number(match[2]);
  const key = match[3]!;
  if (k > total) return { kind: 'invalid' };
  const piece = scanned.slice(match[0].length);
  const current = held !== null && held.key === key && held.total === total ? held : { key, total, pieces: new Map<number, string>() };
  const added = !current.pieces.has(k);
  const pieces = new Map(current.pieces);
  pieces.set(k, piece);
  if (pieces.size < total) return { kind: 'partial', parts: { key, total, pieces }, have: pieces.size, total, added };
  let text = '';
  for (let index = 1; index <= total; index++) text += pieces.get(index) ?? '';
  if (!text.startsWith(HANDOFF_PREFIX) || fingerprint(text) !== key) return { kind: 'invalid' };
  return { kind: 'complete', text };
}
