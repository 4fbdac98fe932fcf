import { lazy, Suspense, useState } from 'react';
import { Link } from 'wouter';
import type { AnalysisFilters } from '../../domain/analysis';
import { ScanNotFound } from '../../app/ScanNotFound';
import { UnreadableNotice } from '../../app/UnreadableNotice';
import { commonMessages } from '../../i18n/commonMessages';
import { useMessages } from '../../i18n/useMessages';
import { RoundsLink } from '../rounds/RoundsLink';
import { ResultsFilters } from './ResultsFilters';
import { resultsMessages } from './resultsMessages';
import { ResultsSummary } from './ResultsSummary';
import { useScanResults } from './useScanResults';
import { isResultViewId, RESULT_VIEW_IDS, type ResultViewId } from './views/viewIds';

// The charts (and d3) load beside the scan's data instead of before the page can show anything:
// the title, the summary and the tabs paint first, the chart follows in its own task
// (docs/budgets.md, Lighthouse on the results page). The import starts when this chunk runs.
const loadResultView = () => import('./views/ResultView');
const chartsLoading = loadResultView();
// A failed early load is tried once more when the view renders; that error reaches the route's boundary.
chartsLoading.catch(() => undefined);
const ResultView = lazy(() =>
  chartsLoading.catch(loadResultView).then((module) => ({ default: module.ResultView })),
);

/** `#/scans/<id>/results/<view>`: every view has its own address, so back/forward and links work. */
export default function ResultsPage({ scanId, view }: { scanId: string; view?: string }) {
  const t = useMessages(resultsMessages);
  const common = useMessages(commonMessages);
  const [filters, setFilters] = useState<AnalysisFilters>({});
  const results = useScanResults(scanId, filters);
  const viewId: ResultViewId = view && isResultViewId(view) ? view : 'thermometer';

  if (results.status === 'loading') return null;
  if (results.status === 'missing') return <ScanNotFound />;
  const { scan, analysis, unreadable } = results;

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
          <RoundsLink scan={scan} />
        </div>
      </div>
      <UnreadableNotice count={unreadable} scope="scan" />
      <ResultsSummary scan={scan} analysis={analysis} />
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
      {analysis.totals.countedResponses === 0 ? (
        <p className="notice">{t('noResponses')}</p>
      ) : (
        <div className="results__view" data-view={viewId}>
          <h2 className="results__view-title">{t(`view_${viewId}`)}</h2>
          <p className="results__view-intro">{t(`viewIntro_${viewId}`)}</p>
          {analysis.groups.length === 0 && <p className="notice notice--warning">{t('noGroups', { min: analysis.anonymity.minGroupSize })}</p>}
          <Suspense fallback={<p className="loading" role="status">{common('loading')}</p>}>
            <ResultView viewId={viewId} scan={scan} analysis={analysis} size="screen" showTable={false} />
          </Suspense>
        </div>
      )}
    </section>
  );
}
