import { Suspense, useDeferredValue } from 'react';
import type { AnalysisFilters } from '../../domain/analysis';
import type { Scan } from '../../domain/types';
import { preloadable } from '../../ui/preloadable';
import { UnreadableNotice } from '../../ui/UnreadableNotice';
import { commonMessages } from '../../i18n/commonMessages';
import { useMessages } from '../../i18n/useMessages';
import { resultsMessages } from './resultsMessages';
import { FiguresCsvButton } from './FiguresCsvButton';
import { ResultsSummary } from './ResultsSummary';
import { ViewExplanations } from './Explanations';
import { useScanResults } from './useScanResults';
import type { ResultViewProps } from './views/ResultView';
import type { ResultViewId } from './views/viewIds';

// The charts (and d3) load beside the responses instead of after them: the import starts when
// this chunk runs, which is after the page's frame has been painted (docs/budgets.md). Once
// here, the view renders without suspending (src/ui/preloadable.tsx). A failed early load is
// tried once more when the view renders; that error reaches the route's boundary.
const ResultView = preloadable<ResultViewProps>(() => import('./views/ResultView').then((module) => ({ default: module.ResultView })));
ResultView.preload().catch(() => undefined);

/** Stands in the reserved area while the responses are read and analysed, or the charts load. */
function ResultsLoading() {
  const common = useMessages(commonMessages);
  return (
    <p className="loading" role="status">
      {common('loading')}
    </p>
  );
}

/**
 * The part of the results page that needs the responses: who is counted, what the anonymity
 * guard did, and the chosen view. It fills the area the frame (ResultsPage) reserved for it.
 */
export default function ResultsBody({ scan, filters, viewId }: { scan: Scan; filters: AnalysisFilters; viewId: ResultViewId }) {
  const t = useMessages(resultsMessages);
  const read = useScanResults(scan.id, filters);
  // The summary and chart render from a deferred value: React then builds them in slices of a few
  // milliseconds instead of one long task, so the page answers keys and clicks while they appear,
  // and after a filter change the old view stays until the new one is ready (docs/budgets.md).
  // 'missing' means the scan was deleted meanwhile: the frame's own read shows "not found".
  const results = useDeferredValue(read.status === 'ready' ? read : null);
  if (!results) return <ResultsLoading />;
  const { analysis, unreadable } = results;
  return (
    <>
      <UnreadableNotice count={unreadable} scope="scan" />
      <ResultsSummary scan={results.scan} analysis={analysis} />
      {analysis.totals.countedResponses === 0 ? (
        <p className="notice">{t('noResponses')}</p>
      ) : (
        <div className="results__view" data-view={viewId}>
          <h2 className="results__view-title visually-hidden">{t(`view_${viewId}`)}</h2>
          <div className="results__view-lead">
            <p className="results__view-intro">{t(`viewIntro_${viewId}`)}</p>
            <ViewExplanations viewId={viewId} analysis={analysis} />
          </div>
          {analysis.groups.length === 0 && <p className="notice notice--warning">{t('noGroups', { min: analysis.anonymity.minGroupSize })}</p>}
          <Suspense fallback={<ResultsLoading />}>
            <ResultView viewId={viewId} scan={results.scan} analysis={analysis} size="screen" showTable={false} />
          </Suspense>
        </div>
      )}
      {analysis.totals.countedResponses > 0 && analysis.groups.length > 0 && (
        <FiguresCsvButton scan={results.scan} analysis={analysis} />
      )}
    </>
  );
}
