import { useEffect, useRef } from 'react';
import { countAnswered } from '../../domain/answers';
import type { Response, Scan } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { respondMessages } from './respondMessages';

interface ResumeChoiceProps {
  scan: Scan;
  draft: Response;
  onContinue: () => void;
  onStartNew: () => void;
}

/**
 * Asked when a recent draft exists that this tab did not start: its answers stay hidden until
 * claimed. "I am a new participant" is the safe default: the primary button and the first stop
 * after the heading, so a quick tap or Tab-Enter never puts someone else's answers on screen.
 */
export function ResumeChoice({ scan, draft, onContinue, onStartNew }: ResumeChoiceProps) {
  const t = useMessages(respondMessages);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus({ preventScroll: true }), []);
  const itemIds = scan.instrument.items.map((i) => i.id);
  return (
    <section className="step step--resume" aria-labelledby="resume-title">
      <h1 id="resume-title" ref={headingRef} tabIndex={-1}>
        {t('resumeTitle')}
      </h1>
      <p>{t('resumeBody', { answered: countAnswered(draft.answers, itemIds), total: itemIds.length })}</p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onStartNew}>
          {t('resumeStartNew')}
        </button>
        <button type="button" className="button button--secondary" onClick={onContinue}>
          {t('resumeContinue')}
        </button>
      </div>
    </section>
  );
}
