import '../../ui/director.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { PagePart, preloadablePart, preloadParts, useAction } from '../../ui/failures';
import { ScanNotFound } from '../../ui/ScanNotFound';
import { UnreadableNotice } from '../../ui/UnreadableNotice';
import { CopyLinkField } from '../../ui/origin/CopyLinkField';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { directorMessages } from '../../i18n/directorMessages';
import { useFormat } from '../../i18n/useFormat';
import { getScan, listScanResponses, setScanStatus } from '../../storage/scanRepository';
import { RoundsLink } from '../rounds';
import { ExitPinSetting } from './ExitPinSetting';
import { ScanDataPanel } from './manage/ScanDataPanel';
import { ScanSetupPanel } from './manage/ScanSetupPanel';
import { VersionChoice } from './manage/VersionChoice';
import { scansMessages } from './scansMessages';
import { UnfinishedQuestionnaires } from './UnfinishedQuestionnaires';

// Export code (CSV, the v1 writer) loads only when a director opens a scan.
const ExportPanel = preloadablePart(() => import('../exchange/ExportPanel'));
const PersistenceNotice = preloadablePart(() => import('../device/PersistenceNotice'));
const BackupReminder = preloadablePart(() => import('../device/BackupReminder'));
// Live sessions (yjs, the relay provider, the crypto) load only on the director's scan page.
const LiveSection = preloadablePart(() => import('../live/LiveSection'));
// The room's votes and agreements (docs/agreements.md).
const AgreementsSection = preloadablePart(() => import('../agreements/AgreementsSection'));

/**
 * The page's parts, loaded with the page (app/routes.tsx waits for them): parts that arrived one
 * by one after the heading pushed the set-up panel 1.5 screens down while a director reached for
 * it. A part that fails to load is left to its own PagePart, which says so where it stands.
 */
export function loadParts(): Promise<unknown> {
  return preloadParts([ExportPanel, PersistenceNotice, BackupReminder, LiveSection, AgreementsSection]);
}

async function loadScanOverview(scanId: string) {
  const scan = await getScan(scanId);
  if (!scan) return false as const;
  const perOrganisation = new Map<string, number>();
  let submitted = 0;
  let drafts = 0;
  // Reads the scan's responses only to count them: the overview shows counts, never answers.
  // Unreadable rows are set aside and counted (docs/storage-and-migrations.md).
  const responses = await listScanResponses(scanId);
  for (const r of responses.rows) {
    if (r.status === 'submitted') {
      submitted++;
      perOrganisation.set(r.organisationId, (perOrganisation.get(r.organisationId) ?? 0) + 1);
    } else drafts++;
  }
  return { scan, perOrganisation, submitted, drafts, unreadable: responses.unreadable };
}

export default function ScanPage({ scanId }: { scanId: string }) {
  const t = useMessages(scansMessages);
  const td = useMessages(directorMessages);
  const localize = useLocalize();
  const fmt = useFormat();
  const overview = useLiveQuery(() => loadScanOverview(scanId), [scanId], null);
  const { run, alert } = useAction();
  if (overview === null) return null;
  if (overview === false) return <ScanNotFound />;
  const { scan, perOrganisation, submitted, drafts, unreadable } = overview;
  const participantUrl = `${location.origin}${location.pathname}#/s/${scan.id}`;

  return (
    <section className="page" aria-labelledby="scan-title">
      <p>
        <Link href="/">← {t('backToList')}</Link>
      </p>
      <h1 id="scan-title">{scan.title}</h1>
      <p className="scan-card__meta">
        {scan.isDemo && <span className="badge badge--demo">{t('demoBadge')}</span>}
        <span className={scan.status === 'open' ? 'badge badge--open' : 'badge'}>{scan.status === 'open' ? t('openBadge') : t('closedBadge')}</span>
        <span>{t('scanDate', { date: fmt.date(scan.date) })}</span>
        <span>{localize(scan.instrument.title)}</span>
        <span>
          <Link href={`/instruments/scan/${scan.id}`}>{t('editInstrument')}</Link>
        </span>
      </p>
      <PagePart name={t('partPersistence')}><PersistenceNotice scanId={scan.id} /></PagePart>

      <div className="button-row">
        <Link href={`/scans/${scan.id}/results`} className="button button--primary">
          {t('results')}
        </Link>
        <Link href={`/scans/${scan.id}/present`} className="button button--secondary">
          {td('present')}
        </Link>
        <RoundsLink scan={scan} always />
      </div>

      <div className="action-panel">
        {scan.status === 'open' && (
          <div>
            <Link href={`/s/${scan.id}`} className="button button--primary">
              {t('answerHere')}
            </Link>
            <p className="hint">{t('answerHereHint')}</p>
          </div>
        )}
        <ExitPinSetting scan={scan} />
        <CopyLinkField label={t('participantLink')} hint={t('participantLinkHint')} value={participantUrl} />
      </div>
      <VersionChoice scan={scan} responseCount={submitted + drafts + unreadable} />
      <PagePart name={t('partLive')}><LiveSection scan={scan} /></PagePart>

      <h2>{t('responsesTitle')}</h2>
      <table className="data-table">
        <caption>{t('respondentsPerOrganisation')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('organisationColumn')}</th>
            <th scope="col" className="num">
              {t('countColumn')}
            </th>
          </tr>
        </thead>
        <tbody>
          {scan.organisations.map((o) => (
            <tr key={o.id}>
              <th scope="row">{o.name}</th>
              <td className="num">{perOrganisation.get(o.id) ?? 0}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('totalSubmitted')}</th>
            <td className="num">{submitted}</td>
          </tr>
        </tfoot>
      </table>
      <UnfinishedQuestionnaires scan={scan} />
      <UnreadableNotice count={unreadable} scope="scan" />
      <PagePart name={t('partAgreements')}>
        <AgreementsSection scan={scan} />
      </PagePart>

      <PagePart name={t('partBackupReminder')}>
        <BackupReminder scanId={scan.id} />
      </PagePart>
      <PagePart name={t('partExport')}>
        <ExportPanel scan={scan} />
      </PagePart>

      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void run(() => setScanStatus(scan.id, scan.status === 'open' ? 'closed' : 'open'))}>
          {scan.status === 'open' ? t('closeScan') : t('reopenScan')}
        </button>
      </div>
      {alert}
      <ScanSetupPanel key={scan.id} scan={scan} />
      <ScanDataPanel scan={scan} responseCount={submitted + drafts} />
    </section>
  );
}
