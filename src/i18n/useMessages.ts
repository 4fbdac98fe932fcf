import { useCallback } from 'react';
import type { Language, LocalizedText } from '../domain/types';
import { useUiStore, selectLanguage } from '../state/uiStore';
import { translate, type MessageBundle, type MessageParams, type MessageTable } from './defineMessages';

export type Translate<T extends MessageTable> = (key: keyof T & string, params?: MessageParams) => string;

/** The translate function of a feature's message bundle, in the current language. */
export function useMessages<T extends MessageTable>(bundle: MessageBundle<T>): Translate<T> {
  const language = useUiStore(selectLanguage);
  return useCallback((key, params) => translate(bundle, language, key, params), [bundle, language]);
}

/** Picks the current language from bilingual content (statements, dimension labels). */
export function localize(text: LocalizedText, language: Language): string {
  // An edited instrument may lack one translation: show the other (docs/instrument-and-rounds.md).
  return text[language] || text.nl || text.en;
}

export function useLocalize(): (text: LocalizedText) => string {
  const language = useUiStore(selectLanguage);
  return useCallback((text: LocalizedText) => localize(text, language), [language]);
}
