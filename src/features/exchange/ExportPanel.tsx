import { useState } from 'react';
import { useUnreadableExportNote } from '../../ui/UnreadableNotice';
import type { Scan } from '../../domain/types';
import { useAction } from '../../ui/failures';
import { useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { RecordNotFoundError } from '../../storage/errors';
import { loadScansForExport } from '../../storage/exchangeRepository';
import { exchangeMessages } from './exchangeMessages';
import { saveCsvExport } from './saveCsvExport';
import { saveJsonExport } from './saveJsonExport';
import { SharedExport } from './SharedExport';
import { shareMessages } from './shareMessages';

type Separator = ';' | ',';

/** Export of one scan: in full (JSON v1, CSV long or wide) for the director's own devices, and anonymised for sharing. */
export default function ExportPanel({ scan }: { scan: Scan }) {
  const t = useMessages(exchangeMessages);
  const ts = useMessages(shareMessages);
  const language = useUiStore(selectLanguage);
  const [separator, setSeparator] = useState<Separator>(language === 'nl' ? ';' : ',');
  const [status, setStatus] = useState('');
  const { run, alert } = useAction();
  const unreadableNote = useUnreadableExportNote();
  const savedStatus = (name: string, unreadable: number) => [t('saved', { name }), unreadableNote(unreadable)].filter(Boolean).join(' ');

  const exportJson = () =>
    run(async () => {
      setStatus('');
      const saved = await saveJsonExport([scan.id], { onProgress: (share) => setStatus(t('exporting', { percent: Math.round(share * 100) })) });
      setStatus(savedStatus(saved.name, saved.unreadable));
    });

  const exportCsv = (layout: 'long' | 'wide') =>
    run(async () => {
      setStatus('');
      const { scans, unreadable } = await loadScansForExport([scan.id]);
      const [data] = scans;
      if (!data) throw new RecordNotFoundError('scan', scan.id);
      setStatus(savedStatus(saveCsvExport(data.scan, data.responses, layout, { separator, lang: language }), unreadable));
    });

  return (
    <section className="export-panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('exportTitle')}</h2>
      <p className="hint">{t('exportIntro')}</p>
      <h3>{ts('fullTitle')}</h3>
      <p className="hint">{ts('fullIntro')}</p>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void exportJson()}>
          {t('exportJson')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void exportCsv('long')}>
          {t('exportCsvLong')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void exportCsv('wide')}>
          {t('exportCsvWide')}
        </button>
        <label className="field field--inline">
          <span className="field__label">{t('csvSeparator')}</span>
          <select value={separator} onChange={(e) => setSeparator(e.target.value as Separator)}>
            <option value=";">{t('separatorSemicolon')}</option>
            <option value=",">{t('separatorComma')}</option>
          </select>
        </label>
      </div>
      {alert}
      <p role="status" className="status-line">
        {status}
      </p>
      <SharedExport scan={scan} separator={separator} />
    </section>
  );
}
