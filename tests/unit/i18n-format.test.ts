import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatList } from '../../src/i18n/format';

describe('formatDate', () => {
  it('writes a scan date as a long date in the chosen language', () => {
    expect(formatDate('2026-12-08', 'nl')).toBe('8 december 2026');
    expect(formatDate('2026-12-08', 'en')).toBe('8 December 2026');
    expect(formatDate('2027-01-31', 'nl')).toBe('31 januari 2027');
  });

  it('keeps a calendar date on its day whatever the time zone', () => {
    // Parsed as UTC midnight and written in UTC: never the day before west of Greenwich.
    expect(formatDate('2026-01-01', 'en')).toBe('1 January 2026');
  });

  it('writes a stored timestamp as its date', () => {
    expect(formatDate('2026-06-15T12:00:00.000Z', 'nl')).toBe('15 juni 2026');
  });

  it('shows text that is not a date as it is', () => {
    expect(formatDate('gisteren', 'nl')).toBe('gisteren');
  });
});

describe('formatDateTime', () => {
  it('writes a timestamp with its date and time', () => {
    const text = formatDateTime('2026-06-15T12:00:00.000Z', 'nl');
    expect(text).toMatch(/15 jun 2026/);
    expect(text).toMatch(/\d{2}:\d{2}/);
  });
});

describe('formatList', () => {
  it('joins names the way the language does', () => {
    expect(formatList(['Openbaar Ministerie', 'Parlan'], 'nl')).toBe('Openbaar Ministerie en Parlan');
    expect(formatList(['Politie', 'Parlan', 'Veiligheidshuis'], 'nl')).toBe('Politie, Parlan en Veiligheidshuis');
    expect(formatList(['Police', 'Parlan', 'Safety house'], 'en')).toBe('Police, Parlan and Safety house');
    expect(formatList(['Politie', 'Parlan'], 'nl', 'or')).toBe('Politie of Parlan');
  });

  it('writes one name as itself and none as nothing', () => {
    expect(formatList(['Politie'], 'nl')).toBe('Politie');
    expect(formatList([], 'en')).toBe('');
  });
});
