import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { useMessages } from '../../i18n/useMessages';
import { respondMessages } from './respondMessages';

/** Neutral on purpose: nothing of the previous participant's answers is on this screen. */
export default function ThanksPage({ scanId }: { scanId: string }) {
  const t = useMessages(respondMessages);
  const [, navigate] = useLocation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="step step--thanks" aria-labelledby="thanks-title">
      <h1 id="thanks-title" ref={headingRef} tabIndex={-1}>
        {t('thanksTitle')}
      </h1>
      <p>{t('thanksBody')}</p>
      <button type="button" className="button button--primary" onClick={() => navigate(`/s/${scanId}`, { replace: true })}>
        {t('nextParticipant')}
      </button>
    </section>
  );
}
