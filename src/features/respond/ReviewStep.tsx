import { useEffect, useRef, useState, type FormEvent } from 'react';
import { listUnanswered } from '../../domain/answers';
import { cleanKeywords } from '../../domain/response';
import type { Answer, Response, Scan } from '../../domain/types';
import { useLocalize, useMessages, type Translate } from '../../i18n/useMessages';
import { scaleLabelKey } from './AnswerScale';
import { respondMessages } from './respondMessages';
import { StepNavigation } from './StepNavigation';
import { extrasStep } from './steps';

interface ReviewStepProps {
  scan: Scan;
  draft: Response;
  onEdit: (step: number) => void;
  onPrevious: () => void;
  onSubmit: () => Promise<void>;
  submitError: string | null;
}

function describeAnswer(answer: Answer | undefined, t: Translate<typeof respondMessages.nl>): string {
  if (answer === undefined) return t('notAnswered');
  if (answer === 'dk') return t('dontKnow');
  return `${answer} · ${t(scaleLabelKey(answer))}`;
}

export function ReviewStep({ scan, draft, onEdit, onPrevious, onSubmit, submitError }: ReviewStepProps) {
  const t = useMessages(respondMessages);
  const localize = useLocalize();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => headingRef.current?.focus(), []);

  const items = scan.instrument.items;
  const unanswered = listUnanswered(draft.answers, items.map((i) => i.id));
  const organisation = scan.organisations.find((o) => o.id === draft.organisationId);
  const keywords = cleanKeywords(draft.keywords);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await onSubmit();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="step step--review" onSubmit={submit}>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('reviewTitle')}
      </h1>
      <p>{t('reviewIntro')}</p>
      <p className={unanswered.length > 0 ? 'notice notice--warning' : 'notice'} role="status">
        {unanswered.length > 0 ? t('reviewUnanswered', { count: unanswered.length }) : t('reviewAllAnswered')}
      </p>
      <dl className="review-meta">
        <div>
          <dt>{t('reviewOrganisation')}</dt>
          <dd>
            {organisation?.name ?? t('none')}{' '}
            <button type="button" className="link-button" onClick={() => onEdit(0)}>
              {t('change')}
            </button>
          </dd>
        </div>
        {scan.settings.askLevel && (
          <div>
            <dt>{t('reviewLevel')}</dt>
            <dd>{draft.level ? t(`level_${draft.level}`) : t('none')}</dd>
          </div>
        )}
      </dl>
      <ol className="review-list">
        {items.map((item, index) => {
          const answer = draft.answers[item.id];
          const comment = draft.comments[item.id]?.trim();
          return (
            <li key={item.id} className={answer === undefined ? 'review-item review-item--missing' : 'review-item'}>
              <p className="review-item__text">{localize(item.text)}</p>
              <p className="review-item__answer">
                {answer === undefined && <span aria-hidden="true">⚠ </span>}
                <strong>{describeAnswer(answer, t)}</strong>{' '}
                <button type="button" className="link-button" onClick={() => onEdit(index + 1)} aria-label={t('changeStatement', { n: index + 1 })}>
                  {t('change')}
                </button>
              </p>
              {comment && (
                <p className="review-item__comment">
                  {t('reviewComment')}: {comment}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <dl className="review-meta">
        {scan.settings.askKeywords !== false && (
          <div>
            <dt>{t('reviewKeywords')}</dt>
            <dd>
              {keywords.length > 0 ? keywords.join(', ') : t('none')}{' '}
              <button type="button" className="link-button" onClick={() => onEdit(extrasStep(items.length))} aria-label={t('changeKeywords')}>
                {t('change')}
              </button>
            </dd>
          </div>
        )}
        {scan.settings.askImprovement !== false && (
          <div>
            <dt>{t('reviewImprovement')}</dt>
            <dd>
              {draft.improvement.trim() || t('none')}{' '}
              <button type="button" className="link-button" onClick={() => onEdit(extrasStep(items.length))} aria-label={t('changeImprovement')}>
                {t('change')}
              </button>
            </dd>
          </div>
        )}
      </dl>
      {submitError && (
        <p className="notice notice--error" role="alert">
          {submitError}
        </p>
      )}
      <StepNavigation onPrevious={onPrevious} nextLabel={busy ? t('submitting') : t('submit')} nextDisabled={busy} />
    </form>
  );
}
