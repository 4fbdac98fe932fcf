import '../../ui/director.css';
// The body's style sheets come with the frame (2.7 KB): inserted when the body starts, they made
// the browser restyle the whole page in the same moment (docs/budgets.md, fourth pass).
import '../../charts/charts.css';
import './views/freeTexts.css';
import { Suspense, useEffect, useRef, useState, type RefObject } from 'react';
import { Link } from 'wouter';
import type { AnalysisFilters } from '../../domain/analysis';
import type { Scan } from '../../domain/types';
import { preloadable } from '../../ui/preloadable';
import { whenShown } from '../../ui/whenShown';
import { ScanNotFound } from '../../ui/ScanNotFound';
import { commonMessages } from '../../i18n/commonMessages';
import { useMessages } from '../../i18n/useMessages';
import { directorMessages } from '../../i18n/directorMessages';
import { useFilterParams, withFilters } from './filterParams';
import { RoundsLink } from '../rounds';
import { ResultsFilters } from './ResultsFilters';
import { resultsMessages } from './resultsMessages';
import { useScanRecord } from './useScanRecord';
import { askedExtras, isViewAsked } from '../../domain/extras';
import { isResultViewId, RESULT_VIEW_IDS, type ResultViewId } from './views/viewIds';

// The first frame first (docs/budgets.md): this chunk holds only the page's frame (heading,
// filters, tabs and the reserved area), drawn as soon as the scan record is read. Reading the
// responses, the analysis and the charts are in ResultsBody, requested once the heading is on
// screen, so none of them delays the heading and nothing the frame shows moves when they arrive.
// The body renders once its chunk is here, so it never suspends (src/ui/preloadable.tsx).
const ResultsBody = preloadable(() => import('./ResultsBody'));

/** The heading's Element Timing name: the body starts once the heading is on screen. */
const HEADING_TIMING = 'results-title';

/**
 * False until the frame's heading is on screen (src/ui/whenShown.ts) and the body's chunk has
 * arrived. The chunk is requested only then, not while the frame renders or paints: a chunk that
 * arrives fast (from the cache or the service worker) would otherwise be evaluated, read and
 * analysed before the browser gets to show the heading, and on a slow network the body's chunks
 * would share the line with the frame's. A chunk that fails to load is left to the body's own
 * render, which shows the failure through the route's error boundary.
 */
function useBodyAfterHeading(heading: RefObject<HTMLHeadingElement | null>): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const element = heading.current;
    if (shown || !element) return;
    let cancelled = false;
    const stop = whenShown(element, HEADING_TIMING, () => {
      const show = () => !cancelled && setShown(true);
      ResultsBody.preload().then(show, show);
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [heading, shown]);
  return shown;
}

/** `#/scans/<id>/results/<view>`: every view has its own address, so back/forward and links work. */
export default function ResultsPage({ scanId, view }: { scanId: string; view?: string }) {
  const t = useMessages(resultsMessages);
  const td = useMessages(directorMessages);
  const [filters, setFilters] = useFilterParams();
  const scan = useScanRecord(scanId);
  const heading = useRef<HTMLHeadingElement>(null);

  if (scan === undefined) return null;
  if (scan === null) return <ScanNotFound />;
  // A view for an extra the scan does not ask (src/domain/extras.ts) is not offered; its address shows the first view.
  const asked = askedExtras(scan.settings);
  const viewIds = RESULT_VIEW_IDS.filter((id) => isViewAsked(id, asked));
  const viewId: ResultViewId = view && isResultViewId(view) && isViewAsked(view, asked) ? view : 'thermometer';
  return (
    <section className="page page--wide results" aria-labelledby="results-title">
      {/* The way back and the other pages of the scan share one row above the heading: the chart
          starts on the first screen at 1280×800 (issue 25). */}
      <div className="results__top">
        <p className="results__back">
          <Link href={`/scans/${scan.id}`}>← {td('backToScan')}</Link>
        </p>
        <div className="button-row">
          <Link href={withFilters(`/scans/${scan.id}/present`, filters)} className="button button--primary">
            {td('present')}
          </Link>
          <Link href={withFilters(`/scans/${scan.id}/report`, filters)} className="button button--secondary">
            {t('report')}
          </Link>
          <RoundsLink scan={scan} />
        </div>
      </div>
      <h1 id="results-title" ref={heading} elementtiming={HEADING_TIMING}>{t('pageTitle', { title: scan.title })}</h1>
      <ResultsFilters scan={scan} filters={filters} onChange={setFilters} />
      <nav className="view-tabs" aria-label={t('viewsLabel')}>
        <ul>
          {viewIds.map((id) => (
            <li key={id}>
              <Link href={withFilters(`/scans/${scan.id}/results/${id}`, filters)} aria-current={id === viewId ? 'page' : undefined} className="view-tabs__link">
                {t(`view_${id}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ResultsBodyArea heading={heading} scan={scan} filters={filters} viewId={viewId} />
    </section>
  );
}

/**
 * The area the frame reserves for the body, with the body's own state: when the body arrives,
 * only this area renders again, not the frame's heading, filters and tabs (a render of the
 * filters' inputs cost a task of 10-30 ms, unthrottled, right when the body started; docs/budgets.md).
 */
function ResultsBodyArea({ heading, scan, filters, viewId }: { heading: RefObject<HTMLHeadingElement | null>; scan: Scan; filters: AnalysisFilters; viewId: ResultViewId }) {
  const common = useMessages(commonMessages);
  const isShown = useBodyAfterHeading(heading);
  const loading = (
    <p className="loading" role="status">
      {common('loading')}
    </p>
  );
  return (
    <div className="results__body">
      {isShown ? (
        <Suspense fallback={loading}>
          <ResultsBody scan={scan} filters={filters} viewId={viewId} />
        </Suspense>
      ) : (
        loading
      )}
    </div>
  );
}
