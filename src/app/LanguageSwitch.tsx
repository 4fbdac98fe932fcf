import { LANGUAGES, type Language } from '../domain/types';
import { commonMessages } from '../i18n/commonMessages';
import { useMessages } from '../i18n/useMessages';
import { useLocation } from 'wouter';
import { selectLanguage, selectSetLanguage, useUiStore } from '../state/uiStore';
import { roomScanOf } from '../features/respond';

const NAME_KEY: Record<Language, 'languageNl' | 'languageEn'> = { nl: 'languageNl', en: 'languageEn' };

/** Two toggle buttons, each labelled in its own language, usable at any moment (also mid-scan). */
export function LanguageSwitch() {
  const t = useMessages(commonMessages);
  // A participant's choice is not the device's preference: the next participant starts afresh.
  const [location] = useLocation();
  const scope = roomScanOf(location) === null ? 'device' : 'participant';
  const language = useUiStore(selectLanguage);
  const setLanguage = useUiStore(selectSetLanguage);
  return (
    <div className="language-switch" role="group" aria-label={t('languageLabel')}>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={language === option}
          className="language-switch__option"
          onClick={() => setLanguage(option, scope)}
          title={t(NAME_KEY[option])}
        >
          <span aria-hidden="true">{option.toUpperCase()}</span>
          <span className="visually-hidden">{t(NAME_KEY[option])}</span>
        </button>
      ))}
    </div>
  );
}
