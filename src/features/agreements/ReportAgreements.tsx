import type { Scan } from '../../domain/types';
import { formatDate, formatList } from '../../i18n/format';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { agreementsMessages } from './agreementsMessages';
import { partnerNames, statementOf } from './ballot';
import { useScanAgreements } from './useScanAgreements';
import './agreements.css';

/** The report's "Afspraken" section (lazy): every agreement of this round as a printable table. */
export default function ReportAgreements({ scan }: { scan: Scan }) {
  const t = useMessages(agreementsMessages);
  const localize = useLocalize();
  const language = useUiStore(selectLanguage);
  const data = useScanAgreements(scan.id);
  return (
    <section className="report__section report-agreements" aria-labelledby="report-agreements-title" data-testid="report-agreements">
      <h2 id="report-agreements-title">{t('agreementsTitle')}</h2>
      <p className="hint">{t('reportLead')}</p>
      {data === null ? (
        <p className="loading">{t('loading')}</p>
      ) : data.agreements.length === 0 ? (
        <p>{t('noAgreements')}</p>
      ) : (
        <table className="data-table report-agreements__table">
          <caption className="visually-hidden">{t('agreementsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('whatColumn')}</th>
              <th scope="col">{t('partnersColumn')}</th>
              <th scope="col">{t('dueColumn')}</th>
              <th scope="col">{t('fromColumn')}</th>
              <th scope="col" className="num">
                {t('votesColumn')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.agreements.map((a) => {
              const statement = a.itemId === null ? null : statementOf(scan, a.itemId);
              return (
                <tr key={a.id}>
                  <th scope="row">{a.what}</th>
                  <td>{formatList(partnerNames(scan, a), language)}</td>
                  <td>{a.due ? formatDate(a.due, language) : '–'}</td>
                  <td>{statement ? t('statementLabel', { number: statement.number, text: localize(statement.text) }) : t('itemNone')}</td>
                  <td className="num">{a.votes ?? '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {data !== null && data.unreadable > 0 && <p className="notice notice--warning">{t('unreadable', { count: data.unreadable })}</p>}
    </section>
  );
}
