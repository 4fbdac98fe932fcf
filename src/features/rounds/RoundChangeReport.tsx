import { chartMessages } from '../../charts/chartMessages';
import { DataTable } from '../../charts/DataTable';
import { getChartFormat } from '../../charts/format';
import { CHANGE_EVIDENCE_P } from '../../domain/rounds/compareRounds';
import { directorMessages } from '../../i18n/directorMessages';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { ChangeChart, type ChangeRow } from './ChangeChart';
import { changeColumns, notComparedSentence } from './changeColumns';
import { roundsMessages } from './roundsMessages';
import { stageMessages } from './stageMessages';
import { useRoundChange } from './useRoundChange';
import './stage.css';

/**
 * The report's section "Verandering sinds ronde N": the chain's change per statement since the
 * previous round as a chart and its table, with the rounds page's figures and words, and the
 * partners not compared (docs/instrument-and-rounds.md, "In the presenter and the report").
 * Nothing for a round without a previous one. Loaded lazily by the report and read on its own:
 * the report puts it in a PagePart, which says so when reading fails.
 */
export default function RoundChangeReport({ scanId }: { scanId: string }) {
  const t = useMessages(roundsMessages);
  const ts = useMessages(stageMessages);
  const td = useMessages(directorMessages);
  const tc = useMessages(chartMessages);
  const localize = useLocalize();
  const language = useUiStore(selectLanguage);
  const format = getChartFormat(language);
  const state = useRoundChange(scanId);
  if (state === null || state.kind === 'none') return null;
  if (state.kind === 'failed') throw new Error(state.detail);
  const { rounds } = state;
  const heading = <h2 id="report-round-change-title">{ts('changeTitle', { round: rounds.earlier })}</h2>;
  if (state.kind === 'empty')
    return (
      <section className="report__section report-stage" aria-labelledby="report-round-change-title" data-testid="report-round-change">
        {heading}
        <p>{t('noAnswers')}</p>
      </section>
    );
  const { comparison, minGroupSize } = state;
  const who = t('chain');
  const rows: ChangeRow[] = comparison.statements.map((s, i) => ({ key: s.itemId, label: `${i + 1}. ${localize(s.later.text)}`, figure: s.chain }));
  const columns = changeColumns(t, format, { earlier: t('colEarlier', { round: rounds.earlier }), later: t('colLater', { round: rounds.later }), change: t('colChange') }, 'change', language);
  const chanceNote = t('chanceNote', { zero: format.mean(0), alpha: format.mean(CHANGE_EVIDENCE_P) });
  return (
    <section className="report__section report__view report-stage" aria-labelledby="report-round-change-title" data-testid="report-round-change">
      {heading}
      <p className="hint">{ts('reportChangeIntro', rounds)}</p>
      <p>{t('respondents', { ...rounds, earlierCount: comparison.earlierRespondents, laterCount: comparison.laterRespondents })}</p>
      <ChangeChart rows={rows} title={t('chartTitle', { who })} description={t('chartDescription', rounds)} language={language} uncertainLabel={tc('couldBeChance')} unchangedLabel={t('unchanged')} />
      <div className="report__table">
        <DataTable caption={t('tableCaption', { who, ...rounds })} columns={columns} rows={rows} getRowKey={(r) => r.key} note={chanceNote} />
      </div>
      <h3>{t('notComparedTitle')}</h3>
      {comparison.notCompared.length === 0 ? (
        <p className="hint">{t('notComparedNone')}</p>
      ) : (
        <>
          <p>{t('notComparedIntro')}</p>
          <ul data-testid="report-round-change-not-compared">
            {comparison.notCompared.map((n) => (
              <li key={n.id}>
                {notComparedSentence(n, t, { pooledGroup: td('pooledGroup'), ...rounds, minGroupSize, language })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
