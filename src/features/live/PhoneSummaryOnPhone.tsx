import { lazy, Suspense } from 'react';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { usePhoneSummary } from './phoneSummary';

// The panel's code loads only once the director allows the results on the phones.
const PhoneSummaryPanel = lazy(() => import('./PhoneSummaryPanel'));

/**
 * On a joined phone's thank-you screen and its "already answered" screen: the results panel
 * while the director allows it (docs/live-sessions.md "The results on the phones"), nothing
 * otherwise. When the panel's code cannot load (offline), the screen stays as it was.
 */
export default function PhoneSummaryOnPhone({ scanId }: { scanId: string }) {
  const result = usePhoneSummary(scanId);
  if (result === null) return null;
  return (
    <ErrorBoundary resetKey={scanId} fallback={() => null}>
      <Suspense fallback={null}>
        <PhoneSummaryPanel scanId={scanId} summary={result.ok ? result.summary : null} />
      </Suspense>
    </ErrorBoundary>
  );
}
