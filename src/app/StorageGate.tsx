import { useEffect, useState, type ReactNode } from 'react';
import { commonMessages } from '../i18n/commonMessages';
import { useMessages } from '../i18n/useMessages';
import { openStorage } from '../storage/openStorage';
import { classifyStorageError, type StorageProblem } from '../storage/storageProblem';

type GateState = { kind: 'opening' } | { kind: 'ready' } | { kind: 'failed'; problem: StorageProblem; detail: string };

const PROBLEM_KEY = {
  unavailable: 'storageUnavailable',
  quota: 'storageQuota',
  blocked: 'storageBlocked',
  'newer-version': 'storageNewer',
  unknown: 'storageUnknown',
} as const satisfies Record<StorageProblem, keyof typeof commonMessages.nl>;

/**
 * Nothing is shown until the database is open (and the opened page's chunk is here): answering without storage would lose answers
 * silently, so a browser without usable IndexedDB gets a clear explanation instead.
 */
export function StorageGate({ children, waitFor }: { children: ReactNode; waitFor?: Promise<unknown> }) {
  const t = useMessages(commonMessages);
  const [state, setState] = useState<GateState>({ kind: 'opening' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    // The opened page's chunk loads beside the database; waiting for both lets the page render
    // without suspending (src/ui/preloadable.tsx).
    Promise.all([openStorage(), waitFor]).then(
      () => !cancelled && setState({ kind: 'ready' }),
      (error: unknown) => {
        if (cancelled) return;
        const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        setState({ kind: 'failed', problem: classifyStorageError(error), detail });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt, waitFor]);

  if (state.kind === 'ready') return <>{children}</>;
  if (state.kind === 'opening') return <p className="loading" role="status">{t('loading')}</p>;
  return (
    <section className="page storage-problem" role="alert" aria-labelledby="storage-title">
      <h1 id="storage-title">{t('storageTitle')}</h1>
      <p>{t(PROBLEM_KEY[state.problem])}</p>
      <p className="hint">{t('detail', { detail: state.detail })}</p>
      <button type="button" className="button button--primary" onClick={() => { setState({ kind: 'opening' }); setAttempt((n) => n + 1); }}>
        {t('retry')}
      </button>
    </section>
  );
}
