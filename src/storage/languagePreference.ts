import { LANGUAGES, type Language } from '../domain/types';

// The language preference (src/state/uiStore.ts holds the language in use): the device's own in
// localStorage, one participant's on a shared device in sessionStorage until the next one
// (docs/shared-devices.md). A single string each, synced by hand: the participant's first load
// has no bytes to spare for a persistence middleware.

const DEVICE_LANGUAGE_KEY = 'ketenscan-language';
const PARTICIPANT_LANGUAGE_KEY = 'ketenscan-participant-language';

/** Whose choice a language is: the device's (remembered) or one participant's (until the next). */
export type LanguageScope = 'device' | 'participant';

function storageFor(scope: LanguageScope): Storage {
  return scope === 'device' ? localStorage : sessionStorage;
}

export function readLanguage(scope: LanguageScope): Language | null {
  try {
    const stored = storageFor(scope).getItem(scope === 'device' ? DEVICE_LANGUAGE_KEY : PARTICIPANT_LANGUAGE_KEY);
    if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  } catch {
    // Storage may be blocked; Dutch is the default then.
  }
  return null;
}

export function writeLanguage(scope: LanguageScope, language: Language | null): void {
  const key = scope === 'device' ? DEVICE_LANGUAGE_KEY : PARTICIPANT_LANGUAGE_KEY;
  try {
    if (language === null) storageFor(scope).removeItem(key);
    else storageFor(scope).setItem(key, language);
  } catch {
    // Not remembered across a reload, but the switch still works for this visit.
  }
}

