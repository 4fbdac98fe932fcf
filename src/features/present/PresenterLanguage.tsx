import { LANGUAGES, type Language } from '../../domain/types';
import { commonMessages } from '../../i18n/commonMessages';
import { useMessages } from '../../i18n/useMessages';
import { selectLanguage, selectSetLanguage, useUiStore } from '../../state/uiStore';

const NAME_KEY: Record<Language, 'languageNl' | 'languageEn'> = { nl: 'languageNl', en: 'languageEn' };

/**
 * The presenter's own language switch (the app header is hidden while presenting). The choice is
 * the device's, as on the director's other pages.
 */
export function PresenterLanguage() {
  const t = useMessages(commonMessages);
  const language = useUiStore(selectLanguage);
  const setLanguage = useUiStore(selectSetLanguage);
  return (
    <span className="presenter__language" role="group" aria-label={t('languageLabel')}>
      {LANGUAGES.map((option) => (
        <button key={option} type="button" lang={option} aria-pressed={language === option} onClick={() => setLanguage(option, 'device')} title={t(NAME_KEY[option])}>
          <span aria-hidden="true">{option.toUpperCase()}</span>
          <span className="visually-hidden">{t(NAME_KEY[option])}</span>
        </button>
      ))}
    </span>
  );
}
