import { useState } from 'react';
import { buildCsvLong, buildCsvWide, csvFileName } from '../../domain/exchange';
import type { Scan } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { loadScansForExport } from '../../storage/exchangeRepository';
import { exchangeMessages } from './exchangeMessages';
import { saveFile } from './saveFile';
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

  const exportJson = async () => setStatus(t('saved', { name: await saveJsonExport([scan.id]) }));

  const exportCsv = async (layout: 'long' | 'wide') => {
    const now = new Date();
    const [data] = await loadScansForExport([scan.id]);
    if (!data) return;
    const build = layout === 'long' ? buildCsvLong : buildCsvWide;
    const name = csvFileName(scan, layout, now);
    saveFile(name, build(data.scan, data.responses, { separator, lang: language }), 'text/csv;charset=utf-8');
    setStatus(t('saved', { name }));
  };

  return (
    <section className="export-panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('exportTitle')}</h2>
      <p className="hint">{t('exportIntro')}</p>
      <h3>{ts('fullTitle')}</h3>
      <p className="hint">{ts('fullIntro')}</p>
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
      <SharedExport scan={scan} separator={separator} />
    </section>
  );
}
