import '../../ui/director.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { ChartFrame } from '../../charts/ChartFrame';
import { DataTable } from '../../charts/DataTable';
import { getChartFormat } from '../../charts/format';
import { PagePart, preloadablePart, preloadParts, useAction } from '../../ui/failures';
import { ScanNotFound } from '../../ui/ScanNotFound';
import { CHANGE_EVIDENCE_P, compareRounds, type RoundComparison } from '../../domain/rounds/compareRounds';
import type { Instrument, Item, Scan } from '../../domain/types';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { directorMessages } from '../../i18n/directorMessages';
import { formatList } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { getScan, listScans } from '../../storage/scanRepository';
import { leaveSeries, linkAsNextRound, listRounds, loadRound } from '../../storage/seriesRepository';
import { ChangeChart, type ChangeRow } from './ChangeChart';
import { changeColumns, comparisonChanceSentence, countChangeTests, formatChange, isShownUnchanged, notComparedSentence } from './changeColumns';
import { chartMessages } from '../../charts/chartMessages';
import { roundsMessages } from './roundsMessages';
import { ReplacedNote, RewordedNote } from './WordingNote';
import './rounds.css';

// The previous round's agreements: a chunk of its own, shared with the presenter and the report,
// so the router's preload list (in the participant's entry too) does not grow by its files; loaded
// with the page like the trend below.
const FollowUpSection = preloadablePart(() => import('./FollowUpSection'));
// Its own chunk, shared with the report's section, and loaded with the page (app/routes.tsx), so
// it neither lengthens the entry's list of every route's files nor arrives after the page. A
// failed load is left to the PagePart around it.
const TrendSection = preloadablePart(() => import('./TrendSection'));

/** What the page shows from its first frame, loaded by the route with the page. */
export function loadParts(): Promise<unknown> {
  return preloadParts([TrendSection, FollowUpSection]);
}

async function loadPage(scanId: string) {
  const scan = await getScan(scanId);
  if (!scan) return false as const;
  const rounds = scan.series ? await listRounds(scan.series.id) : [];
  const others = scan.series ? [] : (await listScans()).rows.filter((s) => s.id !== scanId);
  return { scan, rounds, others };
}

/** `#/scans/<id>/rounds`: the scan's series, and the change between two of its rounds. */
export default function RoundsPage({ scanId }: { scanId: string }) {
  const t = useMessages(roundsMessages);
  const td = useMessages(directorMessages);
  const fmt = useFormat();
  const page = useLiveQuery(() => loadPage(scanId), [scanId], null);
  const { run, alert } = useAction();
  const [previousId, setPreviousId] = useState('');
  if (page === null) return null;
  if (page === false) return <ScanNotFound />;
  const { scan, rounds, others } = page;

  return (
    <section className="page page--wide rounds" aria-labelledby="rounds-title">
      <p>
        <Link href={`/scans/${scan.id}`}>← {td('backToScan')}</Link>
      </p>
      <h1 id="rounds-title">{t('pageTitle', { title: scan.title })}</h1>
      <p>{t('intro')}</p>
      {!scan.series ? (
        <div className="action-panel">
          <p>{t('noSeries')}</p>
          {others.length === 0 ? (
            <p className="hint">{t('noOtherScans')}</p>
          ) : (
            <div className="rounds__link">
              <label className="field field--inline">
                <span className="field__label">{t('previousRound')}</span>
                <select value={previousId || others[0]!.id} onChange={(e) => setPreviousId(e.currentTarget.value)}>
                  {others.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.title} ({fmt.date(s.date)})
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="button button--primary" onClick={() => void run(() => linkAsNextRound(scan.id, previousId || others[0]!.id))}>
                {t('linkAsNext')}
              </button>
            </div>
          )}
        </div>
      ) : (
        <>
          <h2>{t('roundsTitle')}</h2>
          <ol className="rounds__list">
            {rounds.map(({ scan: round, submitted }) => (
              <li key={round.id}>
                {round.id === scan.id ? (
                  <strong>
                    {t('roundItem', { round: round.series?.round ?? 0, title: round.title, date: fmt.date(round.date), count: submitted })} — {t('thisRound')}
                  </strong>
                ) : (
                  <Link href={`/scans/${round.id}/rounds`}>{t('roundItem', { round: round.series?.round ?? 0, title: round.title, date: fmt.date(round.date), count: submitted })}</Link>
                )}
              </li>
            ))}
          </ol>
          <button type="button" className="button button--secondary" onClick={() => void run(() => leaveSeries(scan.id))}>
            {t('leaveSeries')}
          </button>
          {rounds.length < 2 ? <p className="notice">{t('onlyOneRound')}</p> : <Comparison scan={scan} rounds={rounds.map((r) => r.scan)} />}
          {/* Two rounds are the comparison above; from three on, the trend over all (docs/instrument-and-rounds.md, "All rounds: the trend"). */}
          {rounds.length >= 3 && (
            <PagePart name={t('trendPart')}>
              <TrendSection rounds={rounds.map((r) => r.scan)} />
            </PagePart>
          )}
        </>
      )}
      {alert}
      <section className="rounds__groups" aria-labelledby="groups-moved-title">
        <h2 id="groups-moved-title">{t('groupsMovedTitle')}</h2>
        <p>{t('groupsMoved')}</p>
        <p>
          <Link href={`/scans/${scan.id}/results/gap`}>{t('groupsMovedLink')}</Link>
        </p>
      </section>
    </section>
  );
}

function Comparison({ scan, rounds }: { scan: Scan; rounds: readonly Scan[] }) {
  const t = useMessages(roundsMessages);
  const fmt = useFormat();
  const index = rounds.findIndex((r) => r.id === scan.id);
  // By default: the round before this one → this one (or this one → the next, for round 1).
  const [earlierId, setEarlierId] = useState(rounds[Math.max(0, index - 1)]!.id);
  const [laterId, setLaterId] = useState(rounds[index <= 0 ? 1 : index]!.id);
  const data = useLiveQuery(async () => {
    const [a, b] = await Promise.all([loadRound(earlierId), loadRound(laterId)]);
    return a && b ? { a, b } : false;
  }, [earlierId, laterId]);
  const roundOf = (id: string) => rounds.find((r) => r.id === id)?.series?.round ?? 0;
  const select = (label: string, value: string, onChange: (id: string) => void) => (
    <label className="field field--inline">
      <span className="field__label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {rounds.map((r) => (
          <option key={r.id} value={r.id}>
            {t('roundOption', { round: r.series?.round ?? 0, title: r.title, date: fmt.date(r.date) })}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="rounds__comparison">
      <div className="view-controls">
        {select(t('earlier'), earlierId, setEarlierId)}
        {select(t('later'), laterId, setLaterId)}
      </div>
      {earlierId === laterId ? (
        <p className="notice">{t('sameRound')}</p>
      ) : data ? (
        data.a.submitted === 0 || data.b.submitted === 0 ? (
          <p className="notice">{t('noAnswers')}</p>
        ) : (
          <ChangeViews earlier={roundOf(earlierId)} later={roundOf(laterId)} comparison={compareRounds({ scan: data.a.scan, tallyRecord: data.a.tally }, { scan: data.b.scan, tallyRecord: data.b.tally })} minGroupSize={Math.max(data.a.scan.settings.minGroupSize, data.b.scan.settings.minGroupSize)} scans={{ earlier: data.a.scan, later: data.b.scan }} />
        )
      ) : null}
    </div>
  );
}

function ChangeViews({ earlier, later, comparison, minGroupSize, scans }: { earlier: number; later: number; comparison: RoundComparison; minGroupSize: number; scans: { earlier: Scan; later: Scan } }) {
  const t = useMessages(roundsMessages);
  const td = useMessages(directorMessages);
  const tc = useMessages(chartMessages);
  const localize = useLocalize();
  const language = useUiStore(selectLanguage);
  const format = getChartFormat(language);
  const [who, setWho] = useState('chain');
  const groupName = (g: { id: string; name: string | null; renamedFrom?: string }) =>
    g.name === null ? td('pooledGroup') : g.renamedFrom !== undefined ? t('renamedFrom', { name: g.name, old: g.renamedFrom }) : g.name;
  const pool = comparison.groups.find((g) => g.pooledNames !== undefined);
  const groupIndex = comparison.groups.findIndex((g) => g.id === who);
  const whoLabel = groupIndex < 0 ? t('chain') : groupName(comparison.groups[groupIndex]!);
  const label = (item: Item, index: number) => `${index + 1}. ${localize(item.text)}`;
  const rows: ChangeRow[] = useMemo(
    () =>
      comparison.statements.map((s, i) => ({
        key: s.itemId,
        label: label(s.later, i),
        figure: groupIndex < 0 ? s.chain : s.groups[groupIndex]!,
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- label follows the language through localize
    [comparison, groupIndex, localize],
  );
  const columns = changeColumns(t, format, { earlier: t('colEarlier', { round: earlier }), later: t('colLater', { round: later }), change: t('colChange') }, 'change', language);
  const title = t('chartTitle', { who: whoLabel });
  const chanceNote = t('chanceNote', { zero: format.mean(0), alpha: format.mean(CHANGE_EVIDENCE_P) });
  const table = <DataTable caption={t('tableCaption', { who: whoLabel, earlier, later })} columns={columns} rows={rows} getRowKey={(r) => r.key} note={chanceNote} />;
  // The page tests every statement for the chain and for each compared organisation.
  const tests = countChangeTests(comparison.statements.flatMap((s) => [s.chain, ...s.groups]));
  const chanceSentence = comparisonChanceSentence(t, language, tests, 'change');

  return (
    <>
      <p className="rounds__respondents">{t('respondents', { earlier, later, earlierCount: comparison.earlierRespondents, laterCount: comparison.laterRespondents })}</p>
      <label className="field field--inline">
        <span className="field__label">{t('showFor')}</span>
        <select value={who} onChange={(e) => setWho(e.currentTarget.value)}>
          <option value="chain">{t('chain')}</option>
          {comparison.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {t('groupHeader', { name: groupName(g), earlier: g.earlierRespondents, later: g.laterRespondents })}
            </option>
          ))}
        </select>
      </label>
      <ChartFrame title={title} language={language} table={table} fileName="ketenscan-verandering" key={who}>
        <ChangeChart rows={rows} title={title} description={t('chartDescription', { earlier, later })} language={language} uncertainLabel={tc('couldBeChance')} unchangedLabel={t('unchanged')} />
      </ChartFrame>
      <p className="hint">{chanceNote}</p>
      {chanceSentence && (
        <p className="hint" data-testid="chance-note">
          {chanceSentence}
        </p>
      )}

      {/* The earlier round's agreements beside the change on their statements (docs/agreements.md, "Follow-up in the next round"). */}
      {earlier < later && (
        <PagePart name={t('followUpPart')}>
          <FollowUpSection earlier={scans.earlier} later={scans.later} rounds={{ earlier, later }} comparison={comparison} />
        </PagePart>
      )}

      <h2>{t('perGroupTitle')}</h2>
      <p className="hint">{t('groupsNote', { min: minGroupSize })}</p>
      <DataTable
        caption={t('perGroupCaption', { earlier, later })}
        rows={comparison.statements.map((s, i) => ({ s, i }))}
        getRowKey={({ s }) => s.itemId}
        columns={[
          {
            id: 'statement',
            header: tc('statement'),
            isRowHeader: true,
            render: ({ s, i }) => (
              <>
                {label(s.later, i)}
                <RewordedNote earlier={s.earlier} later={s.later} round={earlier} />
              </>
            ),
          },
          ...comparison.groups.map((g, gi) => ({
            id: g.id,
            header: t('groupHeader', { name: groupName(g), earlier: g.earlierRespondents, later: g.laterRespondents }),
            isNumeric: true,
            render: ({ s }: { s: RoundComparison['statements'][number] }) => {
              const f = s.groups[gi]!;
              if (isShownUnchanged(f.change, format)) return `${formatChange(f.change, format)} (${t('unchanged')})`;
              return `${formatChange(f.change, format)}${f.change !== null && f.isUncertain ? ' ?' : ''}`;
            },
          })),
        ]}
        note={chanceNote}
      />

      {pool?.pooledNames && <p className="hint">{t('pooledMembers', { names: formatList(pool.pooledNames, language) })}</p>}

      <section aria-labelledby="not-compared-title" data-testid="rounds-not-compared">
        <h2 id="not-compared-title">{t('notComparedTitle')}</h2>
        {comparison.notCompared.length === 0 ? (
          <p className="hint">{t('notComparedNone')}</p>
        ) : (
          <>
            <p>{t('notComparedIntro')}</p>
            <ul className="rounds__not-compared">
              {comparison.notCompared.map((n) => (
                <li key={n.id}>
                  {notComparedSentence(n, t, { pooledGroup: td('pooledGroup'), earlier, later, minGroupSize, language })}
                </li>
              ))}
            </ul>
            <p className="hint">{t('chainMembershipNote')}</p>
          </>
        )}
      </section>

      <h2>{t('onlyEarlierTitle', { round: earlier })}</h2>
      <OnlyList items={comparison.onlyEarlier} empty={t('onlyNone')} own={scans.earlier.instrument} other={scans.later.instrument} />
      <h2>{t('onlyLaterTitle', { round: later })}</h2>
      <OnlyList items={comparison.onlyLater} empty={t('onlyNone')} own={scans.later.instrument} other={scans.earlier.instrument} />
    </>
  );
}

function OnlyList({ items, empty, own, other }: { items: readonly Item[]; empty: string; own: Instrument; other: Instrument }) {
  const localize = useLocalize();
  if (items.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ul className="rounds__only">
      {items.map((item) => (
        <li key={item.id}>
          <span className="rounds__id">{item.id}</span> {localize(item.text)}
          <ReplacedNote item={item} own={own} other={other} />
        </li>
      ))}
    </ul>
  );
}
