import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { chartMessages } from '../../charts/chartMessages';
import { DataTable, type DataTableColumn } from '../../charts/DataTable';
import { getChartFormat } from '../../charts/format';
import type { ChartSize } from '../../charts/theme';
import { CHANGE_EVIDENCE_P } from '../../domain/rounds/compareRounds';
import { seriesTrend, type SeriesTrend, type TrendPoint } from '../../domain/rounds/seriesTrend';
import type { Language, Scan } from '../../domain/types';
import { directorMessages } from '../../i18n/directorMessages';
import { formatList } from '../../i18n/format';
import { translate } from '../../i18n/defineMessages';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { loadRound } from '../../storage/seriesRepository';
import { PagePart } from '../../ui/failures';
import { changeVerdict, formatChange } from './changeColumns';
import { TrendChart, type TrendRow } from './TrendChart';
import { roundsMessages } from './roundsMessages';
import { trendMessages } from './trendMessages';

// The rounds page's section "Alle rondes" (docs/instrument-and-rounds.md, "All rounds: the trend"):
// every round of the series read from its stored tally, the trend from seriesTrend, drawn as small
// multiples with the table twin. Exported through the rounds front's LazyModules so the presenter
// and the report can show it too.

/** The rows of the chart and the table for the chain (who = 'chain') or one partner, in the trend's statement order. */
export function trendRows(trend: SeriesTrend, who: string, label: (item: SeriesTrend['statements'][number]['item'], index: number) => string): TrendRow[] {
  const partnerIndex = trend.partners.findIndex((p) => p.id === who);
  return trend.statements.map((s, i) => ({
    key: s.itemId,
    label: label(s.item, i),
    line: partnerIndex < 0 ? s.chain : s.partners[partnerIndex]!,
    ...(partnerIndex < 0 ? {} : { reference: s.chain }),
  }));
}

/**
 * The table twin: statement × round with the mean (n), and between two consecutive rounds the
 * change with the verdict of that pair's comparison, in the words of the two-round table.
 */
export function TrendTable({ rows, rounds, caption, language, isPartner }: { rows: readonly TrendRow[]; rounds: readonly number[]; caption: string; language: Language; isPartner: boolean }) {
  const t = useMessages(trendMessages);
  const tr = useMessages(roundsMessages);
  const format = getChartFormat(language);
  const pointCell = (row: TrendRow, index: number) => {
    const point: TrendPoint | null = row.line.points[index] ?? null;
    // A partner's gap where the chain has a figure: the statement was asked, the partner not compared.
    if (point === null) return isPartner && (row.reference?.points[index] ?? null) !== null ? t('notCompared') : t('notAsked');
    if (point.tooFew) return translate(chartMessages, language, 'tooFewScores');
    return tr('meanWithN', { mean: format.mean(point.mean), n: point.n });
  };
  const stepCell = (row: TrendRow, index: number) => {
    const step = row.line.steps[index] ?? null;
    if (step === null) return t('noStep');
    // A side withheld or without answers: no change to show, only why there is no test.
    if (step.change === null) return changeVerdict(step, tr, format, 'change', language);
    return t('stepCell', { change: formatChange(step.change, format), verdict: changeVerdict(step, tr, format, 'change', language) });
  };
  const columns: DataTableColumn<TrendRow>[] = [
    { id: 'statement', header: translate(chartMessages, language, 'statement'), isRowHeader: true, render: (row) => row.label },
    ...rounds.flatMap((round, i): DataTableColumn<TrendRow>[] => [
      ...(i > 0 ? [{ id: `step${i - 1}`, header: t('colStep', { earlier: rounds[i - 1]!, later: round }), render: (row: TrendRow) => stepCell(row, i - 1) }] : []),
      { id: `round${i}`, header: t('colRound', { round }), isNumeric: true, render: (row: TrendRow) => pointCell(row, i) },
    ]),
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} getRowKey={(row) => row.key} note={tr('chanceNote', { zero: format.mean(0), alpha: format.mean(CHANGE_EVIDENCE_P) })} />;
}

/**
 * The chart, its table twin and its legend for a computed trend, for one line (the chain, or a
 * partner with the chain beside it): what the rounds page, a slide and the report show alike.
 */
export function useTrendFigure({ trend, rounds, who, size = 'screen', compact = false }: { trend: SeriesTrend; rounds: readonly number[]; who: string; size?: ChartSize; compact?: boolean }) {
  const t = useMessages(trendMessages);
  const tr = useMessages(roundsMessages);
  const td = useMessages(directorMessages);
  const localize = useLocalize();
  const language = useUiStore(selectLanguage);
  const partner = trend.partners.find((p) => p.id === who);
  const partnerName = partner ? (partner.name ?? td('pooledGroup')) : null;
  const whoLabel = partnerName ?? tr('chain');
  const rows = useMemo(() => trendRows(trend, who, (item, i) => `${i + 1}. ${localize(item.text)}`), [trend, who, localize]);
  const title = t('chartTitle', { who: whoLabel });
  /** `only`: a slide's share of the rows (the table and chart of those statements). */
  const table = (only: readonly TrendRow[] = rows) => <TrendTable rows={only} rounds={rounds} caption={t('tableCaption', { who: whoLabel })} language={language} isPartner={partner !== undefined} />;
  const legend = `${partnerName ? t('legendPartner', { name: partnerName }) : t('legendChain')} · ${t('legendCertain')} · ${t('legendUncertain')}${partnerName ? ` · ${t('legendReference')}` : ''}`;
  const chart = (only: readonly TrendRow[] = rows) => (
    <TrendChart
      rows={only}
      rounds={rounds}
      title={title}
      description={t('chartDescription', { rounds: formatList(rounds.map(String), language) })}
      language={language}
      size={size}
      roundLabel={(round) => t('roundTick', { round })}
      uncertainMark={t('uncertainMark')}
      unchangedLabel={tr('unchanged')}
      isPartner={partner !== undefined}
      compact={compact}
    />
  );
  return { rows, title, legend, chart, table, language };
}

/** The chart and its table for a computed trend, one or the other at a time (the rounds page). */
export function TrendFigure({ trend, rounds, who, headingLevel = 3 }: { trend: SeriesTrend; rounds: readonly number[]; who: string; headingLevel?: 2 | 3 | 4 }) {
  const { title, legend, chart, table, language } = useTrendFigure({ trend, rounds, who });
  return (
    <ChartFrame title={title} language={language} table={table()} fileName="ketenscan-alle-rondes" headingLevel={headingLevel} intro={<span className="trend__legend">{legend}</span>}>
      {chart()}
    </ChartFrame>
  );
}

async function loadTrend(rounds: readonly Scan[]) {
  const loaded = await Promise.all(rounds.map((r) => loadRound(r.id)));
  const present = loaded.flatMap((round) => (round ? [round] : []));
  if (present.length < 2) return null;
  return {
    trend: seriesTrend(present.map((round) => ({ scan: round.scan, tallyRecord: round.tally }))),
    rounds: present.map((round) => round.scan.series?.round ?? 0),
  };
}

/** "Alle rondes": the rounds of a series (in order, at least two) over time. */
export default function TrendSection({ rounds }: { rounds: readonly Scan[] }) {
  const t = useMessages(trendMessages);
  return (
    <section className="trend" aria-labelledby="trend-title" data-testid="rounds-trend">
      <h2 id="trend-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      <PagePart name={t('title')}>
        <TrendBody rounds={rounds} />
      </PagePart>
    </section>
  );
}

function TrendBody({ rounds }: { rounds: readonly Scan[] }) {
  const t = useMessages(trendMessages);
  const tr = useMessages(roundsMessages);
  const td = useMessages(directorMessages);
  const language = useUiStore(selectLanguage);
  const ids = rounds.map((r) => r.id).join(',');
  const data = useLiveQuery(() => loadTrend(rounds), [ids]);
  const [who, setWho] = useState('chain');
  if (data === undefined) return <p className="hint">{t('loading')}</p>;
  if (data === null) return null;
  const { trend, rounds: numbers } = data;
  const chosen = trend.partners.some((p) => p.id === who) ? who : 'chain';
  return (
    <>
      <p className="rounds__respondents">{t('respondents', { list: formatList(numbers.map((round, i) => t('respondentsItem', { round, count: trend.respondents[i]! })), language) })}</p>
      <label className="field field--inline">
        <span className="field__label">{t('showFor')}</span>
        <select value={chosen} onChange={(e) => setWho(e.currentTarget.value)}>
          <option value="chain">{t('chainOnly')}</option>
          {trend.partners.map((p) => (
            <option key={p.id} value={p.id}>
              {t('partnerOption', { name: p.name ?? td('pooledGroup') })}
            </option>
          ))}
        </select>
      </label>
      <TrendFigure trend={trend} rounds={numbers} who={chosen} key={chosen} />
      {chosen !== 'chain' && <p className="hint">{t('notComparedNote')}</p>}
      <p className="hint">{tr('chanceNote', { zero: getChartFormat(language).mean(0), alpha: getChartFormat(language).mean(CHANGE_EVIDENCE_P) })}</p>
    </>
  );
}
