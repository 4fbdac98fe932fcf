import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/domain/format';
import { EXCHANGE_LIMITS } from '../../src/domain/exchange/types';
import { PRIVATE_QUOTA_LIMIT } from '../../src/storage/persistence';

describe('formatBytes', () => {
  it('counts in the binary steps the limits are written in, so a limit reads as its round number', () => {
    expect(formatBytes(EXCHANGE_LIMITS.maxBytes, 'nl')).toBe('64 MB');
    expect(formatBytes(PRIVATE_QUOTA_LIMIT, 'en')).toBe('120 MB');
    expect(formatBytes(1024, 'en')).toBe('1 kB');
    expect(formatBytes(1_000_000, 'en')).toBe('976.6 kB');
    expect(formatBytes(2 * 1024 ** 3, 'nl')).toBe('2 GB');
  });

  it('writes at most one decimal, in the language\'s own way', () => {
    expect(formatBytes(1.25 * 1024 ** 2 + 1, 'nl')).toBe('1,3 MB');
    expect(formatBytes(1.25 * 1024 ** 2 + 1, 'en')).toBe('1.3 MB');
    expect(formatBytes(1536 * 1024 ** 2, 'nl')).toBe('1,5 GB');
  });

  it('writes less than a kilobyte as bytes', () => {
    expect(formatBytes(100, 'nl')).toBe('100 byte');
    expect(formatBytes(0, 'en')).toBe('0 byte');
  });
});
