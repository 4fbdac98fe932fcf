import { lazy, Suspense } from 'react';
import { ErrorBoundary } from '../../ui/ErrorBoundary';

// The ballot's code is fetched as soon as this module loads: with the thank-you screen's delivery
// note, which the questionnaire loads while the phone is still online (respond/liveDelivery.ts).
// A vote may open after an answer was sent offline, and a chunk that can no longer be fetched
// must never take the delivery note down with it (docs/live-sessions.md "Votes").
const ballotChunk = import('./PhoneBallot');
ballotChunk.catch(() => undefined);
const PhoneBallot = lazy(() => ballotChunk.catch(() => import('./PhoneBallot')));

/** Where a joined phone rests after answering: the ballot when a vote is open, else nothing; nothing either when its code cannot load. */
export function PhoneBallotSlot({ scanId }: { scanId: string }) {
  return (
    <ErrorBoundary resetKey={scanId} fallback={() => null}>
      <Suspense fallback={null}>
        <PhoneBallot scanId={scanId} />
      </Suspense>
    </ErrorBoundary>
  );
}
