import { useState } from 'react';
import { useUnreadableExportNote } from '../../app/UnreadableNotice';
import { buildCsvLong, buildCsvWide, csvFileName } from '../../domain/exchange';
import type { Scan } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { loadScansForExport } from '../../storage/exchangeRepository';
import { exchangeMessages } from './exchangeMessages';
import { saveFile } from './saveFile';
import { saveJsonExport } from './saveJsonExport';

type Separator = ';' | ',';

/** Export of one scan: JSON (format v1), CSV long or wide, and the printable report. */
export default function ExportPanel({ scan }: { scan: Scan }) {
  const t = useMessages(exchangeMessages);
  const language = useUiStore(selectLanguage);
  const [separator, setSeparator] = useState<Separator>(language === 'nl' ? ';' : ',');
  const [status, setStatus] = useState('');
  const unreadableNote = useUnreadableExportNote();
  const savedStatus = (name: string, unreadable: number) => [t('saved', { name }), unreadableNote(unreadable)].filter(Boolean).join(' ');

  const exportJson = async () => {
    const saved = await saveJsonExport([scan.id]);
    setStatus(savedStatus(saved.name, saved.unreadable));
  };

  const exportCsv = async (layout: 'long' | 'wide') => {
    const now = new Date();
    const { scans, unreadable } = await loadScansForExport([scan.id]);
    const [data] = scans;
    if (!data) return;
    const build = layout === 'long' ? buildCsvLong : buildCsvWide;
    const name = csvFileName(scan, layout, now);
    saveFile(name, build(data.scan, data.responses, { separator, lang: language }), 'text/csv;charset=utf-8');
    setStatus(savedStatus(name, unreadable));
  };

  return (
    <section className="export-panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('exportTitle')}</h2>
      <p className="hint">{t('exportIntro')}</p>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={exportJson}>
          {t('exportJson')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => exportCsv('long')}>
          {t('exportCsvLong')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => exportCsv('wide')}>
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
      <p role="status" className="status-line">
        {status}
      </p>
    </section>
  );
}
