import { useState } from 'react';
import { Link } from 'wouter';
import { useUnreadableExportNote } from '../../app/UnreadableNotice';
import { useMessages } from '../../i18n/useMessages';
import { exchangeMessages } from './exchangeMessages';
import { saveJsonExport } from './saveJsonExport';

/** A full backup of every scan on this device, and the way into the import page. */
export default function BackupButton({ selectedScanIds }: { selectedScanIds: readonly string[] }) {
  const t = useMessages(exchangeMessages);
  const [status, setStatus] = useState('');
  const unreadableNote = useUnreadableExportNote();
  const save = async (scanIds?: readonly string[]) => {
    const saved = await saveJsonExport(scanIds);
    setStatus([t('saved', { name: saved.name }), unreadableNote(saved.unreadable)].filter(Boolean).join(' '));
  };
  const backup = () => save();
  const exportSelected = () => save(selectedScanIds);
  return (
    <section className="backup-box" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <p className="hint">{t('backupIntro')}</p>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={backup}>
          {t('backupAll')}
        </button>
        {selectedScanIds.length > 0 && (
          <button type="button" className="button button--secondary" onClick={exportSelected}>
            {t('exportSelected', { count: selectedScanIds.length })}
          </button>
        )}
        <Link href="/import" className="button button--secondary">
          {t('importLink')}
        </Link>
      </div>
      <p role="status" className="status-line">
        {status}
      </p>
    </section>
  );
}
