import { useState } from 'react';
import { Link } from 'wouter';
import { buildExchangeFile, exchangeFileName, serialiseExchangeFile } from '../../domain/exchange';
import { useMessages } from '../../i18n/useMessages';
import { loadScansForExport } from '../../storage/exchangeRepository';
import { exchangeMessages } from './exchangeMessages';
import { GENERATOR, saveFile } from './saveFile';

/** A full backup of every scan on this device, and the way into the import page. */
export default function BackupButton() {
  const t = useMessages(exchangeMessages);
  const [status, setStatus] = useState('');
  const backup = async () => {
    const now = new Date();
    const data = await loadScansForExport();
    const name = exchangeFileName(data.map((d) => d.scan), now, { isBackup: true });
    saveFile(name, serialiseExchangeFile(buildExchangeFile(data, now, GENERATOR)), 'application/json');
    setStatus(t('saved', { name }));
  };
  return (
    <section className="backup-box" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <p className="hint">{t('backupIntro')}</p>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={backup}>
          {t('backupAll')}
        </button>
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
