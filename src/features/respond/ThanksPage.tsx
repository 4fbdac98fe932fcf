import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { useMessages } from '../../i18n/useMessages';
import { readLastSubmitted, rememberLastSubmitted } from './lastSubmitted';
import { respondMessages } from './respondMessages';

// QR and file code load only when a participant's own device shows this screen.
const HandoffPanel = lazy(() => import('../exchange/HandoffPanel'));

/** Neutral on purpose: nothing of the previous participant's answers is on this screen. */
export default function ThanksPage({ scanId }: { scanId: string }) {
  const t = useMessages(respondMessages);
  const [, navigate] = useLocation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [responseId] = useState(() => readLastSubmitted(scanId));
  useEffect(() => headingRef.current?.focus(), []);
  const nextParticipant = () => {
    rememberLastSubmitted(scanId, null);
    navigate(`/s/${scanId}`, { replace: true });
  };
  return (
    <section className="step step--thanks" aria-labelledby="thanks-title">
      <h1 id="thanks-title" ref={headingRef} tabIndex={-1}>
        {t('thanksTitle')}
      </h1>
      <p>{t('thanksBody')}</p>
      <button type="button" className="button button--primary" onClick={nextParticipant}>
        {t('nextParticipant')}
      </button>
      {responseId && (
        <Suspense fallback={null}>
          <HandoffPanel scanId={scanId} responseId={responseId} />
        </Suspense>
      )}
    </section>
  );
}
