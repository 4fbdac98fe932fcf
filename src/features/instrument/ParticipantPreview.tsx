import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { SCORES, type Answer, type Instrument, type Item, type Language } from '../../domain/types';
import { translate, type MessageParams } from '../../i18n/defineMessages';
import { directorMessages } from '../../i18n/directorMessages';
import { localize, useMessages } from '../../i18n/useMessages';
import { instrumentMessages } from './instrumentMessages';
import { previewMessages } from './previewMessages';

// The questionnaire as a participant sees it, in either language, inside the director's screen
// (docs/instrument-and-rounds.md, "Preview as a participant"). It writes nothing: answers chosen
// here live in this component's state only. The participant's words are in the preview's own
// language, apart from the director's (previewMessages.ts says why they are copies); the look is
// the participant's style sheet (the classes of features/respond's steps).

const SCALE_KEYS = ['scale1', 'scale2', 'scale3', 'scale4', 'scale5'] as const;
type ParticipantKey = 'progress' | 'progressLabel' | 'dimensionLabel' | 'previous' | 'next' | (typeof SCALE_KEYS)[number] | 'dontKnow';

export interface ParticipantPreviewProps {
  instrument: Instrument;
  /** What is shown: the editor's unsaved draft, or a saved version (its name). */
  source: { kind: 'draft' } | { kind: 'version'; label: string };
  startLanguage: Language;
  onClose: () => void;
}

export default function ParticipantPreview({ instrument, source, startLanguage, onClose }: ParticipantPreviewProps) {
  const t = useMessages(previewMessages);
  const td = useMessages(directorMessages);
  const ti = useMessages(instrumentMessages);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const [language, setLanguage] = useState<Language>(startLanguage);
  const [mode, setMode] = useState<'steps' | 'list'>('steps');
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const p = (key: ParticipantKey, params?: MessageParams) => translate(previewMessages, language, `participant_${key}`, params);
  const items = instrument.items;

  useEffect(() => {
    const dialog = dialogRef.current;
    // A browser without modal dialogs (or a test's DOM) gets an open one.
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    headingRef.current?.focus();
  }, []);

  // Leave the modal state first: while it lasts the page behind is inert and cannot take focus back.
  const close = () => {
    const dialog = dialogRef.current;
    if (dialog?.open && typeof dialog.close === 'function') dialog.close();
    onClose();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  };

  const missingNote = (item: Item) => {
    const other = language === 'nl' ? 'en' : 'nl';
    if (item.text[language].trim() || !item.text[other].trim()) return null;
    return <p className="hint preview__missing">{ti('missingFallback', { other: ti(other === 'nl' ? 'fallbackNl' : 'fallbackEn') })}</p>;
  };

  const statement = (item: Item, position: number, Heading: 'h3' | 'h4') => {
    const dimension = instrument.dimensions.find((d) => d.id === item.dimension);
    const progressId = `${titleId}-progress-${item.id}`;
    return (
      <div className="step step--statement preview__statement" key={item.id} data-statement-id={item.id} lang={language}>
        <p className="step__progress" id={progressId}>
          {p('progress', { current: position + 1, total: items.length })}
        </p>
        {mode === 'steps' && <progress className="progress-bar" max={items.length} value={position + 1} aria-label={p('progressLabel')} />}
        {dimension && <p className="step__eyebrow">{p('dimensionLabel', { dimension: localize(dimension.label, language) })}</p>}
        <fieldset className="statement" aria-describedby={progressId}>
          <legend className="statement__text">
            <Heading className="statement__heading">{localize(item.text, language)}</Heading>
          </legend>
          <div className="answer-scale">
            <div className="answer-scale__points">
              {SCORES.map((score) => (
                <label key={score} className="answer-option" data-score={score}>
                  <input type="radio" name={`preview-${item.id}`} value={score} checked={answers[item.id] === score} onChange={() => setAnswers((a) => ({ ...a, [item.id]: score }))} />
                  <span className="answer-option__number" aria-hidden="true">
                    {score}
                  </span>
                  <span className="answer-option__label">{p(SCALE_KEYS[score - 1]!)}</span>
                </label>
              ))}
            </div>
            <label className="answer-option answer-option--dk">
              <input type="radio" name={`preview-${item.id}`} value="dk" checked={answers[item.id] === 'dk'} onChange={() => setAnswers((a) => ({ ...a, [item.id]: 'dk' }))} />
              <span className="answer-option__label">{p('dontKnow')}</span>
            </label>
          </div>
        </fieldset>
        {missingNote(item)}
      </div>
    );
  };

  const current = items[Math.min(index, items.length - 1)];
  return (
    <dialog ref={dialogRef} className="dialog preview" aria-labelledby={titleId} onKeyDown={onKeyDown} onCancel={(e) => e.preventDefault()}>
      <div className="preview__bar">
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          {t('previewTitle')}
        </h2>
        <button type="button" className="button button--secondary" onClick={close}>
          {t('close')}
        </button>
      </div>
      <p className="notice notice--warning preview__banner" data-testid="preview-banner">
        {t('previewBanner')} {source.kind === 'draft' ? t('previewDraft') : t('previewVersion', { version: source.label })}
      </p>
      <div className="preview__controls">
        <fieldset className="preview__switch">
          <legend>{t('languageLegend')}</legend>
          {(['nl', 'en'] as const).map((l) => (
            <label key={l} className="checkbox">
              <input type="radio" name={`${titleId}-language`} checked={language === l} onChange={() => setLanguage(l)} />
              <span>{td(l === 'nl' ? 'languageNl' : 'languageEn')}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="preview__switch">
          <legend>{t('modeLegend')}</legend>
          {(['steps', 'list'] as const).map((m) => (
            <label key={m} className="checkbox">
              <input type="radio" name={`${titleId}-mode`} checked={mode === m} onChange={() => setMode(m)} />
              <span>{t(m === 'steps' ? 'modeSteps' : 'modeList')}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <div className="preview__participant" lang={language}>
        {items.length === 0 || !current ? (
          <p className="notice">{t('empty')}</p>
        ) : mode === 'list' ? (
          <ol className="preview__list">
            {items.map((item, i) => (
              <li key={item.id}>{statement(item, i, 'h4')}</li>
            ))}
          </ol>
        ) : (
          <>
            {statement(current, Math.min(index, items.length - 1), 'h3')}
            {index >= items.length - 1 && <p className="hint">{t('endOfPreview')}</p>}
            <div className="step-nav">
              {index > 0 ? (
                <button type="button" className="button button--secondary" onClick={() => setIndex((i) => Math.max(0, i - 1))}>
                  <span aria-hidden="true">← </span>
                  {p('previous')}
                </button>
              ) : (
                <span />
              )}
              <button type="button" className="button button--primary" disabled={index >= items.length - 1} onClick={() => setIndex((i) => Math.min(items.length - 1, i + 1))}>
                {p('next')}
                <span aria-hidden="true"> →</span>
              </button>
            </div>
          </>
        )}
      </div>
    </dialog>
  );
}
