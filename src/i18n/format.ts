import type { Language } from '../domain/types';

// Dates and lists in the reader's language (docs/language.md). Dates are written by the pure
// src/domain/format.ts, which the domain's own messages use too; names in a sentence read
// "Openbaar Ministerie en Parlan", never "Openbaar Ministerie, Parlan". Numbers and figures have
// their own module (src/charts/format.ts).
export { formatDate, formatDateTime } from '../domain/format';

const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

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
