import { useState } from 'react';
import type { Agreement } from '../../domain/agreements/types';
import type { Scan } from '../../domain/types';
import { directorMessages } from '../../i18n/directorMessages';
import { formatDate, formatList } from '../../i18n/format';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { agreementsMessages } from './agreementsMessages';
import { partnerNames, statementOf } from './ballot';

interface AgreementListProps {
  scan: Scan;
  agreements: readonly Agreement[];
  /** With these, every agreement gets a change and a delete button (delete asks first). */
  onEdit?: (agreement: Agreement) => void;
  onDelete?: (agreement: Agreement) => void;
}

/** The scan's agreements: what, who, by when, from which statement and its votes. */
export function AgreementList({ scan, agreements, onEdit, onDelete }: AgreementListProps) {
  const t = useMessages(agreementsMessages);
  const td = useMessages(directorMessages);
  const localize = useLocalize();
  const language = useUiStore(selectLanguage);
  const [confirming, setConfirming] = useState<string | null>(null);
  if (agreements.length === 0) return <p className="agreement-list__none">{t('noAgreements')}</p>;
  return (
    <ol className="agreement-list" data-testid="agreement-list">
      {agreements.map((a) => {
        const statement = a.itemId === null ? null : statementOf(scan, a.itemId);
        return (
          <li key={a.id} className="agreement-list__item" data-agreement={a.id}>
            <p className="agreement-list__what">{a.what}</p>
            <p className="agreement-list__meta">
              <span>{t('whoLine', { partners: formatList(partnerNames(scan, a), language) })}</span>
              <span>{a.due ? t('dueLine', { date: formatDate(a.due, language) }) : t('dueNone')}</span>
              {statement && <span>{t('fromLine', { statement: t('statementLabel', { number: statement.number, text: localize(statement.text) }) })}</span>}
              {a.votes !== null && <span>{t('votesLine', { votes: a.votes })}</span>}
            </p>
            {(onEdit || onDelete) &&
              (confirming === a.id && onDelete ? (
                <div className="agreement-list__confirm" role="group" aria-label={t('deleteLabel', { what: a.what })}>
                  <p>{t('deleteConfirm')}</p>
                  <button type="button" className="button button--danger" onClick={() => (setConfirming(null), onDelete(a))}>
                    {t('deleteYes')}
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
                    {td('cancel')}
                  </button>
                </div>
              ) : (
                <div className="agreement-list__actions">
                  {onEdit && (
                    <button type="button" className="button button--secondary" aria-label={t('editLabel', { what: a.what })} onClick={() => onEdit(a)}>
                      {t('edit')}
                    </button>
                  )}
                  {onDelete && (
                    <button type="button" className="button button--secondary" aria-label={t('deleteLabel', { what: a.what })} onClick={() => setConfirming(a.id)}>
                      {t('delete')}
                    </button>
                  )}
                </div>
              ))}
          </li>
        );
      })}
    </ol>
  );
}
