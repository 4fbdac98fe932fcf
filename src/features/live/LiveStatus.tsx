import { useLiveQuery } from 'dexie-react-hooks';
import { useMessages } from '../../i18n/useMessages';
import { useDirectorLive } from './directorLive';
import { liveMessages } from './liveMessages';
import { countLedger, loadLedger } from './liveStorage';

/**
 * Connection state, who is in the room, and the arrived/refused counter. The counter reads the
 * ledger the merging tab writes (liveStorage.ts), so every tab shows the same figures; refused
 * records are listed, never stored.
 */
export function LiveStatus() {
  const t = useMessages(liveMessages);
  const live = useDirectorLive();
  const sessionId = live.session?.sessionId ?? null;
  const counts = useLiveQuery(async () => (sessionId === null ? null : countLedger(await loadLedger(sessionId))), [sessionId]);
  const statusText = {
    connecting: t('statusConnecting'),
    connected: t('statusConnected'),
    offline: t('statusOffline'),
    refused: t('statusRefused'),
    tampered: t('statusTampered'),
  }[live.connection];
  const alarm = live.connection === 'tampered';
  return (
    <div className="live-status">
      <p className={`live-status__connection live-status__connection--${live.connection}${alarm ? ' notice notice--error' : ''}`} role={alarm ? 'alert' : 'status'} data-testid="live-connection">
        {statusText}
      </p>
      <p className="live-status__presence" aria-live="polite" data-testid="live-presence" title={t('presenceHint')}>
        {t('presence', { connected: live.presence.joined + live.presence.answering + live.presence.submitted, answering: live.presence.answering, submitted: live.presence.submitted })}
      </p>
      <p className="live-status__counter" aria-live="polite" data-testid="live-counter">
        {t('counter', { arrived: counts?.arrived ?? 0, refused: counts?.refused.length ?? 0 })}
      </p>
      {counts && counts.refused.length > 0 && (
        <details className="live-status__refused">
          <summary>{t('refusedTitle')}</summary>
          <ul>
            {counts.refused.map((r) => (
              <li key={r.recordId}>{t('refusedItem', { id: r.recordId.slice(0, 6), reason: t(`reason_${r.reason}`) })}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
