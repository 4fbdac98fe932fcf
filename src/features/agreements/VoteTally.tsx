import { rankByVotes } from '../../domain/agreements/voteOptions';
import type { VoteOption } from '../../domain/agreements/types';
import type { Scan } from '../../domain/types';
import { chartMessages } from '../../charts/chartMessages';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { agreementsMessages } from './agreementsMessages';
import { statementOf } from './ballot';

interface TallyProps {
  scan: Scan;
  options: readonly VoteOption[];
  counts: Readonly<Record<string, number>>;
  /** The presenter's table mode (T): the same figures as a table. */
  showTable: boolean;
  caption?: string;
}

/**
 * The room's votes: a horizontal bar per option, most votes on top (`rankByVotes`), the number
 * written beside every bar and the kind in words, so neither length nor colour carries anything
 * alone. In table mode the same rows as a table. Never a name: only counts (docs/agreements.md).
 */
export function VoteTally({ scan, options, counts, showTable, caption }: TallyProps) {
  const t = useMessages(agreementsMessages);
  const tc = useMessages(chartMessages);
  const localize = useLocalize();
  const ranked = rankByVotes(options, counts);
  const max = Math.max(1, ...ranked.map((o) => counts[o.itemId] ?? 0));
  const rows = ranked.map((option) => {
    const statement = statementOf(scan, option.itemId);
    return {
      option,
      votes: counts[option.itemId] ?? 0,
      short: statement ? t('statementShort', { number: statement.number }) : option.itemId,
      text: statement ? localize(statement.text) : '',
      kind: tc(option.kind),
    };
  });
  if (showTable) {
    return (
      <table className="data-table vote-tally__table" data-testid="vote-tally-table">
        <caption>{caption ?? t('tallyLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{tc('statement')}</th>
            <th scope="col">{t('kindColumn')}</th>
            <th scope="col" className="num">
              {t('votesColumn')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.option.itemId} data-item={row.option.itemId}>
              <th scope="row">
                {row.short}: {row.text}
              </th>
              <td>{row.kind}</td>
              <td className="num">{row.votes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <figure className="vote-tally" data-testid="vote-tally">
      <figcaption className="visually-hidden">{caption ?? t('tallyLabel')}</figcaption>
      <ol className="vote-tally__list">
        {rows.map((row) => (
          <li key={row.option.itemId} className="vote-tally__row" data-item={row.option.itemId}>
            <span className="vote-tally__label">
              <strong>
                {row.short} · {row.kind}
              </strong>{' '}
              {row.text}
            </span>
            <span className="vote-tally__bar-cell">
              <span className="vote-tally__track" aria-hidden="true">
                <span className={`vote-tally__bar vote-tally__bar--${row.option.kind}`} style={{ width: `${(row.votes / max) * 100}%` }} />
              </span>
              <span className="vote-tally__number" data-testid={`vote-count-${row.option.itemId}`}>
                {row.votes}
              </span>
              <span className="visually-hidden"> {t('votesColumn')}</span>
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
