import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { useMessages } from '../../i18n/useMessages';
import { listSubmittedResponses } from '../../storage/responseRepository';
import { liveJoinOf } from '../../storage/phoneOutbox';
import { joinMessages } from './joinMessages';
import { PhoneBallotSlot } from './PhoneBallotSlot';

// The results, when the director allows them: loaded with this screen, not before (its code sits
// with the thank-you screen's delivery note; docs/live-sessions.md "The results on the phones").
const PhoneSummaryOnPhone = lazy(() => import('./PhoneSummaryOnPhone'));

/**
 * A phone that joined a live session takes one participant, unless the director allowed a
 * shared device (docs/live-sessions.md): once it submitted a response started since it joined,
 * the questionnaire says so instead of starting another.
 */
export default function OnePerPhone({ scanId, children }: { scanId: string; children: ReactNode }) {
  const t = useMessages(joinMessages);
  const answered = useLiveQuery(async () => {
    const join = liveJoinOf(scanId);
    if (join === null || join.sharedDevice || join.joinedAt === null) return false;
    const { rows } = await listSubmittedResponses(scanId);
    return rows.some((r) => r.submittedAt !== null && r.startedAt >= join.joinedAt!);
  }, [scanId]);
  if (answered === undefined) return null;
  if (!answered) return <>{children}</>;
  return (
    <section className="step" data-testid="already-answered">
      <h1>{t('alreadyAnsweredTitle')}</h1>
      <p>{t('alreadyAnsweredBody')}</p>
      {/* A phone that took part may still vote when the director opens a vote (docs/live-sessions.md "Votes"). */}
      <PhoneBallotSlot scanId={scanId} />
      <ErrorBoundary resetKey={scanId} fallback={() => null}>
        <Suspense fallback={null}>
          <PhoneSummaryOnPhone scanId={scanId} />
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}
