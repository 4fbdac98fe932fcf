import { webcrypto } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { makeUuid, type RandomSource } from '../../../src/domain/ids';

// The ids a page on plain http makes (docs/origins.md): there crypto.randomUUID is missing.
const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Web Crypto as a non-secure page has it: getRandomValues only. */
const withoutRandomUuid: RandomSource = { getRandomValues: (array) => webcrypto.getRandomValues(array) };

describe('makeUuid', () => {
  it('uses crypto.randomUUID when the page has it', () => {
    const randomUUID = vi.fn(() => '11111111-2222-4333-8444-555555555555');
    expect(makeUuid({ getRandomValues: withoutRandomUuid.getRandomValues, randomUUID })).toBe('11111111-2222-4333-8444-555555555555');
    expect(randomUUID).toHaveBeenCalledOnce();
  });

  it('without randomUUID: the RFC 4122 v4 format, with the version and variant bits set', () => {
    for (let i = 0; i < 200; i++) expect(makeUuid(withoutRandomUuid)).toMatch(V4);
  });

  it('sets the version and variant bits whatever the random bytes are', () => {
    const allOnes: RandomSource = { getRandomValues: (array) => array.fill(0xff) };
    const allZeros: RandomSource = { getRandomValues: (array) => array.fill(0x00) };
    expect(makeUuid(allOnes)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(makeUuid(allZeros)).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('keeps every random byte in its place', () => {
    const counting: RandomSource = { getRandomValues: (array) => array.map((_, n) => n * 17) as typeof array };
    expect(makeUuid(counting)).toBe('00112233-4455-4677-8899-aabbccddeeff');
  });

  it('without randomUUID: 10 000 ids, no two alike', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => makeUuid(withoutRandomUuid)));
    expect(ids.size).toBe(10_000);
  });

  it('works when the global crypto has no randomUUID (a page on plain http)', () => {
    vi.stubGlobal('crypto', withoutRandomUuid);
    try {
      expect(globalThis.crypto.randomUUID).toBeUndefined();
      expect(makeUuid()).toMatch(V4);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
