import { useId } from 'react';
import { missingLanguage } from '../../domain/instrument/validate';
import type { LocalizedText } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { directorMessages } from '../../i18n/directorMessages';
import { instrumentMessages } from './instrumentMessages';

/** One text in both languages, side by side; a missing translation is marked, not hidden. */
export function TextPair({ value, onChange, label, multiline = false }: { value: LocalizedText; onChange: (text: LocalizedText) => void; label: string; multiline?: boolean }) {
  const t = useMessages(instrumentMessages);
  const td = useMessages(directorMessages);
  const id = useId();
  const missing = missingLanguage(value);
  const field = (language: 'nl' | 'en') => {
    const isMissing = missing === language;
    const noteId = `${id}-${language}-missing`;
    const props = {
      value: value[language],
      onChange: (e: { currentTarget: { value: string } }) => onChange({ ...value, [language]: e.currentTarget.value }),
      'aria-describedby': isMissing ? noteId : undefined,
      className: isMissing ? 'text-pair__input text-pair__input--missing' : 'text-pair__input',
      lang: language,
    };
    return (
      <label className="field">
        <span className="field__label">
          {label} — {language === 'nl' ? td('languageNl') : td('languageEn')}
        </span>
        {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
        {isMissing && (
          <span id={noteId} className="text-pair__missing">
            <span aria-hidden="true">⚠ </span>
            {t('missingFallback', { other: language === 'nl' ? t('fallbackEn') : t('fallbackNl') })}
          </span>
        )}
      </label>
    );
  };
  return (
    <div className="text-pair">
      {field('nl')}
      {field('en')}
    </div>
  );
}
