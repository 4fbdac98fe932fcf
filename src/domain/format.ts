import type { Language } from './types';

// Sizes, dates and lists of names for a reader, and a device's calendar day, in one place for the
// domain's own messages and file names (exchange) and the UI (src/i18n/format.ts re-exports
// them): pure, no React, no app state (docs/language.md). A scan date reads "8 december 2026" / "8 December
// 2026", never "2026-12-08"; file names and exports keep ISO dates.

const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

// Binary steps, because every size limit in the code is counted in them (EXCHANGE_LIMITS.maxBytes
// is 64 × 1024 × 1024, PRIVATE_QUOTA_LIMIT 120 × 1024 × 1024): a limit shows as the round number
// it was written as. The names stay the ones people know ("kB", "MB", "GB").
const UNITS = [
  ['gigabyte', 1024 ** 3],
  ['megabyte', 1024 ** 2],
  ['kilobyte', 1024],
] as const;

const byteFormats = new Map<string, Intl.NumberFormat>();

/** "1,2 MB" / "1.2 MB": at most one decimal, the largest unit that is at least 1 (docs/language.md). */
export function formatBytes(bytes: number, language: Language): string {
  const [unit, size] = UNITS.find(([, size]) => bytes >= size) ?? (['byte', 1] as const);
  const key = `${language}|${unit}`;
  let format = byteFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[language], { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 });
    byteFormats.set(key, format);
  }
  return format.format(bytes / size);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE[language], options);
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * A calendar date ("2026-12-08", as a scan stores it) or a stored timestamp as a long date:
 * "8 december 2026" / "8 December 2026". A calendar date is the same day in every time zone; a
 * timestamp shows its local day. Text that is neither is shown as it is, so a mistake shows.
 */
export function formatDate(value: string, language: Language): string {
  const calendar = ISO_DATE.exec(value);
  if (calendar) {
    const [, y, m, d] = calendar;
    const instant = Date.UTC(Number(y), Number(m) - 1, Number(d));
    return Number.isNaN(instant) ? value : dateFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(instant);
  }
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? value : dateFormat(language, { day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}

/** A stored timestamp as a date and a time: "8 dec 2026, 14:05" / "8 Dec 2026, 14:05". */
export function formatDateTime(value: string, language: Language): string {
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? value : dateFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(instant);
}

/** yyyy-mm-dd of the device's own calendar day: a file saved at 00:30 in Utrecht has that day's date. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const listFormats = new Map<string, Intl.ListFormat>();

/**
 * Names in a sentence, joined the language's way: "A, B en C" / "A, B and C"; `or` gives
 * "A, B of C" / "A, B or C". One name reads as itself, none as an empty string.
 */
export function formatList(items: readonly string[], language: Language, type: 'and' | 'or' = 'and'): string {
  const key = `${language}|${type}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(LOCALE[language], { style: 'long', type: type === 'and' ? 'conjunction' : 'disjunction' });
    listFormats.set(key, format);
  }
  return format.format(items);
}
