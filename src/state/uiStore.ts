import { create } from 'zustand';
import { LANGUAGES, type Language } from '../domain/types';

// UI and session state only. What each piece is, in one place (see STYLE.md):
//
// | state     | kept where                  | exported |
// |-----------|-----------------------------|----------|
// | language  | localStorage (a preference) | no       |
//
// In a participant's room on a shared device the language is one participant's choice, so it
// is set without being remembered and is reset for the next one (docs/shared-devices.md).
// Scans and answers are durable data and live in IndexedDB (src/storage), never here.
// The one preference is synced by hand rather than with zustand's persist middleware: it is a
// single string, and the participant's first load has no bytes to spare.

const LANGUAGE_KEY = 'ketenscan-language';

function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  } catch {
    // Storage may be blocked; Dutch is the default then.
  }
  return 'nl';
}

function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Not remembered across visits, but the switch still works for this visit.
  }
}

export interface UiState {
  language: Language;
  /** `remember: false` for a participant's choice on a shared device. */
  setLanguage: (language: Language, options?: { remember: boolean }) => void;
}

export const useUiStore = create<UiState>()((set) => ({
  // Dutch is the default for everyone; English is one click away and then remembered.
  language: readStoredLanguage(),
  setLanguage: (language, options = { remember: true }) => {
    if (options.remember) storeLanguage(language);
    set({ language });
  },
}));

export const selectLanguage = (state: UiState): Language => state.language;
export const selectSetLanguage = (state: UiState): UiState['setLanguage'] => state.setLanguage;
