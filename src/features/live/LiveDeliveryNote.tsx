import { useEffect, useState, type ReactNode } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { joinMessages } from './joinMessages';
import { openPhoneSession, readPhoneLink, startPhoneDelivery, type PhoneSession } from './phoneSync';
import { PhoneBallotSlot } from './PhoneBallotSlot';
import PhoneSummaryOnPhone from './PhoneSummaryOnPhone';

/**
 * On the thank-you screen of a phone in a live session: sends what is pending (also after a
 * reload) and says whether the answers reached the director, are waiting for the relay, or
 * must go by the hand-off below because the session closed.
 */
export default function LiveDeliveryNote({ scanId, fallback, sharedDevice }: { scanId: string; fallback?: ReactNode; sharedDevice: boolean }) {
  const t = useMessages(joinMessages);
  const [session] = useState<PhoneSession | null>(() => {
    const link = readPhoneLink(scanId);
    return link ? openPhoneSession(link) : null;
  });
  useEffect(() => startPhoneDelivery(scanId), [scanId]);
  const state = session?.store();
  const intro = <p>{t(sharedDevice ? 'thanksShared' : 'thanksOwnPhone')}</p>;
  // The ballot of a vote on the phones (docs/live-sessions.md "Votes").
  const ballot = session ? <PhoneBallotSlot scanId={scanId} /> : null;
  // The results, when the director allows them on the phones (docs/live-sessions.md "The results on the phones").
  const results = <PhoneSummaryOnPhone scanId={scanId} />;
  if (!state || state.pending === null) {
    return (
      <>
        {intro}
        {ballot}
        {results}
      </>
    );
  }
  const key =
    state.pending === 0
      ? 'deliverySent'
      : state.closed
        ? 'deliveryClosed'
        : state.status === 'refused'
          ? 'deliveryRefused'
          : state.status === 'connected'
            ? 'deliverySending'
            : 'deliveryWaiting';
  return (
    <>
      {intro}
      <p className={key === 'deliverySent' || key === 'deliverySending' ? 'notice' : 'notice notice--warning'} role="status" data-testid="live-delivery">
        {t(key)}
      </p>
      {(key === 'deliveryClosed' || key === 'deliveryRefused') && fallback}
      {ballot}
      {results}
    </>
  );
}
