import type { Language } from '../domain/types';

// Dates and lists in the reader's language, in one place (docs/language.md): a scan date reads
// "8 december 2026" / "8 December 2026", never "2026-12-08"; names in a sentence read
// "Openbaar Ministerie en Parlan", never "Openbaar Ministerie, Parlan". File names and exports
// keep ISO dates. Numbers and figures have their own module (src/charts/format.ts).

const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

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
