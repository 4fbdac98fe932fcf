import { useMessages } from '../../i18n/useMessages';
import { useDirectorLive } from './directorLive';
import { liveMessages } from './liveMessages';

/** Connection state and the arrived/refused counter; refused records are listed, never stored. */
export function LiveStatus() {
  const t = useMessages(liveMessages);
  const live = useDirectorLive();
  const statusText = {
    connecting: t('statusConnecting'),
    connected: t('statusConnected'),
    offline: t('statusOffline'),
    refused: t('statusRefused'),
  }[live.connection];
  return (
    <div className="live-status">
      <p className={`live-status__connection live-status__connection--${live.connection}`} role="status">
        {statusText}
      </p>
      <p className="live-status__counter" aria-live="polite" data-testid="live-counter">
        {t('counter', { arrived: live.arrived, refused: live.refused.length })}
      </p>
      {live.refused.length > 0 && (
        <details className="live-status__refused">
          <summary>{t('refusedTitle')}</summary>
          <ul>
            {live.refused.map((r) => (
              <li key={r.recordId}>{t('refusedItem', { id: r.recordId.slice(0, 6), reason: t(`reason_${r.reason}`) })}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
