import { CHAR_WIDTH } from './theme';

// Text measurement by character count: SVG text cannot be measured before it is drawn (and not
// at all in jsdom), and an estimate keeps layouts pure and identical in tests and browsers.

/** Bold glyphs are about a tenth wider. */
const BOLD_FACTOR = 1.12;

export function estimateTextWidth(text: string, fontSize: number, isBold = false): number {
  return text.length * fontSize * CHAR_WIDTH * (isBold ? BOLD_FACTOR : 1);
}

/** How many characters fit on a line of `width` pixels. */
export function charsPerLine(width: number, fontSize: number, isBold = false): number {
  return Math.max(4, Math.floor(width / (fontSize * CHAR_WIDTH * (isBold ? BOLD_FACTOR : 1))));
}

const OVERLONG = 1.25;
const MIN_FRAGMENT = 3;

export interface WrappedText {
  lines: string[];
  /** True when the text did not fit in `maxLines` and the last line ends in an ellipsis. */
  isTruncated: boolean;
}

/**
 * Greedy word wrap at `maxChars` per line. A word up to `overlong` × a line stays whole (the
 * width is an estimate); a longer one is broken with a hyphen.
 * When more than `maxLines` lines would be needed, the last one ends in "…" (callers put the
 * full text in a <title> so it shows on hover).
 */
export function wrapText(text: string, maxChars: number, maxLines = Infinity, { overlong = OVERLONG }: { overlong?: number } = {}): WrappedText {
  const width = Math.max(4, Math.floor(maxChars));
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    let rest = word;
    // A word a little too long stays whole (the width is an estimate); a much longer one breaks.
    while (rest.length > width * overlong) {
      if (line) {
        lines.push(line);
        line = '';
      }
      const cut = Math.min(width - 1, rest.length - MIN_FRAGMENT);
      lines.push(`${rest.slice(0, cut)}-`);
      rest = rest.slice(cut);
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= width) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return { lines, isTruncated: false };
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = kept[kept.length - 1] ?? '';
  kept[kept.length - 1] = last.length + 1 > width ? `${last.slice(0, width - 1).trimEnd()}…` : `${last}…`;
  return { lines: kept, isTruncated: true };
}

/**
 * A short label for a group marker: the initials of up to three words ("Veilig Thuis" → "VT"),
 * or the first three letters of a single word ("Politie" → "Pol").
 */
export function abbreviate(label: string): string {
  const words = label.trim().split(/[\s/-]+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return label.trim().slice(0, 3);
  if (words.length === 1) return words[0]!.slice(0, 3);
  return words
    .slice(0, 3)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}
