import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useAction } from '../../ui/failures';
import { useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { useOffSentence } from '../../ui/origin/origin';
import { requestPersistence, watchStorageReport, type Persistence } from '../../storage/persistence';
import { DataCheck } from './DataCheck';
import { formatBytes } from '../../domain/format';
import { storageMessages } from './storageMessages';
import './storage.css';

const PERSISTENCE_TEXT = {
  persisted: 'persisted',
  'best-effort': 'bestEffort',
  unsupported: 'unsupported',
} as const satisfies Record<Persistence, keyof typeof storageMessages.nl>;

/** On the list of scans: how much the app stores, whether the browser keeps it, and warnings. */
export default function StoragePanel() {
  const t = useMessages(storageMessages);
  const language = useUiStore(selectLanguage);
  const [asked, setAsked] = useState(0);
  const report = useLiveQuery(() => watchStorageReport(), [asked]);
  // On plain http the browser has no persistent storage to offer: say why (docs/origins.md).
  const persistenceOff = useOffSentence('persistence');
  const { run, alert } = useAction();
  if (!report) return null;
  const { usage, quota, persistence } = report;

  const askPersist = () =>
    run(async () => {
      await requestPersistence();
      setAsked((n) => n + 1);
    });

  return (
    <section className="storage-panel" aria-labelledby="storage-panel-title">
      <h2 id="storage-panel-title">{t('panelTitle')}</h2>
      {report.isProbablyPrivate && quota !== null && (
        <p className="notice notice--warning" data-testid="private-warning">
          {t('privateWindow', { quota: formatBytes(quota, language) })}
        </p>
      )}
      {report.isNearlyFull && <p className="notice notice--warning">{t('nearlyFull')}</p>}
      <p>{usage !== null && quota !== null ? t('usage', { usage: formatBytes(usage, language), quota: formatBytes(quota, language) }) : t('usageUnknown')}</p>
      <p data-persistence={persistence}>{persistence === 'unsupported' && persistenceOff ? persistenceOff : t(PERSISTENCE_TEXT[persistence])}</p>
      {persistence === 'best-effort' && !report.isProbablyPrivate && (
        <button type="button" className="button button--secondary" onClick={() => void askPersist()}>
          {t('askPersist')}
        </button>
      )}
      {alert}
      <DataCheck />
    </section>
  );
}
