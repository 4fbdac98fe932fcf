import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatList, localDate } from '../../src/domain/format';
import { describeConflict } from '../../src/domain/exchange/messages';
import type { ImportConflict } from '../../src/domain/exchange/planImport';
import * as uiFormat from '../../src/i18n/format';
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

describe('dates, one writer for the domain and the UI', () => {
  it('is the same function in the UI as in the domain', () => {
    expect(uiFormat.formatDate).toBe(formatDate);
    expect(uiFormat.formatDateTime).toBe(formatDateTime);
    expect(uiFormat.formatList).toBe(formatList);
  });

  it('writes the time a conflicting response was sent in as the UI writes a timestamp', () => {
    const sentIn = '2026-11-22T11:03:00.000Z';
    const response = { id: 'r-1', organisationId: 'politie', submittedAt: sentIn };
    const conflict = { responseId: 'r-1', existing: response, incoming: response, differences: [] } as unknown as ImportConflict;
    const heading = describeConflict(conflict, undefined, 'nl').heading;
    expect(heading).toContain(formatDateTime(sentIn, 'nl'));
    expect(formatDateTime(sentIn, 'nl')).toMatch(/22 nov 2026/);
  });

  it('gives the device\'s own calendar day as an ISO date, for file names and a new scan', () => {
    expect(localDate(new Date(2026, 11, 8, 0, 30))).toBe('2026-12-08');
    expect(localDate(new Date(2027, 0, 1, 23, 59))).toBe('2027-01-01');
  });
});
