import { useLiveQuery } from 'dexie-react-hooks';
import type { PhoneSummaryGroup, PhoneSummaryIndex, PhoneSummaryV1 } from '../../domain/agreements/phoneSummaryFormat';
import type { Band } from '../../domain/analysis';
import { directorMessages } from '../../i18n/directorMessages';
import { formatDate, formatList } from '../../i18n/format';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { getScan } from '../../storage/scanRepository';
import { phoneSummaryMessages } from './phoneSummaryMessages';
import './phoneSummary.css';

/**
 * The results on a joined phone, as the director allows them (docs/live-sessions.md "The results
 * on the phones"): the chain's indexes, the large gaps with who is highest and lowest, every
 * statement's chain mean with its band in words, and the agreements. Statement texts come from
 * the scan this phone holds, in its own language. `summary` null: one is there but unreadable.
 */
export default function PhoneSummaryPanel({ scanId, summary }: { scanId: string; summary: PhoneSummaryV1 | null }) {
  const t = useMessages(phoneSummaryMessages);
  const td = useMessages(directorMessages);
  const localize = useLocalize();
  const language = useUiStore(selectLanguage);
  const scan = useLiveQuery(() => getScan(scanId), [scanId]);
  if (summary === null) {
    return (
      <section className="phone-summary" aria-labelledby="phone-summary-title" data-testid="phone-summary">
        <h2 id="phone-summary-title">{t('panelTitle')}</h2>
        <p className="notice notice--warning">{t('panelUnreadable')}</p>
      </section>
    );
  }
  const number = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const mean = (value: number | null) => (value === null ? t('noValue') : number.format(value));
  const band = (value: Band | null) => (value === null ? t('noValue') : t(`band_${value}`));
  const index = (value: PhoneSummaryIndex) => (value.value === null ? t('noValue') : t('indexValue', { value: mean(value.value), band: band(value.band) }));
  const groups = (list: readonly PhoneSummaryGroup[]) => formatList(list.map((g) => ('pooled' in g ? td('pooledGroup') : g.name)), language);
  const items = scan?.instrument.items ?? [];
  const statementText = (itemId: string | null) => {
    if (itemId === null) return null;
    const position = items.findIndex((i) => i.id === itemId);
    const item = items[position];
    return item ? `${position + 1}. ${localize(item.text)}` : itemId;
  };
  const gaps = [...summary.statements.filter((s) => s.gapClass === 'discussionPoint'), ...summary.statements.filter((s) => s.gapClass === 'uncertainDifference')];

  return (
    <section className="phone-summary" aria-labelledby="phone-summary-title" data-testid="phone-summary">
      <h2 id="phone-summary-title">{t('panelTitle')}</h2>
      <p>{t('panelIntro')}</p>

      <h3>{t('indexesTitle')}</h3>
      <dl className="phone-summary__indexes">
        <div>
          <dt>{t('thermometer')}</dt>
          <dd data-testid="phone-summary-thermometer">{index(summary.thermometer)}</dd>
        </div>
        <div>
          <dt>{t('thermostat')}</dt>
          <dd data-testid="phone-summary-thermostat">{index(summary.thermostat)}</dd>
        </div>
      </dl>

      <h3>{t('gapsTitle')}</h3>
      {gaps.length === 0 ? (
        <p>{t('gapsNone')}</p>
      ) : (
        <ul className="phone-summary__gaps">
          {gaps.map((s) => (
            <li key={s.itemId} data-item={s.itemId}>
              <strong className="phone-summary__kind">{t(s.gapClass === 'discussionPoint' ? 'kind_discussionPoint' : 'kind_uncertainDifference')}</strong>
              <span className="phone-summary__statement">{statementText(s.itemId)}</span>
              <span>{t('gapLine', { gap: mean(s.gap), high: groups(s.high), low: groups(s.low) })}</span>
            </li>
          ))}
        </ul>
      )}

      <h3>{t('agreementsTitle')}</h3>
      {summary.agreements.length === 0 ? (
        <p>{t('agreementsNone')}</p>
      ) : (
        <ul className="phone-summary__agreements">
          {summary.agreements.map((a, i) => (
            <li key={i} data-testid="phone-summary-agreement">
              <strong>{a.what}</strong>
              {a.itemId !== null && <span className="phone-summary__statement">{statementText(a.itemId)}</span>}
              <span>{t('agreementWho', { partners: formatList(a.partners, language) })}</span>
              {a.due !== null && <span>{t('agreementDue', { date: formatDate(a.due, language) })}</span>}
              {a.votes !== null && <span>{t('agreementVotes', { count: a.votes })}</span>}
            </li>
          ))}
        </ul>
      )}
      {summary.omittedAgreements > 0 && <p className="notice">{t('agreementsOmitted', { count: summary.omittedAgreements })}</p>}

      <h3>{t('statementsTitle')}</h3>
      <ol className="phone-summary__statements">
        {summary.statements.map((s) => (
          <li key={s.itemId} data-item={s.itemId}>
            <span className="phone-summary__statement">{statementText(s.itemId)}</span>
            <span data-testid="phone-summary-figures">{s.chainMean === null ? t('noValue') : t('statementFigures', { value: mean(s.chainMean), band: band(s.band) })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
