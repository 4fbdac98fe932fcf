import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useAction } from '../../ui/failures';
import { useMessages } from '../../i18n/useMessages';
import { formatDateTime } from '../../i18n/format';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { readBackupStatus } from '../../storage/backupRecord';
import { saveJsonExport } from '../exchange';
import { storageMessages } from './storageMessages';
import './storage.css';

/**
 * Shown when answers were submitted after the last file that holds them (the rule is in
 * storage/backupRecord.ts), with the backup button right there. On the list of scans it covers
 * every scan; given a scanId (on a scan's page) only that scan. The backup always holds every scan.
 */
export default function BackupReminder({ scanId }: { scanId?: string }) {
  const t = useMessages(storageMessages);
  const language = useUiStore(selectLanguage);
  const status = useLiveQuery(() => readBackupStatus(scanId), [scanId]);
  const [saved, setSaved] = useState('');
  const { run, alert } = useAction();

  const backup = () =>
    run(async () => {
      setSaved('');
      setSaved(t('saved', { name: (await saveJsonExport()).name }));
    });

  const isDue = status !== undefined && status.unsavedResponses > 0;
  const when = status?.lastBackupAt ? formatDateTime(status.lastBackupAt, language) : null;
  return (
    <div className="backup-reminder-area">
      {isDue && (
        <section className="notice notice--warning backup-reminder" aria-labelledby="backup-reminder-title">
          <h2 id="backup-reminder-title">{t('reminderTitle')}</h2>
          <p>{when ? t('reminderSince', { count: status.unsavedResponses, when }) : t('reminderNever', { count: status.unsavedResponses })}</p>
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={() => void backup()}>
              {t('reminderButton')}
            </button>
          </div>
        </section>
      )}
      {alert}
      <p role="status" className="status-line">
        {saved}
      </p>
    </div>
  );
}
