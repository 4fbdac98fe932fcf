import { useEffect, useMemo, type ReactNode } from 'react';
import { DataTable } from '../../charts/DataTable';
import { getChartFormat } from '../../charts/format';
import { chartMessages } from '../../charts/chartMessages';
import { CHANGE_EVIDENCE_P } from '../../domain/rounds/compareRounds';
import type { Language } from '../../domain/types';
import { directorMessages } from '../../i18n/directorMessages';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { ChangeChart, type ChangeRow } from './ChangeChart';
import { changeColumns, notComparedSentence } from './changeColumns';
import { roundsMessages } from './roundsMessages';
import { stageMessages } from './stageMessages';
import { useRoundChange, type RoundChangeState } from './useRoundChange';
import './stage.css';

/** A slide as the presenter's deck takes it (src/features/present/PresentPage.tsx). */
export interface StageSlideSpec {
  id: string;
  title: string;
  render: (showTable: boolean) => ReactNode;
}

/** At most seven statements a slide: two lines of label each at 24 px fit the slide's body. */
export const STATEMENTS_PER_SLIDE = 7;

/** `rows` cut into the fewest slides of at most `perSlide`, as even as possible (13 by 7 → 7 + 6). */
export function pageRows<T>(rows: readonly T[], perSlide = STATEMENTS_PER_SLIDE): T[][] {
  if (rows.length === 0) return [];
  const pages = Math.ceil(rows.length / perSlide);
  const size = Math.ceil(rows.length / pages);
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * The presenter's source of the "change since round N" slides, loaded lazily with `import()` (the
 * rounds front's LazyModules): it renders nothing and hands the slides to the deck, again when
 * the rounds change (docs/presenter.md, "Rounds on the slides").
 */
export default function RoundChangeSlides({ scanId, onSlides }: { scanId: string; onSlides: (slides: StageSlideSpec[]) => void }) {
  const slides = useRoundChangeSlides(useRoundChange(scanId));
  useEffect(() => onSlides(slides), [slides, onSlides]);
  return null;
}

/**
 * The chain's change per statement since the previous round, seven statements a slide, with the
 * rounds page's figures and words; a slide for the partners not compared when there are any.
 * None without a previous round; one slide that says so when the rounds have no answers to
 * compare or could not be read.
 */
export function useRoundChangeSlides(state: RoundChangeState | null): StageSlideSpec[] {
  const t = useMessages(roundsMessages);
  const ts = useMessages(stageMessages);
  const td = useMessages(directorMessages);
  const localize = useLocalize();
  const language = useUiStore(selectLanguage);
  return useMemo(() => {
    if (state === null || state.kind === 'none') return [];
    if (state.kind === 'failed') return [{ id: 'round-change-failed', title: ts('changeFailed'), render: () => <p className="slide__lead">{ts('changeFailed')}</p> }];
    if (state.kind === 'empty')
      return [{ id: 'round-change-empty', title: ts('changeTitle', { round: state.rounds.earlier }), render: () => <p className="slide__lead">{t('noAnswers')}</p> }];
    const { comparison, rounds, minGroupSize } = state;
    // The rounds page's rows: number in the comparison, the later round's wording, the chain's figure.
    const rows: ChangeRow[] = comparison.statements.map((s, i) => ({ key: s.itemId, label: `${i + 1}. ${localize(s.later.text)}`, figure: s.chain }));
    const pages = pageRows(rows);
    const title = ts('changeTitle', { round: rounds.earlier });
    const slides: StageSlideSpec[] = pages.map((page, index) => ({
      id: `round-change-${index}`,
      title: pages.length > 1 ? `${title} (${index + 1}/${pages.length})` : title,
      render: (showTable: boolean) => (
        <RoundChangeSlide
          rows={page}
          rounds={rounds}
          respondents={t('respondents', { ...rounds, earlierCount: comparison.earlierRespondents, laterCount: comparison.laterRespondents })}
          showTable={showTable}
          language={language}
        />
      ),
    }));
    if (comparison.notCompared.length > 0)
      slides.push({
        id: 'round-change-not-compared',
        title: ts('notComparedSlideTitle', { round: rounds.earlier }),
        render: () => (
          <div className="stage-slide" data-testid="round-change-not-compared">
            <p className="stage-slide__lead">{t('notComparedIntro')}</p>
            <ul className="stage-slide__list">
              {comparison.notCompared.map((n) => (
                <li key={n.id}>
                  {notComparedSentence(n, t, { pooledGroup: td('pooledGroup'), ...rounds, minGroupSize, language })}
                </li>
              ))}
            </ul>
          </div>
        ),
      });
    return slides;
  }, [state, t, ts, td, localize, language]);
}

/** One slide of the chain's change: the respondents, a legend, the chart or its table twin. */
export function RoundChangeSlide({ rows, rounds, respondents, showTable, language }: { rows: readonly ChangeRow[]; rounds: { earlier: number; later: number }; respondents: string; showTable: boolean; language: Language }) {
  const t = useMessages(roundsMessages);
  const ts = useMessages(stageMessages);
  const tc = useMessages(chartMessages);
  const format = getChartFormat(language);
  const who = t('chain');
  const columns = changeColumns(t, format, { earlier: t('colEarlier', { round: rounds.earlier }), later: t('colLater', { round: rounds.later }), change: t('colChange') }, 'change', language);
  return (
    <div className="stage-slide" data-testid="round-change-slide">
      <p className="stage-slide__lead">{respondents}</p>
      {showTable ? (
        <DataTable caption={t('tableCaption', { who, ...rounds })} columns={columns} rows={rows} getRowKey={(r) => r.key} note={t('chanceNote', { zero: format.mean(0), alpha: format.mean(CHANGE_EVIDENCE_P) })} />
      ) : (
        <>
          <p className="stage-slide__legend">{ts('changeLegend', rounds)}</p>
          <ChangeChart rows={rows} title={t('chartTitle', { who })} description={t('chartDescription', rounds)} language={language} uncertainLabel={tc('couldBeChance')} unchangedLabel={t('unchanged')} size="projector" />
        </>
      )}
    </div>
  );
}
