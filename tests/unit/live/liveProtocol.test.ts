import { describe, expect, it } from 'vitest';
import { parseRefusal, REFUSAL_CODES, REFUSAL_PREFIX, refusalReason, type RelayRefusal } from '@ketenscan/live-protocol';

// The refusal words of the live protocol (live-protocol/src/refusals.ts): the relay writes them
// into a close event, the app reads them back; both import the one list.

describe('live protocol refusals', () => {
  const refusals = Object.keys(REFUSAL_CODES) as RelayRefusal[];

  it('names every refusal with the prefix and reads each one back', () => {
    expect(refusals.length).toBeGreaterThan(0);
    for (const refusal of refusals) {
      const reason = refusalReason(refusal);
      expect(reason).toBe(`ketenscan:${refusal}`);
      expect(reason.startsWith(REFUSAL_PREFIX)).toBe(true);
      expect(parseRefusal(reason)).toBe(refusal);
    }
  });

  it('gives every refusal a 44xx close code', () => {
    for (const refusal of refusals) {
      expect(REFUSAL_CODES[refusal]).toBeGreaterThanOrEqual(4400);
      expect(REFUSAL_CODES[refusal]).toBeLessThan(4500);
    }
  });

  it('reads no refusal from any other close reason', () => {
    for (const reason of ['', 'too-many-records', 'ketenscan:', 'ketenscan:not-a-refusal', 'ketenscan:toString', 'KETENSCAN:session-full', ' ketenscan:session-full', 4429, null, undefined]) {
      expect(parseRefusal(reason)).toBeNull();
    }
  });
});
