import type { Language } from '../domain/types';

// Messages are grouped per feature, so a lazily loaded feature brings its own texts and the
// participant's first load stays small. The English table must have exactly the Dutch keys:
// the compiler refuses a missing or an extra key.

export type MessageTable = Record<string, string>;

export interface MessageBundle<T extends MessageTable> {
  nl: T;
  en: Record<keyof T, string>;
}

export function defineMessages<T extends MessageTable>(nl: T, en: Record<keyof T, string>): MessageBundle<T> {
  return { nl, en };
}

export type MessageParams = Record<string, string | number>;

/** Fills `{name}` placeholders; a placeholder without a value stays visible, so a mistake shows. */
export function formatMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function translate<T extends MessageTable>(
  bundle: MessageBundle<T>,
  language: Language,
  key: keyof T & string,
  params?: MessageParams,
): string {
  const table: Record<keyof T, string> = language === 'en' ? bundle.en : bundle.nl;
  return formatMessage(table[key], params);
}
