import { formatLocale, type FormatLocaleObject } from 'd3-format';
import type { Language } from '../domain/types';

// Numbers in the reader's notation: Dutch uses a decimal comma (3,4), English a point (3.4).
// Charts show one decimal; tables two, so that a 3.96 (band "attention") is not misread as 4.0.

const LOCALES: Record<Language, FormatLocaleObject> = {
  nl: formatLocale({ decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''], percent: '%' }),
  en: formatLocale({ decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''], percent: '%' }),
};

/** Shown wherever a figure is missing. */
export const NO_VALUE = '–';

export interface ChartFormat {
  /** A mean or index on the 1–5 scale, one decimal in charts. */
  mean: (value: number | null | undefined) => string;
  /** The same with two decimals, for tables. */
  meanPrecise: (value: number | null | undefined) => string;
  /**
   * A mean shown beside (or in the colour of) its band: cut, not rounded, to two decimals, so the
   * label is always in the band the colour shows: 2.96 reads 2,96 (concern), 3.996 reads 3,99
   * (attention), never 3,0 or 4,00. A value that is 4 on paper (3.9999999999) still reads 4,00.
   */
  meanBanded: (value: number | null | undefined) => string;
  /** A share 0…1 as a whole percentage. */
  percent: (share: number | null | undefined) => string;
  /** A count, with a thousands separator. */
  count: (value: number) => string;
  /**
   * A p-value: rounded *down* to three decimals, so a p just under 0.10 (a discussion point) never
   * reads "0.100"; under 0.001 it reads "< 0.001".
   */
  p: (value: number | null | undefined) => string;
  /** The same as a statement: "p = 0.025", "p < 0.001". */
  pStatement: (value: number | null | undefined) => string;
}

const cache = new Map<Language, ChartFormat>();

export function getChartFormat(language: Language): ChartFormat {
  const cached = cache.get(language);
  if (cached) return cached;
  const locale = LOCALES[language];
  const oneDecimal = locale.format('.1f');
  const twoDecimals = locale.format('.2f');
  const threeDecimals = locale.format('.3f');
  const percent = locale.format('.0%');
  const count = locale.format(',d');
  const orDash = (f: (n: number) => string) => (value: number | null | undefined) =>
    value === null || value === undefined || !Number.isFinite(value) ? NO_VALUE : f(value);
  const result: ChartFormat = {
    mean: orDash(oneDecimal),
    meanPrecise: orDash(twoDecimals),
    meanBanded: orDash((value) => twoDecimals(Math.floor(value * 100 + 1e-7) / 100)),
    percent: orDash(percent),
    count: (value) => count(value),
    p: orDash((value) => (value < 0.001 ? `< ${threeDecimals(0.001)}` : threeDecimals(Math.floor(value * 1000 + 1e-9) / 1000))),
    pStatement: orDash((value) => (value < 0.001 ? `p < ${threeDecimals(0.001)}` : `p = ${threeDecimals(Math.floor(value * 1000 + 1e-9) / 1000)}`)),
  };
  cache.set(language, result);
  return result;
}
