import { useId } from 'react';
import { missingLanguage } from '../../domain/instrument/validate';
import type { LocalizedText } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { directorMessages } from '../../i18n/directorMessages';
import { instrumentMessages } from './instrumentMessages';

export interface TextPairProps {
  value: LocalizedText;
  /** The new text, and the language field that changed (the editor's undo groups typing per field). */
  onChange: (text: LocalizedText, language: 'nl' | 'en') => void;
  /** A field lost focus: the next typing there is a new undo step. */
  onBlur?: () => void;
  label: string;
  multiline?: boolean;
}

/**
 * One text in both languages, side by side; a missing translation is marked, not hidden. The mark
 * is the field's description (aria-describedby), outside its <label>: inside, it became part of
 * the field's accessible name, and "Stelling 5 — Engels" was read as a warning sentence.
 */
export function TextPair({ value, onChange, onBlur, label, multiline = false }: TextPairProps) {
  const t = useMessages(instrumentMessages);
  const td = useMessages(directorMessages);
  const id = useId();
  const missing = missingLanguage(value);
  const field = (language: 'nl' | 'en') => {
    const isMissing = missing === language;
    const inputId = `${id}-${language}`;
    const noteId = `${id}-${language}-missing`;
    const props = {
      id: inputId,
      value: value[language],
      onChange: (e: { currentTarget: { value: string } }) => onChange({ ...value, [language]: e.currentTarget.value }, language),
      onBlur,
      'aria-describedby': isMissing ? noteId : undefined,
      className: isMissing ? 'text-pair__input text-pair__input--missing' : 'text-pair__input',
      lang: language,
    };
    return (
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          {label} — {language === 'nl' ? td('languageNl') : td('languageEn')}
        </label>
        {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
        {isMissing && (
          <span id={noteId} className="text-pair__missing">
            <span aria-hidden="true">⚠ </span>
            {t('missingFallback', { other: language === 'nl' ? t('fallbackEn') : t('fallbackNl') })}
          </span>
        )}
      </div>
    );
  };
  return (
    <div className="text-pair">
      {field('nl')}
      {field('en')}
    </div>
  );
}
