import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import type { ScanSettings } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { respondMessages } from './respondMessages';
import { StepNavigation } from './StepNavigation';

interface ExtrasStepProps {
  settings: ScanSettings;
  keywords: string[];
  improvement: string;
  onKeywords: (keywords: string[]) => void;
  onImprovement: (improvement: string) => void;
  onPrevious: () => void;
  onNext: () => void;
  /** The forward button's text when it does not lead to the next step (back to the review). */
  nextLabel?: ReactNode;
}

const SLOTS = [0, 1, 2] as const;

export function ExtrasStep({ settings, keywords, improvement, onKeywords, onImprovement, onPrevious, onNext, nextLabel }: ExtrasStepProps) {
  const t = useMessages(respondMessages);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const setKeyword = (slot: number, value: string) => {
    const next = SLOTS.map((i) => keywords[i] ?? '');
    next[slot] = value;
    onKeywords(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onNext();
  };

  return (
    <form className="step step--extras" onSubmit={submit}>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('extrasTitle')}
      </h1>
      <p>{t('extrasIntro')}</p>
      {settings.askKeywords !== false && (
        <fieldset className="keywords">
          <legend>{t('keywordsLegend')}</legend>
          <div className="keywords__inputs">
            {SLOTS.map((slot) => (
              <label key={slot} className="field">
                <span className="field__label">{t('keywordLabel', { n: slot + 1 })}</span>
                <input type="text" value={keywords[slot] ?? ''} maxLength={40} autoComplete="off" onChange={(e) => setKeyword(slot, e.target.value)} />
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {settings.askImprovement !== false && (
        <label className="field">
          <span className="field__label">{t('improvementLabel')}</span>
          <span className="field__hint">{t('commentHint')}</span>
          <textarea value={improvement} rows={4} maxLength={2000} onChange={(e) => onImprovement(e.target.value)} />
        </label>
      )}
      <StepNavigation onPrevious={onPrevious} nextLabel={nextLabel} />
    </form>
  );
}
