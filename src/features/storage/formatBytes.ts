import type { Language } from '../../domain/types';

const UNITS = [
  ['gigabyte', 1e9],
  ['megabyte', 1e6],
  ['kilobyte', 1e3],
] as const;

/** "1,2 MB" / "1.2 MB": decimal units, as file managers and phones show sizes. */
export function formatBytes(bytes: number, language: Language): string {
  const locale = language === 'en' ? 'en-GB' : 'nl-NL';
  const [unit, size] = UNITS.find(([, size]) => bytes >= size) ?? (['byte', 1] as const);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / size);
}
