import '../../ui/director.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'wouter';
import { PagePart, preloadablePart, preloadParts, useAction } from '../../ui/failures';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { useFormat } from '../../i18n/useFormat';
import { createDemoScan } from '../../storage/demoRepository';
import { UnreadableNotice } from '../../ui/UnreadableNotice';
import { listScanSummaries } from '../../storage/scanSummaries';
import { scansMessages } from './scansMessages';

const BackupButton = preloadablePart(() => import('../exchange/BackupButton'));
const BackupReminder = preloadablePart(() => import('../device/BackupReminder'));
const StoragePanel = preloadablePart(() => import('../device/StoragePanel'));
// What is off at this address (plain http in a room): docs/origins.md.
const OriginNotice = preloadablePart(() => import('../../ui/origin/OriginNotice'));

/**
 * The page's parts, loaded with the page (app/routes.tsx waits for them): the origin notice and
 * the backup reminder stand above the list, and arriving after it they pushed the scans and their
 * links down under the director's pointer. A part that fails to load says so in its PagePart.
 */
export function loadParts(): Promise<unknown> {
  return preloadParts([BackupButton, BackupReminder, StoragePanel, OriginNotice]);
}

/**
 * The scans, and every stored record set aside as unreadable: scans, responses and live sessions.
 * The live-session count loads beside the list, not as a static import: the entry's preload list
 * would name its chunk, and the participant's first load carries that list.
 */
async function loadScanList() {
  const [list, liveSessions] = await Promise.all([listScanSummaries(), import('../../storage/liveSessions').then((m) => m.countUnreadableLiveSessions())]);
  return { ...list, unreadable: list.unreadable + liveSessions };
}

export default function ScanListPage() {
  const t = useMessages(scansMessages);
  const localize = useLocalize();
  const fmt = useFormat();
  const list = useLiveQuery(loadScanList, []);
  const summaries = list?.summaries;
  const [status, setStatus] = useState('');
  const [selected, setSelected] = useState<readonly string[]>([]);
  const toggle = (id: string) => setSelected((ids) => (ids.includes(id) ? ids.filter((i) => i !== id) : [...ids, id]));

  const { run, alert } = useAction();
  const recreateDemo = () =>
    run(async () => {
      setStatus('');
      await createDemoScan();
      setStatus(t('demoCreated'));
    });

  return (
    <section className="page" aria-labelledby="scans-title">
      <div className="page__header">
        <h1 id="scans-title">{t('listTitle')}</h1>
        <div className="button-row">
          <Link href="/scans/new" className="button button--primary">
            {t('newScan')}
          </Link>
          <Link href="/instruments" className="button button--secondary">
            {t('instruments')}
          </Link>
        </div>
      </div>
      <p>{t('listIntro')}</p>
      <PagePart name={t('partOrigin')}>
        <OriginNotice />
      </PagePart>
      <PagePart name={t('partBackupReminder')}>
        <BackupReminder />
      </PagePart>
      <UnreadableNotice count={list?.unreadable ?? 0} scope="database" />
      {summaries && summaries.length === 0 && <p className="notice">{t('noScans')}</p>}
      <ul className="scan-list">
        {summaries?.map(({ scan, counts }) => (
          <li key={scan.id} className="scan-card">
            <h2 className="scan-card__title">
              <Link href={`/scans/${scan.id}`}>{scan.title}</Link>
            </h2>
            <p className="scan-card__meta">
              {scan.isDemo && <span className="badge badge--demo">{t('demoBadge')}</span>}
              <span className={scan.status === 'open' ? 'badge badge--open' : 'badge'}>{scan.status === 'open' ? t('openBadge') : t('closedBadge')}</span>
              <span>{fmt.date(scan.date)}</span>
              <span>{t('organisationCount', { count: scan.organisations.length })}</span>
              <span>{t('submittedCount', { count: counts.submitted })}</span>
              {counts.drafts > 0 && <span>{t('draftCount', { count: counts.drafts })}</span>}
            </p>
            <p className="scan-card__instrument">{localize(scan.instrument.title)}</p>
            <label className="checkbox scan-card__select">
              <input type="checkbox" checked={selected.includes(scan.id)} onChange={() => toggle(scan.id)} />
              <span>
                {t('selectForExport')}
                <span className="visually-hidden">: {scan.title}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <PagePart name={t('partBackup')}>
        <BackupButton selectedScanIds={selected} />
      </PagePart>
      <PagePart name={t('partStorage')}>
        <StoragePanel />
      </PagePart>
      <div className="demo-box">
        <button type="button" className="button button--secondary" onClick={() => void recreateDemo()}>
          {t('createDemo')}
        </button>
        <p className="hint">{t('createDemoHint')}</p>
        {alert}
        <p role="status" className="status-line">
          {status}
        </p>
      </div>
    </section>
  );
}
