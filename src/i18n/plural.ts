import type { Language } from '../domain/types';

// Plural forms through the platform's rules (Intl.PluralRules): Dutch and English both know
// "one" and "other"; a message with a count has a key per form, e.g. `tests_one`, `tests_other`.

export type PluralForm = 'one' | 'other';

const rules = new Map<Language, Intl.PluralRules>();

export function pluralForm(language: Language, count: number): PluralForm {
  let rule = rules.get(language);
  if (!rule) {
    rule = new Intl.PluralRules(language);
    rules.set(language, rule);
  }
  return rule.select(count) === 'one' ? 'one' : 'other';
}
