import { useMessages } from '../../i18n/useMessages';
import { FollowUpFacts, useFollowUpWords } from './FollowUpFacts';
import { followUpMessages } from './followUpMessages';
import { useRoundFollowUp } from './useRoundFollowUp';
import './followUp.css';

/**
 * The report's section "Opvolging van de afspraken": the previous round's agreements beside the
 * change on their statements, with the status and note the director set (docs/agreements.md).
 * Nothing for a round without a previous one. Loaded lazily by the report (the rounds front's
 * LazyModules) and read on its own: the report puts it in a PagePart.
 */
export default function FollowUpReport({ scanId }: { scanId: string }) {
  const t = useMessages(followUpMessages);
  const state = useRoundFollowUp(scanId);
  const words = useFollowUpWords(state?.kind === 'ready' ? state.rounds : { earlier: 0, later: 0 });
  if (state === null || state.kind === 'none') return null;
  // A failed read is shown by the PagePart around this section, as any part that cannot read.
  if (state.kind === 'failed') throw new Error(state.detail);
  const { rounds, result, unreadable } = state;
  const entry = (e: (typeof result.withStatement)[number]) => {
    const w = words(e);
    return (
      <li key={e.agreement.id} className="follow-up__item" data-testid="follow-up-item">
        <FollowUpFacts words={w} rounds={rounds} />
        <p className="follow-up__status">
          {t('status')}: {w.status}
        </p>
        {e.followUp && e.followUp.note.trim() !== '' && (
          <p>
            {t('note')}: {e.followUp.note}
          </p>
        )}
      </li>
    );
  };
  return (
    <section className="report__section follow-up" aria-labelledby="report-follow-up-title" data-testid="report-follow-up">
      <h2 id="report-follow-up-title">{t('sectionTitle', { round: rounds.earlier })}</h2>
      {unreadable > 0 && <p className="notice">{t('unreadable', { count: unreadable })}</p>}
      {result.withStatement.length + result.withoutStatement.length === 0 ? (
        <p>{t('none', { round: rounds.earlier })}</p>
      ) : (
        <>
          <p className="hint">{t('reportIntro', { ...rounds })}</p>
          {result.withStatement.length > 0 && <ul className="follow-up__list">{result.withStatement.map(entry)}</ul>}
          {result.withoutStatement.length > 0 && (
            <>
              <h3>{t('withoutStatementTitle', { round: rounds.earlier })}</h3>
              <ul className="follow-up__list">{result.withoutStatement.map(entry)}</ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
