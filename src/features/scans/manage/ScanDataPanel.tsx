import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { useAction } from '../../../ui/failures';
import { localDate } from '../../../domain/format';
import { slugify } from '../../../domain/scan';
import type { Scan } from '../../../domain/types';
import { useMessages } from '../../../i18n/useMessages';
import { directorMessages } from '../../../i18n/directorMessages';
import { deleteScan } from '../../../storage/scanRepository';
import { addNextRound, listRounds, type SetupSource } from '../../../storage/seriesRepository';
import { manageMessages } from './manageMessages';

/** The set-up without answers, as the live session sends it (exchange format v1, `responses: []`). */
async function saveSetupFile(scan: Scan): Promise<string> {
  // Loaded on click: the definition builder brings the exchange writer along.
  const [{ buildSessionDefinition }, { serialiseExchangeFile }, { saveFile }] = await Promise.all([
    import('../../../domain/live/definition'),
    import('../../../domain/exchange/build'),
    import('../../../ui/saveFile'),
  ]);
  const now = new Date();
  const name = `ketenscan-opzet-${slugify(scan.title) || 'scan'}-${now.toISOString().slice(0, 10)}.json`;
  saveFile(name, serialiseExchangeFile(buildSessionDefinition(scan, now)), 'application/json');
  return name;
}

/** Next round, set-up file, and deleting the scan (with an offer to save a copy first). */
export function ScanDataPanel({ scan, responseCount }: { scan: Scan; responseCount: number }) {
  const t = useMessages(manageMessages);
  const [, navigate] = useLocation();
  const { run, pending, alert } = useAction();
  const [status, setStatus] = useState('');
  const [isAsking, setIsAsking] = useState(false);
  const titleId = useId();

  // The series' latest round, when it is not this one: the next round then offers its set-up.
  const latest = useLiveQuery(async () => {
    if (!scan.series) return null;
    const rounds = await listRounds(scan.series.id);
    const last = rounds.at(-1)?.scan;
    return last && last.id !== scan.id ? last : null;
  }, [scan.id, scan.series?.id]);
  const [isChoosing, setIsChoosing] = useState(false);

  const nextRound = (setupFrom: SetupSource) =>
    run(async () => {
      const made = await addNextRound(scan.id, localDate(new Date()), { setupFrom });
      // The new round's page says which version it got (VersionChoice reads this state once).
      navigate(`/scans/${made.id}`, { state: { madeAsNextRound: true } });
    });
  const saveSetup = () =>
    run(async () => {
      setStatus('');
      setStatus(t('setupSaved', { name: await saveSetupFile(scan) }));
    });

  return (
    <section className="action-panel scan-data" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('title')}</h2>
      <div className="scan-data__action">
        <button
          type="button"
          className="button button--secondary"
          disabled={pending}
          aria-expanded={latest ? isChoosing : undefined}
          onClick={() => (latest ? setIsChoosing(true) : void nextRound('latest'))}
        >
          {t('nextRound')}
        </button>
        <p className="hint">{t('nextRoundHint')}</p>
      </div>
      {latest && isChoosing && <SetupSourceDialog scan={scan} latest={latest} pending={pending} onChoose={(from) => void nextRound(from)} onClose={() => setIsChoosing(false)} />}
      <div className="scan-data__action">
        <button type="button" className="button button--secondary" disabled={pending} onClick={() => void saveSetup()}>
          {t('saveSetup')}
        </button>
        <p className="hint">{t('saveSetupHint')}</p>
      </div>
      <p role="status" className="status-line">
        {status}
      </p>
      {alert}
      <div className="button-row">
        <button type="button" className="button button--danger" onClick={() => setIsAsking(true)} aria-expanded={isAsking}>
          {t('deleteScan')}
        </button>
      </div>
      {isAsking && <DeleteDialog scan={scan} responseCount={responseCount} onClose={() => setIsAsking(false)} />}
    </section>
  );
}

/** Copying from a round that is not the latest: whose set-up, the latest round's by default. */
function SetupSourceDialog({ scan, latest, pending, onChoose, onClose }: { scan: Scan; latest: Scan; pending: boolean; onChoose: (from: SetupSource) => void; onClose: () => void }) {
  const t = useMessages(manageMessages);
  const td = useMessages(directorMessages);
  const [from, setFrom] = useState<SetupSource>('latest');
  const titleId = useId();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const latestRound = latest.series?.round ?? 0;
  return (
    <div role="dialog" aria-modal="false" aria-labelledby={titleId} className="notice scan-data__dialog" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <fieldset className="field">
        <legend id={titleId}>{t('nextRoundSourceLegend')}</legend>
        <p className="hint">{t('nextRoundSourceHint', { next: latestRound + 1 })}</p>
        <label className="field field--inline">
          <input ref={first} type="radio" name={`${titleId}-from`} checked={from === 'latest'} onChange={() => setFrom('latest')} />
          <span>{t('nextRoundFromLatest', { round: latestRound, title: latest.title })}</span>
        </label>
        <label className="field field--inline">
          <input type="radio" name={`${titleId}-from`} checked={from === 'this'} onChange={() => setFrom('this')} />
          <span>{t('nextRoundFromThis', { round: scan.series?.round ?? 0 })}</span>
        </label>
      </fieldset>
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={pending} onClick={() => onChoose(from)}>
          {t('nextRoundConfirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {td('cancel')}
        </button>
      </div>
    </div>
  );
}

function DeleteDialog({ scan, responseCount, onClose }: { scan: Scan; responseCount: number; onClose: () => void }) {
  const t = useMessages(manageMessages);
  const td = useMessages(directorMessages);
  const [, navigate] = useLocation();
  const { run, pending, alert } = useAction();
  const [copied, setCopied] = useState('');
  const titleId = useId();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);

  const saveCopy = () =>
    run(async () => {
      const { saveJsonExport } = await import('../../exchange/saveJsonExport');
      const saved = await saveJsonExport([scan.id]);
      setCopied(t('copySaved', { name: saved.name }));
    });
  const remove = async () => {
    if (await run(() => deleteScan(scan.id))) navigate('/', { replace: true });
  };

  return (
    <div role="dialog" aria-modal="false" aria-labelledby={titleId} className="notice notice--warning scan-data__dialog" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h3 id={titleId}>{t('dialogTitle')}</h3>
      <p>{t('dialogText', { title: scan.title, count: responseCount })}</p>
      {responseCount > 0 && <p>{t('dialogCopyHint')}</p>}
      <p role="status" className="status-line">
        {copied}
      </p>
      {alert}
      <div className="button-row">
        {responseCount > 0 && (
          <button ref={first} type="button" className="button button--secondary" disabled={pending} onClick={() => void saveCopy()}>
            {t('saveCopy')}
          </button>
        )}
        <button ref={responseCount > 0 ? undefined : first} type="button" className="button button--danger" disabled={pending} onClick={() => void remove()}>
          {t('confirmDelete')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {td('cancel')}
        </button>
      </div>
    </div>
  );
}
