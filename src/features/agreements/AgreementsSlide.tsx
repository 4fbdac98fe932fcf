import type { ReactNode } from 'react';
import type { Scan } from '../../domain/types';
import { formatDate, formatList } from '../../i18n/format';
import { useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { AgreementsPanel } from './AgreementsPanel';
import { agreementsMessages } from './agreementsMessages';
import { partnerNames } from './ballot';
import { useScanAgreements } from './useScanAgreements';
import './agreements.css';

/** The presenter's "Afspraken" slide: the director records what the room agrees, the room reads along. */
export function AgreementsSlide({ scan, now }: { scan: Scan; now?: () => Date }) {
  const t = useMessages(agreementsMessages);
  const data = useScanAgreements(scan.id);
  if (data === null) return <p className="slide__lead">{t('loading')}</p>;
  return (
    <div className="agreements-slide" data-testid="agreements-slide">
      <AgreementsPanel scan={scan} data={data} now={now} followNew />
      {data.unreadable > 0 && <p className="agreements-slide__note">{t('unreadable', { count: data.unreadable })}</p>}
    </div>
  );
}

/**
 * The closing slide's body: the agreements (what, who, by when, votes) once there are any;
 * until then the closing question it always had (`fallback`).
 */
export function ClosingAgreements({ scan, fallback }: { scan: Scan; fallback: ReactNode }) {
  const t = useMessages(agreementsMessages);
  const language = useUiStore(selectLanguage);
  const data = useScanAgreements(scan.id);
  if (data === null || data.agreements.length === 0) return <>{fallback}</>;
  return (
    <div className="closing-agreements" data-testid="closing-agreements">
      <p className="closing-agreements__lead">{t('endAgreementsLead', { count: data.agreements.length })}</p>
      <ol className="closing-agreements__list">
        {data.agreements.map((a) => (
          <li key={a.id}>
            <strong className="closing-agreements__what">{a.what}</strong>
            <span className="closing-agreements__meta">
              {t('whoLine', { partners: formatList(partnerNames(scan, a), language) })} · {a.due ? t('dueLine', { date: formatDate(a.due, language) }) : t('dueNone')}
              {a.votes !== null && <> · {t('votesLine', { votes: a.votes })}</>}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
