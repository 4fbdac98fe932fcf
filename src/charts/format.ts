import { formatLocale, type FormatLocaleObject } from 'd3-format';
import { isBelowShownP, MEAN_DECIMALS, P_DECIMALS, shownMean, shownP, shownPercent, SMALLEST_SHOWN_P } from '../domain/analysis/figures';
import type { Language } from '../domain/types';

// Numbers in the reader's notation: Dutch uses a decimal comma (3,40), English a point (3.40).
// One rounding rule for every shown figure (docs/analysis.md, "Rounding: one number per figure"):
// the domain rounds (src/domain/analysis/figures.ts) and classifies on the rounded value; this
// file only writes that value in the locale. Charts, tables, slides, the report, the rounds page
// and the figures CSV all call these functions, so one figure reads as one string everywhere.

const LOCALES: Record<Language, FormatLocaleObject> = {
  nl: formatLocale({ decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''], percent: '%' }),
  en: formatLocale({ decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''], percent: '%' }),
};

/** Shown wherever a figure is missing. */
export const NO_VALUE = '–';

export interface ChartFormat {
  /**
   * A mean, index, gap, consensus or knob priority: two decimals, rounded half away from zero on
   * the computed value (2.675 reads 2,68; 2.995 reads 3,00; 3.9999999999 reads 4,00), the same in
   * charts and tables. Its band is the band of this shown value (domain `bandOf`).
   */
  mean: (value: number | null | undefined) => string;
  /** A change between rounds or sides: `mean` with its sign, "+0,40", "−0,25", "0,00" when it rounds to nothing. */
  change: (value: number | null | undefined) => string;
  /** A share 0…1 as a whole percentage. */
  percent: (share: number | null | undefined) => string;
  /** A count, with a thousands separator. */
  count: (value: number) => string;
  /**
   * A p-value: three decimals, rounded half up (0.0994 reads 0,099, 0.0996 reads 0,100); under
   * 0.001 it reads "< 0,001". A discussion point or a certain change has a shown p below 0,100.
   */
  p: (value: number | null | undefined) => string;
  /** The same as a statement: "p = 0,025", "p < 0,001". */
  pStatement: (value: number | null | undefined) => string;
}

const cache = new Map<Language, ChartFormat>();

export function getChartFormat(language: Language): ChartFormat {
  const cached = cache.get(language);
  if (cached) return cached;
  const locale = LOCALES[language];
  const meanDecimals = locale.format(`.${MEAN_DECIMALS}f`);
  const pDecimals = locale.format(`.${P_DECIMALS}f`);
  const count = locale.format(',d');
  const orDash = (f: (n: number) => string) => (value: number | null | undefined) =>
    value === null || value === undefined || !Number.isFinite(value) ? NO_VALUE : f(value);
  const p = (value: number) => (isBelowShownP(value) ? `< ${pDecimals(SMALLEST_SHOWN_P)}` : pDecimals(shownP(value)));
  const result: ChartFormat = {
    mean: orDash((value) => meanDecimals(shownMean(value))),
    change: orDash((value) => {
      const shown = shownMean(value);
      return `${shown > 0 ? '+' : ''}${meanDecimals(shown)}`;
    }),
    percent: orDash((share) => `${count(shownPercent(share))}%`),
    count: (value) => count(value),
    p: orDash(p),
    pStatement: orDash((value) => (isBelowShownP(value) ? `p ${p(value)}` : `p = ${p(value)}`)),
  };
  cache.set(language, result);
  return result;
}
