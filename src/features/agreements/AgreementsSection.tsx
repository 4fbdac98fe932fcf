import type { Scan } from '../../domain/types';
import { formatDateTime } from '../../i18n/format';
import { useMessages } from '../../i18n/useMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { AgreementsPanel } from './AgreementsPanel';
import { agreementsMessages } from './agreementsMessages';
import { useScanAgreements } from './useScanAgreements';
import { VoteTally } from './VoteTally';
import './agreements.css';

/**
 * The scan page's "Afspraken" section (lazy): the votes held, as counts, and the agreements with
 * add, change and delete.
 */
export default function AgreementsSection({ scan }: { scan: Scan }) {
  const t = useMessages(agreementsMessages);
  const language = useUiStore(selectLanguage);
  const data = useScanAgreements(scan.id);
  return (
    <section className="agreements-section" aria-labelledby="agreements-title" data-testid="agreements-section">
      <h2 id="agreements-title">{t('agreementsTitle')}</h2>
      <p className="hint">{t('sectionLead')}</p>
      {data === null ? (
        <p className="loading">{t('loading')}</p>
      ) : (
        <>
          {data.unreadable > 0 && <p className="notice notice--warning">{t('unreadable', { count: data.unreadable })}</p>}
          <h3>{t('votesTitle')}</h3>
          {data.votes.length === 0 ? (
            <p>{t('noVotes')}</p>
          ) : (
            data.votes.map((vote) => (
              <VoteTally
                key={vote.id}
                scan={scan}
                options={vote.options}
                counts={vote.counts}
                showTable
                caption={t(vote.closedAt === null ? 'voteCaptionOpen' : 'voteCaption', {
                  date: formatDateTime(vote.openedAt, language),
                  method: vote.method === 'phones' ? t('methodPhones', { count: vote.ballots ?? 0 }) : t('methodHands'),
                  perPerson: vote.votesPerPerson,
                })}
              />
            ))
          )}
          <AgreementsPanel scan={scan} data={data} />
        </>
      )}
    </section>
  );
}
