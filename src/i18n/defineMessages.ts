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

/**
 * Fills `{name}` placeholders; a placeholder without a value stays visible, so a mistake shows.
 * A count picks its words by the language's plural rules (never "stelling(en)"):
 * `{count, plural, one {# stelling} other {# stellingen}}`; `#` is the number, `=0 {…}` an exact
 * match, `other` the fallback. Branches hold text and `{name}` placeholders.
 */
export function formatMessage(template: string, params?: MessageParams, language: Language = 'nl'): string {
  if (!params) return template;
  return template.replace(PLURAL, (whole, name: string, body: string) => {
    const n = params[name];
    if (typeof n !== 'number') return whole;
    const branches = new Map([...body.matchAll(BRANCH)].map((m) => [m[1], m[2]!]));
    return (branches.get(`=${n}`) ?? branches.get(new Intl.PluralRules(language).select(n)) ?? branches.get('other') ?? '').replace(/#/g, String(n));
  }).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

// A branch: a selector and text that may hold `{name}` placeholders (no deeper nesting).
const BRANCH = /(=\d+|\w+)\s*\{([^{}]*(?:\{\w+\}[^{}]*)*)\}/g;
const PLURAL = new RegExp(`\\{(\\w+), plural,((?:\\s*${BRANCH.source})+)\\s*\\}`, 'g');

export function translate<T extends MessageTable>(
  bundle: MessageBundle<T>,
  language: Language,
  key: keyof T & string,
  params?: MessageParams,
): string {
  const table: Record<keyof T, string> = language === 'en' ? bundle.en : bundle.nl;
  return formatMessage(table[key], params, language);
}
