import { create } from 'zustand';
import { LANGUAGES, type Language } from '../domain/types';

// UI and session state only. What each piece is, in one place (see STYLE.md):
//
// | state     | kept where                                              | exported |
// |-----------|---------------------------------------------------------|----------|
// | language  | localStorage (the device's preference), or, for one     | no       |
// |           | participant on a shared device, sessionStorage until    |          |
// |           | the next participant (docs/shared-devices.md)           |          |
//
// Scans and answers are durable data and live in IndexedDB (src/storage), never here.
// The one preference is synced by hand rather than with zustand's persist middleware: it is a
// single string, and the participant's first load has no bytes to spare.

const DEVICE_LANGUAGE_KEY = 'ketenscan-language';
const PARTICIPANT_LANGUAGE_KEY = 'ketenscan-participant-language';

/** Whose choice a language is: the device's (remembered) or one participant's (until the next). */
export type LanguageScope = 'device' | 'participant';

function storageFor(scope: LanguageScope): Storage {
  return scope === 'device' ? localStorage : sessionStorage;
}

function readLanguage(scope: LanguageScope): Language | null {
  try {
    const stored = storageFor(scope).getItem(scope === 'device' ? DEVICE_LANGUAGE_KEY : PARTICIPANT_LANGUAGE_KEY);
    if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  } catch {
    // Storage may be blocked; Dutch is the default then.
  }
  return null;
}

function writeLanguage(scope: LanguageScope, language: Language | null): void {
  const key = scope === 'device' ? DEVICE_LANGUAGE_KEY : PARTICIPANT_LANGUAGE_KEY;
  try {
    if (language === null) storageFor(scope).removeItem(key);
    else storageFor(scope).setItem(key, language);
  } catch {
    // Not remembered across a reload, but the switch still works for this visit.
  }
}

export interface UiState {
  language: Language;
  setLanguage: (language: Language, scope?: LanguageScope) => void;
  /** Leaving the participant's room: the device's own preference applies again. */
  forgetParticipantLanguage: () => void;
  /** Entering a scan that names a start language: used unless this participant already chose one. */
  startParticipantLanguage: (language: Language) => void;
}

export const useUiStore = create<UiState>()((set) => ({
  // Dutch is the default for everyone; English is one click away and then remembered.
  language: readLanguage('participant') ?? readLanguage('device') ?? 'nl',
  setLanguage: (language, scope = 'device') => {
    writeLanguage(scope, language);
    set({ language });
  },
  forgetParticipantLanguage: () => {
    writeLanguage('participant', null);
    set({ language: readLanguage('device') ?? 'nl' });
  },
  startParticipantLanguage: (language) => {
    if (readLanguage('participant') === null) {
      writeLanguage('participant', language);
      set({ language });
    }
  },
}));

export const selectLanguage = (state: UiState): Language => state.language;
export const selectSetLanguage = (state: UiState): UiState['setLanguage'] => state.setLanguage;
