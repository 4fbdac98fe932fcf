import '../../ui/director.css';
import { Link } from 'wouter';
import { withPMethod } from '../../charts/pMethod';
import { getChartFormat } from '../../charts/format';
import { ScanNotFound } from '../../ui/ScanNotFound';
import { PagePart, preloadablePart, preloadParts } from '../../ui/failures';
import { listGapStatements, type ScanAnalysis } from '../../domain/analysis';
import { askedExtras, isViewAsked } from '../../domain/extras';
import type { Scan } from '../../domain/types';
import { FreeTextsView } from './views/FreeTextsView';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { directorMessages } from '../../i18n/directorMessages';
import { formatDate, formatList } from '../../i18n/format';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { labelGroupById } from './groupLabels';
import { resultsMessages } from './resultsMessages';
import { ResultsSummary } from './ResultsSummary';
import { ExplanationList } from './Explanations';
import { ALL_TOPICS, explainMessages } from './explainMessages';
import { useFilterParams, withFilters } from './filterParams';
import { useFilterDescription } from './FilterSummary';
import { useFreeTexts, useScanResults } from './useScanResults';
import './report.css';
import { RESULT_VIEW_IDS, ResultView } from './views/ResultView';

// The previous round's agreements beside the change since (docs/agreements.md, "Follow-up in the next round").
const FollowUpReport = preloadablePart(() => import('../rounds/FollowUpReport'));
// The change since the previous round, and the two groups the director chose (docs/instrument-and-rounds.md, "In the presenter and the report").
const RoundChangeReport = preloadablePart(() => import('../rounds/RoundChangeReport'));
const TrendReport = preloadablePart(() => import('../rounds/TrendReport'));
const GroupComparisonReport = preloadablePart(() => import('../rounds/GroupComparisonReport'));

const DIAL_ONLY = { part: 'dial' } as const;
// What the room agreed after the results (docs/agreements.md): its own section, read on its own.
const ReportAgreements = preloadablePart(() => import('../agreements/ReportAgreements'));

/**
 * The report's parts, loaded with the page (app/routes.tsx waits for them): a report that grows
 * after it appears moves what the director reads, and one printed at once would miss them. A
 * part that fails to load says so in its PagePart.
 */
export function loadParts(): Promise<unknown> {
  return preloadParts([FollowUpReport, RoundChangeReport, TrendReport, GroupComparisonReport, ReportAgreements]);
}

/**
 * `#/scans/<id>/report`: every view with its table, the discussion points and the questionnaire
 * on one page that the print stylesheet lays out on A4 (the browser's print-to-PDF makes the file).
 */
export default function ReportPage({ scanId }: { scanId: string }) {
  const t = useMessages(resultsMessages);
  const explain = useMessages(explainMessages);
  const td = useMessages(directorMessages);
  const localize = useLocalize();
  const language = useUiStore(selectLanguage);
  const format = getChartFormat(language);
  const [filters] = useFilterParams();
  const results = useScanResults(scanId, filters);
  const filterText = useFilterDescription(results.status === 'ready' ? results.scan : null, filters);
  if (results.status === 'loading') return null;
  if (results.status === 'missing') return <ScanNotFound />;
  const { scan, analysis } = results;
  const { discussionPoints: points, uncertainDifferences } = listGapStatements(analysis.statements);
  const asked = askedExtras(scan.settings);
  const label = (id: string) => labelGroupById(analysis, id, td('pooledGroup'));
  const itemText = (itemId: string) => {
    const index = scan.instrument.items.findIndex((i) => i.id === itemId);
    const item = scan.instrument.items[index];
    return item ? `${index + 1}. ${localize(item.text)}` : itemId;
  };

  return (
    <article className="page page--wide report" aria-labelledby="report-title">
      <div className="report__toolbar no-print">
        <Link href={withFilters(`/scans/${scan.id}/results`, filters)}>← {td('backToScan')}</Link>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('reportPrint')}
        </button>
      </div>
      <h1 id="report-title">{t('reportTitle', { title: scan.title })}</h1>
      <p>
        {t('reportMeta', {
          date: formatDate(scan.date, language),
          instrument: `${localize(scan.instrument.title)} v${scan.instrument.version}`,
          min: analysis.anonymity.minGroupSize,
          gap: format.mean(analysis.settings.gapThreshold),
        })}
      </p>
      {filterText && <p className="notice" data-testid="report-filter">{filterText}</p>}
      <ResultsSummary scan={scan} analysis={analysis} />

      {/* The plain words before any figure: a reader of the printed report has no one to ask. */}
      <section className="report__section report__reading" data-testid="report-reading">
        <h2>{explain('readingTitle')}</h2>
        <ExplanationList topics={ALL_TOPICS} analysis={analysis} />
      </section>

      {/* The previous round's agreements and what became of them (docs/agreements.md, "Follow-up in the next round"). */}
      <PagePart name={t('reportFollowUpPart')}>
        <FollowUpReport scanId={scan.id} />
      </PagePart>
      <PagePart name={t('reportRoundChangePart')}>
        <RoundChangeReport scanId={scan.id} />
      </PagePart>
      <PagePart name={t('reportTrendPart')}>
        <TrendReport scanId={scan.id} />
      </PagePart>

      <section className="report__section">
        <h2>{t('reportDiscussion')}</h2>
        {points.length === 0 ? (
          <p>{t('reportNoDiscussion')}</p>
        ) : (
          <ol>
            {points.map((s) => (
              <li key={s.itemId}>
                {t('reportDiscussionItem', {
                  statement: itemText(s.itemId),
                  gap: format.mean(s.gap),
                  p: withPMethod(format.pStatement(s.kruskalWallis?.p), language, s.kruskalWallis),
                  high: s.highest ? `${formatList(s.highest.groupIds.map(label), language)} (${format.mean(s.highest.mean)})` : '–',
                  low: s.lowest ? `${formatList(s.lowest.groupIds.map(label), language)} (${format.mean(s.lowest.mean)})` : '–',
                })}
              </li>
            ))}
          </ol>
        )}
        {uncertainDifferences.length > 0 && (
          <>
            <h3>{t('reportUncertain')}</h3>
            <ul>
              {uncertainDifferences.map((s) => (
                <li key={s.itemId}>{t('reportUncertainItem', { statement: itemText(s.itemId), gap: format.mean(s.gap), p: withPMethod(format.pStatement(s.kruskalWallis?.p), language, s.kruskalWallis) })}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <PagePart name={t('reportPartAgreements')}>
        <ReportAgreements scan={scan} />
      </PagePart>

      {RESULT_VIEW_IDS.filter((viewId) => viewId !== 'texts' && isViewAsked(viewId, asked)).map((viewId) => (
        <section key={viewId} className="report__section report__view" data-view={viewId}>
          <h2>{t(`view_${viewId}`)}</h2>
          <p className="hint">{t(`viewIntro_${viewId}`)}</p>
          <ResultView viewId={viewId} scan={scan} analysis={analysis} size="screen" showTable={false} bare />
          <div className="report__table">
            {/* The knobs are a numbered list of words already: on paper their table would only repeat
                them (and once left a page nearly empty), so the thermostat prints the dial's table alone. */}
            <ResultView viewId={viewId} scan={scan} analysis={analysis} size="screen" showTable bare page={viewId === 'thermostat' ? DIAL_ONLY : undefined} />
          </div>
        </section>
      ))}

      {isViewAsked('texts', asked) && (
        <section className="report__section report__view" data-view="texts">
          <h2>{t('view_texts')}</h2>
          <p className="hint">{t('viewIntro_texts')}</p>
          <ReportTexts scan={scan} analysis={analysis} />
        </section>
      )}

      <PagePart name={t('reportGroupsPart')}>
        <GroupComparisonReport scan={scan} analysis={analysis} />
      </PagePart>

      <section className="report__section">
        <h2>{t('reportInstrument')}</h2>
        <ol>
          {scan.instrument.items.map((item) => (
            <li key={item.id}>
              {localize(item.text)}{' '}
              <span className="hint">
                ({localize(scan.instrument.dimensions.find((d) => d.id === item.dimension)?.label ?? { nl: item.dimension, en: item.dimension })}, {t(`kind_${item.kind}`)})
              </span>
            </li>
          ))}
        </ol>
      </section>
      <p className="hint">{t('reportGenerated', { date: formatDate(new Date().toISOString(), language) })}</p>
    </article>
  );
}

/**
 * The report's section of what people wrote: its texts are read (page by page) by this section
 * alone, so the page and its figures never wait for them (docs/scale.md "What people wrote").
 */
function ReportTexts({ scan, analysis }: { scan: Scan; analysis: ScanAnalysis }) {
  const t = useMessages(resultsMessages);
  const texts = useFreeTexts(scan.id, analysis, askedExtras(scan.settings));
  if (!texts) return <p className="loading">{t('textsLoading')}</p>;
  return <FreeTextsView scan={scan} analysis={analysis} texts={texts} />;
}
