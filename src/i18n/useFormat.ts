import { useMemo } from 'react';
import { useUiStore, selectLanguage } from '../state/uiStore';
import { formatDate, formatDateTime, formatList } from './format';

export interface LanguageFormat {
  date: (value: string) => string;
  dateTime: (value: string) => string;
  list: (items: readonly string[], type?: 'and' | 'or') => string;
}

/** Dates and lists in the current language (src/i18n/format.ts). */
export function useFormat(): LanguageFormat {
  const language = useUiStore(selectLanguage);
  return useMemo(
    () => ({
      date: (value) => formatDate(value, language),
      dateTime: (value) => formatDateTime(value, language),
      list: (items, type) => formatList(items, language, type),
    }),
    [language],
  );
}
