import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addHandoffPart, encodeResponseHandoff, HANDOFF_PART_BYTES, splitHandoff, type HandoffParts } from '../../../src/domain/exchange';
import type { SubmittedResponse } from '../../../src/domain/types';
import { SMALL_RESPONSES, SMALL_SCAN } from '../../fixtures/exchange/smallScan';

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** Reads the parts in the given order; the text once complete, else null. */
function readAll(parts: readonly string[]): string | null {
  let held: HandoffParts | null = null;
  for (const part of parts) {
    const result = addHandoffPart(held, part);
    if (result.kind === 'complete') return result.text;
    if (result.kind === 'invalid') return null;
    held = result.parts;
  }
  return null;
}

describe('splitHandoff', () => {
  const submitted = SMALL_RESPONSES.filter((r): r is SubmittedResponse => r.status === 'submitted');
  const wordy: SubmittedResponse = {
    ...submitted[0]!,
    improvement: 'Één aanspreekpunt per gezin, en ‘s avonds bereikbaar — dat zou veel schelen. '.repeat(4),
    comments: { [SMALL_SCAN.instrument.items[0]!.id]: 'Overleg over casussen loopt stroef; wij horen vaak pas achteraf wat er is besloten.' },
  };

  it('keeps a short code whole: one QR code as before', () => {
    const bare = { ...submitted[0]!, improvement: '', comments: {}, keywords: [] };
    const { text } = encodeResponseHandoff(SMALL_SCAN, bare);
    expect(bytes(text)).toBeLessThanOrEqual(HANDOFF_PART_BYTES);
    expect(splitHandoff(text)).toEqual([text]);
  });

  it('cuts a long code into numbered parts of at most 250 bytes that join back to the code', () => {
    const { text } = encodeResponseHandoff(SMALL_SCAN, wordy);
    expect(bytes(text)).toBeGreaterThan(HANDOFF_PART_BYTES);
    const parts = splitHandoff(text);
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((part, index) => {
      expect(part.startsWith(`KS1P:${index + 1}/${parts.length}:`)).toBe(true);
      expect(bytes(part)).toBeLessThanOrEqual(HANDOFF_PART_BYTES);
    });
    expect(readAll(parts)).toBe(text);
    // In any order, and with a part read twice.
    expect(readAll([...parts].reverse())).toBe(text);
    expect(readAll([parts[0]!, parts[0]!, ...parts.slice(1)])).toBe(text);
  });

  it('never cuts inside a character, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }), (tail) => {
        const text = `KS1:${tail}`;
        const parts = splitHandoff(text, 60);
        if (parts.length === 1) return;
        expect(readAll(parts)).toBe(text);
      }),
      { numRuns: 60 },
    );
  });

  it('does not mix the parts of two codes: a part of another code starts afresh', () => {
    const a = splitHandoff(`KS1:${'a'.repeat(500)}`);
    const b = splitHandoff(`KS1:${'b'.repeat(500)}`);
    expect(a.length).toBe(3);
    expect(readAll([b[0]!, a[0]!, b[1]!, a[1]!, a[2]!])).toBeNull();
    expect(readAll([b[0]!, b[1]!, a[0]!, a[1]!, a[2]!])).toBe(`KS1:${'a'.repeat(500)}`);
    const first = addHandoffPart(null, a[0]!);
    expect(first.kind).toBe('partial');
    const switched = addHandoffPart(first.kind === 'partial' ? first.parts : null, b[0]!);
    expect(switched.kind === 'partial' && switched.have).toBe(1);
  });

  it('refuses what is not a part, and parts whose joined text is not the code they claim', () => {
    expect(addHandoffPart(null, 'KS1:["x"]').kind).toBe('invalid');
    expect(addHandoffPart(null, 'KS1P:3/2:0123abcd:x').kind).toBe('invalid');
    const parts = splitHandoff(`KS1:${'c'.repeat(300)}`);
    const tampered = parts.map((part, index) => (index === 1 ? `${part.slice(0, -1)}d` : part));
    expect(readAll(tampered)).toBeNull();
  });
});
