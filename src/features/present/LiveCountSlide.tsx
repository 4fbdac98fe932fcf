import type { ScanAnalysis } from '../../domain/analysis';
import type { Scan } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { presentMessages } from './presentMessages';

/** Who has answered so far: counts only, never a figure about the answers. */
export function LiveCountSlide({ scan, analysis }: { scan: Scan; analysis: ScanAnalysis }) {
  const t = useMessages(presentMessages);
  const total = analysis.totals.submittedResponses;
  const max = Math.max(1, ...analysis.respondentsPerOrganisation.map((r) => r.respondents));
  return (
    <div className="live-count">
      <p className="live-count__total" aria-live="polite">
        {t('liveTotal', { count: total })}
      </p>
      <table className="live-count__table">
        <caption className="visually-hidden">{t('liveTitle')}</caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{t('organisationColumn')}</th>
            <th scope="col">{t('countColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {analysis.respondentsPerOrganisation.map((row) => {
            const name = scan.organisations.find((o) => o.id === row.organisationId)?.name ?? row.organisationId;
            return (
              <tr key={row.organisationId}>
                <th scope="row">{name}</th>
                <td className="live-count__bar-cell">
                  <span className="live-count__bar" style={{ width: `${(row.respondents / max) * 100}%` }} aria-hidden="true" />
                  <span className="live-count__number" data-testid={`live-count-${row.organisationId}`}>
                    {row.respondents}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="live-count__note">{scan.status === 'open' ? t('liveOpen') : t('liveClosed')}</p>
    </div>
  );
}
