import type { PMethod } from '../domain/analysis';
import type { Language } from '../domain/types';
import { translate } from '../i18n/defineMessages';
import { pMethodMessages } from './pMethodMessages';

// The label beside a shown p-value: how it was found (exact, Monte Carlo with its 99 % bound, or
// the approximation). Kept apart from format.ts, which formats the number itself.

export interface PBasis {
  method: PMethod;
  /** Monte Carlo only: the 99 % bound of p's error. */
  pError: number | null;
}

const BOUND_FORMAT: Record<Language, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
};

/** "exact", "Monte Carlo, ± 0,004" or "benadering"; empty without a test. */
export function pMethodLabel(language: Language, basis: PBasis | null | undefined): string {
  if (!basis) return '';
  // A bound is rounded up, so the stated error is never smaller than the real bound.
  const error = BOUND_FORMAT[language].format(Math.ceil((basis.pError ?? 0) * 1000) / 1000);
  return translate(pMethodMessages, language, `pMethod_${basis.method}`, { error });
}

/** A shown p with its method in brackets: "p = 0,300 (exact)"; the p alone without a test. */
export function withPMethod(pText: string, language: Language, basis: PBasis | null | undefined): string {
  const label = pMethodLabel(language, basis);
  return label ? `${pText} (${label})` : pText;
}
