import { create } from 'zustand';
import type { Language } from '../domain/types';
import { readLanguage, writeLanguage, type LanguageScope } from '../storage/languagePreference';

export type { LanguageScope };

// UI and session state only. What each piece is, in one place:
//
// | state     | kept where                                              | exported |
// |-----------|---------------------------------------------------------|----------|
// | language  | localStorage (the device's preference), or, for one     | no       |
// |           | participant on a shared device, sessionStorage until    |          |
// |           | the next participant (docs/shared-devices.md), through  |          |
// |           | src/storage/languagePreference.ts                       |          |
//
// Scans and answers are durable data and live in IndexedDB (src/storage), never here.
// The one preference is synced by hand rather than with zustand's persist middleware: it is a
// single string, and the participant's first load has no bytes to spare.

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
