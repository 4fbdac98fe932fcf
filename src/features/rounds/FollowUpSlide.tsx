import { useEffect, useMemo, type ReactNode } from 'react';
import type { AgreementFollowUp } from '../../domain/agreements/followUp';
import { useMessages } from '../../i18n/useMessages';
import { failureMessages } from '../../ui/failures';
import { ChangeLine, useFollowUpWords, type FollowUpRounds, type FollowUpWords } from './FollowUpFacts';
import { followUpMessages } from './followUpMessages';
import { useRoundFollowUp, type RoundFollowUpState } from './useRoundFollowUp';
import './followUp.css';

/** A slide as the presenter's deck takes it (src/features/present/PresentPage.tsx). */
export interface FollowUpSlideSpec {
  id: string;
  title: string;
  render: (showTable: boolean) => ReactNode;
}

/**
 * The presenter's source of follow-up slides, loaded lazily with `import()` (the rounds front's
 * LazyModules): it renders nothing and hands the slides of `scanId`'s previous round to the deck,
 * again whenever they change (a status set on the rounds page in another tab).
 */
export default function FollowUpSlides({ scanId, onSlides }: { scanId: string; onSlides: (slides: FollowUpSlideSpec[]) => void }) {
  const slides = useFollowUpSlides(useRoundFollowUp(scanId));
  useEffect(() => onSlides(slides), [slides, onSlides]);
  return null;
}

/**
 * One slide per agreement of the previous round, in the rounds page's order: placed after the
 * reading slide, before the first figure (docs/presenter.md, "Slides"). None without a previous
 * round or without agreements; one slide that says so when they could not be read.
 */
export function useFollowUpSlides(state: RoundFollowUpState | null): FollowUpSlideSpec[] {
  const t = useMessages(followUpMessages);
  const tf = useMessages(failureMessages);
  const words = useFollowUpWords(state?.kind === 'ready' ? state.rounds : { earlier: 0, later: 0 });
  return useMemo(() => {
    if (state === null || state.kind === 'none') return [];
    if (state.kind === 'failed')
      return [
        {
          id: 'follow-up-failed',
          title: t('failedTitle'),
          render: () => (
            <div className="follow-up-slide">
              <p className="slide__lead">{tf('partFailed', { part: t('failedTitle') })}</p>
            </div>
          ),
        },
      ];
    const { rounds, result } = state;
    const all = [...result.withStatement, ...result.withoutStatement];
    return all.map((entry, index) => ({
      id: `follow-up-${entry.agreement.id}`,
      title: t('slideTitle', { n: index + 1, total: all.length, round: rounds.earlier }),
      render: () => <FollowUpSlide entry={entry} words={words(entry)} rounds={rounds} />,
    }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- words follows the language through t
  }, [state, t, tf]);
}

/** What was agreed, who, by when and the votes; the statement and its change in words; the status and note. */
export function FollowUpSlide({ entry, words, rounds }: { entry: AgreementFollowUp; words: FollowUpWords; rounds: FollowUpRounds }) {
  const t = useMessages(followUpMessages);
  return (
    <div className="follow-up-slide" data-testid="follow-up-slide">
      <p className="follow-up-slide__intro">{t('slideIntro', { earlier: rounds.earlier })}</p>
      <p className="follow-up-slide__what">{words.what}</p>
      <dl className="follow-up-slide__facts">
        <dt>{t('partners')}</dt>
        <dd>{words.partners}</dd>
        <dt>{t('due')}</dt>
        <dd>{words.due}</dd>
        <dt>{t('votes')}</dt>
        <dd>{words.votes}</dd>
      </dl>
      {words.statement !== null && (
        <div className="follow-up-slide__change">
          <span className="follow-up-slide__statement">
            {t('statement')} {words.statement}
          </span>
          {words.figures && <ChangeLine figures={words.figures} rounds={rounds} />}
          <span data-testid="follow-up-verdict">{words.verdict}</span>
        </div>
      )}
      <p className="follow-up-slide__status">{entry.followUp ? t('slideStatus', { status: words.status }) : t('slideNoStatus')}</p>
      {entry.followUp && entry.followUp.note.trim() !== '' && <p className="follow-up-slide__note">{entry.followUp.note}</p>}
    </div>
  );
}
