import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Answer, Item, Scan } from '../../domain/types';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { AnswerScale } from './AnswerScale';
import { isUsingKeyboard } from './inputModality';
import { respondMessages } from './respondMessages';
import { StepNavigation, submitOnEnterInRadio } from './StepNavigation';

interface StatementStepProps {
  scan: Scan;
  item: Item;
  index: number;
  answer: Answer | undefined;
  comment: string;
  onAnswer: (answer: Answer) => void;
  onComment: (comment: string) => void;
  onPrevious: () => void;
  onNext: () => void;
  /** The forward button's text when it does not lead to the next step (back to the review). */
  nextLabel?: ReactNode;
}

export function StatementStep({ scan, item, index, answer, comment, onAnswer, onComment, onPrevious, onNext, nextLabel }: StatementStepProps) {
  const t = useMessages(respondMessages);
  const localize = useLocalize();
  const formRef = useRef<HTMLFormElement>(null);
  const progressId = useId();
  const total = scan.instrument.items.length;
  const dimension = scan.instrument.dimensions.find((d) => d.id === item.dimension);

  const headingRef = useRef<HTMLHeadingElement>(null);
  const [showKeyboardHint] = useState(isUsingKeyboard);

  // A new statement puts a keyboard user on its scale (the chosen answer, or the first option);
  // anyone else gets focus on the statement itself, so a screen reader reads it and a phone
  // keeps the progress line in view. Never scroll: the flow shows each step from the top.
  useEffect(() => {
    const form = formRef.current;
    const radio = form?.querySelector<HTMLInputElement>('input[type=radio]:checked') ?? form?.querySelector<HTMLInputElement>('input[type=radio]');
    const target = isUsingKeyboard() ? radio : headingRef.current;
    target?.focus({ preventScroll: true });
  }, [item.id]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onNext();
  };

  return (
    <form ref={formRef} className="step step--statement" onSubmit={submit} onKeyDown={submitOnEnterInRadio}>
      <p className="step__progress" id={progressId}>
        {t('progress', { current: index + 1, total })}
      </p>
      <progress className="progress-bar" max={total} value={index + 1} aria-label={t('progressLabel')} />
      {dimension && <p className="step__eyebrow">{t('dimensionLabel', { dimension: localize(dimension.label) })}</p>}
      <fieldset className="statement" aria-describedby={progressId}>
        <legend className="statement__text">
          <h1 ref={headingRef} tabIndex={-1} className="statement__heading">
            {localize(item.text)}
          </h1>
        </legend>
        <AnswerScale name={`answer-${item.id}`} value={answer} onChange={onAnswer} />
      </fieldset>
      {scan.settings.askComments !== false && (
        <details className="comment" open={comment.length > 0}>
          <summary>{t('commentToggle')}</summary>
          <label className="field">
            <span className="field__label">{t('commentLabel')}</span>
            <span className="field__hint">{t('commentHint')}</span>
            <textarea value={comment} rows={3} maxLength={2000} onChange={(e) => onComment(e.target.value)} />
          </label>
        </details>
      )}
      {showKeyboardHint && <p className="hint hint--keyboard">{t('keyboardHint')}</p>}
      <StepNavigation onPrevious={onPrevious} nextLabel={nextLabel} />
    </form>
  );
}
