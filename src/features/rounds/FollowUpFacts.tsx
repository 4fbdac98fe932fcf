import type { ReactNode } from 'react';
import type { AgreementFollowUp } from '../../domain/agreements/followUp';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { formatList } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { changeCells } from './changeColumns';
import { roundsMessages } from './roundsMessages';
import { followUpMessages } from './followUpMessages';

/** The two rounds of a follow-up, by number. */
export interface FollowUpRounds {
  earlier: number;
  later: number;
}

/** What is said of one agreement and its change, in words: the same cells as the rounds page's table. */
export interface FollowUpWords {
  what: string;
  partners: string;
  due: string;
  votes: string;
  /** "5. Het is duidelijk …" (numbered as on the rounds page); null without a statement. */
  statement: string | null;
  /** The means with n in each round and the change, as the rounds page's table shows them; null when not compared. */
  figures: { earlier: ReactNode; later: ReactNode; change: ReactNode } | null;
  /** The test's verdict ("verandering, kan toeval zijn (p = …)"), or why there is no change; null without a statement. */
  verdict: ReactNode;
  /** done / under way / dropped / not judged yet. */
  status: string;
}

/** Words for each agreement of a follow-up, in the page's language. */
export function useFollowUpWords(rounds: FollowUpRounds): (entry: AgreementFollowUp) => FollowUpWords {
  const t = useMessages(followUpMessages);
  const tr = useMessages(roundsMessages);
  const localize = useLocalize();
  const fmt = useFormat();
  const language = useUiStore(selectLanguage);
  const cells = changeCells(tr, language);
  return (entry) => {
    const { agreement, change } = entry;
    const base = {
      what: agreement.what,
      partners: formatList(entry.partnerNames, language),
      due: agreement.due === null ? t('noDue') : fmt.date(agreement.due),
      votes: agreement.votes === null ? t('notVoted') : String(agreement.votes),
      status: t(`status_${entry.followUp?.status ?? 'none'}`),
    };
    if (change === null) return { ...base, statement: null, figures: null, verdict: null };
    if (change.kind === 'compared') {
      const row = { key: change.item.id, label: `${change.index + 1}. ${localize(change.item.text)}`, figure: change.figure };
      const { evidence, ...figures } = cells(row);
      return { ...base, statement: row.label, figures, verdict: evidence };
    }
    if (change.kind === 'onlyEarlier') return { ...base, statement: `${change.item.id} ${localize(change.item.text)}`, figures: null, verdict: t('onlyEarlier', { later: rounds.later }) };
    return { ...base, statement: change.itemId, figures: null, verdict: t('missing', { id: change.itemId, earlier: rounds.earlier }) };
  };
}

/** The facts of one agreement as a description list: what, who, by when, votes, the statement, its change and verdict. */
export function FollowUpFacts({ words, rounds }: { words: FollowUpWords; rounds: FollowUpRounds }) {
  const t = useMessages(followUpMessages);
  return (
    <dl className="follow-up__facts">
      <dt>{t('what')}</dt>
      <dd className="follow-up__what">{words.what}</dd>
      <dt>{t('partners')}</dt>
      <dd>{words.partners}</dd>
      <dt>{t('due')}</dt>
      <dd>{words.due}</dd>
      <dt>{t('votes')}</dt>
      <dd>{words.votes}</dd>
      {words.statement !== null && (
        <>
          <dt>{t('statement')}</dt>
          <dd>{words.statement}</dd>
          {words.figures && (
            <>
              <dt>{t('figures')}</dt>
              <dd>
                <ChangeLine figures={words.figures} rounds={rounds} />
              </dd>
            </>
          )}
          <dt>{t('verdict')}</dt>
          <dd data-testid="follow-up-verdict">{words.verdict}</dd>
        </>
      )}
    </dl>
  );
}

/** "Ronde 1: 3,13 (n = 26) → Ronde 2: 3,73 (n = 30) · Verandering: +0,61", the cells of the rounds page's table. */
export function ChangeLine({ figures, rounds }: { figures: NonNullable<FollowUpWords['figures']>; rounds: FollowUpRounds }) {
  const tr = useMessages(roundsMessages);
  return (
    <span data-testid="follow-up-figures">
      {tr('colEarlier', { round: rounds.earlier })}: <span data-testid="follow-up-earlier">{figures.earlier}</span> → {tr('colLater', { round: rounds.later })}:{' '}
      <span data-testid="follow-up-later">{figures.later}</span> · {tr('colChange')}: <span data-testid="follow-up-change">{figures.change}</span>
    </span>
  );
}
