import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { useLocation } from 'wouter';
import { useMessages } from '../../i18n/useMessages';
import { getScan } from '../../storage/scanRepository';
import { endParticipantSession, readJustSubmitted, THANKS_IDLE_MS } from './participantSession';
import { respondMessages } from './respondMessages';
import { RoomExit } from './RoomExit';
import { useIdleTimeout } from './useIdleTimeout';
import { liveJoinOf } from './liveJoin';

// QR and file code load only when a participant's own device shows this screen.
const HandoffPanel = lazy(() => import('../exchange/HandoffPanel'));
// Only on a phone that joined a live session: whether its answers reached the director.
const LiveDeliveryNote = lazy(() => import('../live/LiveDeliveryNote'));

/**
 * A part of the thank-you screen whose code loads on demand: when it cannot load (offline before
 * the service worker stored it), the thanks and "next participant" stay, only the part is missing.
 */
function OptionalPart({ scanId, children }: { scanId: string; children: ReactNode }) {
  return (
    <ErrorBoundary resetKey={scanId} fallback={() => null}>
      <Suspense fallback={null}>{children}</Suspense>
    </ErrorBoundary>
  );
}

/**
 * Neutral on purpose: nothing of the participant's answers is on this screen. "Send my answers"
 * exists only in this tab's memory right after submitting; "next participant", a reload or
 * THANKS_IDLE_MS without a touch ends it (docs/shared-devices.md).
 */
export default function ThanksPage({ scanId }: { scanId: string }) {
  const t = useMessages(respondMessages);
  const [, navigate] = useLocation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const scan = useLiveQuery(() => getScan(scanId), [scanId]);
  const [responseId] = useState(() => readJustSubmitted(scanId));
  // A phone that joined a live session: its answers go to the director by the relay, and the
  // hand-off below is offered only when they cannot. Unless the director allowed a shared
  // device, it takes one participant: no "next participant" (docs/live-sessions.md).
  const [join] = useState(() => liveJoinOf(scanId));
  const onePerDevice = join !== null && !join.sharedDevice;
  useEffect(() => headingRef.current?.focus({ preventScroll: true }), []);

  const nextParticipant = () => {
    endParticipantSession(scanId, scan);
    navigate(`/s/${scanId}`, { replace: true });
  };
  useIdleTimeout(onePerDevice ? null : THANKS_IDLE_MS, nextParticipant);
  const handoff = responseId ? <HandoffPanel scanId={scanId} responseId={responseId} /> : null;

  return (
    <>
      <section className="step step--thanks" aria-labelledby="thanks-title">
        <h1 id="thanks-title" ref={headingRef} tabIndex={-1}>
          {t('thanksTitle')}
        </h1>
        {join === null ? (
          <p>{t('thanksBody')}</p>
        ) : (
          <OptionalPart scanId={scanId}>
            <LiveDeliveryNote scanId={scanId} fallback={handoff} sharedDevice={join.sharedDevice} />
          </OptionalPart>
        )}
        {!onePerDevice && (
          <button type="button" className="button button--primary" onClick={nextParticipant}>
            {t('nextParticipant')}
          </button>
        )}
        {join === null && handoff && <OptionalPart scanId={scanId}>{handoff}</OptionalPart>}
      </section>
      <RoomExit scanId={scanId} exitPin={scan?.exitPin} />
    </>
  );
}
