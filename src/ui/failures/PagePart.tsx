import { Suspense, useState, type ReactNode } from 'react';
import { commonMessages } from '../../i18n/commonMessages';
import { useMessages } from '../../i18n/useMessages';
import { ErrorBoundary } from '../ErrorBoundary';
import { retryFailedParts } from './preloadablePart';
import { describeErrorDetail } from './failure';
import { failureMessages } from './failureMessages';
import './failures.css';

/**
 * A part of a director's page that loads its own code or reads storage on its own (the backup
 * reminder, the storage panel, the export panel). When that read or load fails, the part says so
 * in its place and offers to try again; the rest of the page, which read its own data, stays.
 * Without it one failed side read replaced the whole page by the route's error
 * (docs/failures-and-storage.md, "A part of a page that cannot read").
 */
export function PagePart({ name, children }: { /** What the part is, translated: it starts the failure's sentence. */ name: string; children: ReactNode }) {
  const [attempt, setAttempt] = useState(0);
  // Mounted afresh, the part reads again; a part whose code failed to load is fetched again.
  const retry = () => {
    retryFailedParts();
    setAttempt((n) => n + 1);
  };
  return (
    <ErrorBoundary resetKey={String(attempt)} fallback={(error) => <PartFailure name={name} error={error} onRetry={retry} />}>
      <Suspense fallback={null}>{children}</Suspense>
    </ErrorBoundary>
  );
}

function PartFailure({ name, error, onRetry }: { name: string; error: Error; onRetry: () => void }) {
  const t = useMessages(failureMessages);
  const tc = useMessages(commonMessages);
  // Not role="alert": nobody acted, and an announcement would interrupt what the user is doing.
  // It stands where the part would have been, so reading the page finds it.
  return (
    <div className="notice notice--error failure-alert" data-failure="part">
      <p>{t('partFailed', { part: name })}</p>
      <p className="failure-alert__detail">{tc('detail', { detail: describeErrorDetail(error) })}</p>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {tc('retry')}
        </button>
      </div>
    </div>
  );
}
