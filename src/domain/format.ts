import type { Language } from './types';

// Sizes and dates for a reader, in one place for the domain's own messages (exchange) and the UI
// (src/i18n/format.ts re-exports them): pure, no React, no app state (docs/language.md).

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
