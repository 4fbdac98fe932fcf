import { lazy, Suspense, useState } from 'react';
import { Link } from 'wouter';
import type { AnalysisFilters } from '../../domain/analysis';
import { ScanNotFound } from '../../app/ScanNotFound';
import { commonMessages } from '../../i18n/commonMessages';
import { useMessages } from '../../i18n/useMessages';
import { ResultsFilters } from './ResultsFilters';
import { resultsMessages } from './resultsMessages';
import { useScanRecord } from './useScanRecord';
import { isResultViewId, RESULT_VIEW_IDS, type ResultViewId } from './views/viewIds';

// The first frame first (docs/budgets.md): this chunk holds only the page's frame (heading,
// filters, tabs and the reserved area), drawn as soon as the scan record is read. Reading the
// responses, the analysis and the charts are in ResultsBody, requested when the frame renders,
// so none of them delays the heading and nothing the frame shows moves when they arrive.
const ResultsBody = lazy(() => import('./ResultsBody'));

/** `#/scans/<id>/results/<view>`: every view has its own address, so back/forward and links work. */
export default function ResultsPage({ scanId, view }: { scanId: string; view?: string }) {
  const t = useMessages(resultsMessages);
  const common = useMessages(commonMessages);
  const [filters, setFilters] = useState<AnalysisFilters>({});
  const scan = useScanRecord(scanId);
  const viewId: ResultViewId = view && isResultViewId(view) ? view : 'thermometer';

  if (scan === undefined) return null;
  if (scan === null) return <ScanNotFound />;

  return (
    <section className="page page--wide results" aria-labelledby="results-title">
      <p className="results__back">
        <Link href={`/scans/${scan.id}`}>← {t('backToScan')}</Link>
      </p>
      <div className="page__header">
        <h1 id="results-title">{t('pageTitle', { title: scan.title })}</h1>
        <div className="button-row">
          <Link href={`/scans/${scan.id}/present`} className="button button--primary">
            {t('present')}
          </Link>
          <Link href={`/scans/${scan.id}/report`} className="button button--secondary">
            {t('report')}
          </Link>
        </div>
      </div>
      <ResultsFilters scan={scan} filters={filters} onChange={setFilters} />
      <nav className="view-tabs" aria-label={t('viewsLabel')}>
        <ul>
          {RESULT_VIEW_IDS.map((id) => (
            <li key={id}>
              <Link href={`/scans/${scan.id}/results/${id}`} aria-current={id === viewId ? 'page' : undefined} className="view-tabs__link">
                {t(`view_${id}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="results__body">
        <Suspense fallback={<p className="loading" role="status">{common('loading')}</p>}>
          <ResultsBody scan={scan} filters={filters} viewId={viewId} />
        </Suspense>
      </div>
    </section>
  );
}
