import { useState } from 'react';
import type { ScanAnalysis } from '../../domain/analysis';
import type { Scan } from '../../domain/types';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { directorMessages } from '../../i18n/directorMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { useAction } from '../../ui/failures';
import { chartMessages } from '../../charts/chartMessages';
import { resultsMessages } from './resultsMessages';

/**
 * "Figures as CSV": the shown analysis' figures in the views' own strings (docs/analysis.md,
 * "Rounding: one number per figure"). The builder is imported on the first click.
 */
export function FiguresCsvButton({ scan, analysis }: { scan: Scan; analysis: ScanAnalysis }) {
  const t = useMessages(resultsMessages);
  const td = useMessages(directorMessages);
  const tc = useMessages(chartMessages);
  const localize = useLocalize();
  const language = useUiStore(selectLanguage);
  const [status, setStatus] = useState('');
  const { run, alert } = useAction();
  const save = () =>
    run(async () => {
      setStatus('');
      const { saveFiguresCsv } = await import('./saveFiguresCsv');
      const name = saveFiguresCsv(scan, analysis, language, { chain: tc('chain'), pooledGroup: td('pooledGroup'), localize });
      setStatus(t('figuresCsvSaved', { name }));
    });
  return (
    <div className="results__figures-csv">
      <button type="button" className="button button--secondary" onClick={() => void save()} data-testid="figures-csv">
        {t('figuresCsv')}
      </button>
      <span className="hint"> {t('figuresCsvHint')}</span>
      <p role="status" className="hint">
        {status}
      </p>
      {alert}
    </div>
  );
}
