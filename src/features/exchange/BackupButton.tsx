import { useState } from 'react';
import { Link } from 'wouter';
import { useAction } from '../../ui/failures';
import { useUnreadableExportNote } from '../../ui/UnreadableNotice';
import { useMessages } from '../../i18n/useMessages';
import { exchangeMessages } from './exchangeMessages';
import { saveJsonExport } from './saveJsonExport';

/** A full backup of every scan on this device, and the way into the import page. */
export default function BackupButton({ selectedScanIds }: { selectedScanIds: readonly string[] }) {
  const t = useMessages(exchangeMessages);
  const [status, setStatus] = useState('');
  const { run, alert } = useAction();
  const unreadableNote = useUnreadableExportNote();
  const save = (scanIds?: readonly string[]) =>
    run(async () => {
      setStatus('');
      const saved = await saveJsonExport(scanIds);
      setStatus([t('saved', { name: saved.name }), unreadableNote(saved.unreadable)].filter(Boolean).join(' '));
    });
  return (
    <section className="backup-box" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <p className="hint">{t('backupIntro')}</p>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void save()}>
          {t('backupAll')}
        </button>
        {selectedScanIds.length > 0 && (
          <button type="button" className="button button--secondary" onClick={() => void save(selectedScanIds)}>
            {t('exportSelected', { count: selectedScanIds.length })}
          </button>
        )}
        <Link href="/import" className="button button--secondary">
          {t('importLink')}
        </Link>
      </div>
      {alert}
      <p role="status" className="status-line">
        {status}
      </p>
    </section>
  );
}
