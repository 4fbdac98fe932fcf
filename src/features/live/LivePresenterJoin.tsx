import { useEffect } from 'react';
import { formatJoinAddress } from '../../domain/live/link';
import { useMessages } from '../../i18n/useMessages';
import { QrCode } from '../../ui/QrCode';
import { resumeLiveSession, useDirectorLive } from './directorLive';
import { liveMessages } from './liveMessages';
import './live.css';

/**
 * The presenter keeps this scan's live session connected (so the live count and every view
 * update as responses arrive), and shows the join QR code on the first slide.
 */
export default function LivePresenterJoin({ scanId, show }: { scanId: string; show: boolean }) {
  const t = useMessages(liveMessages);
  const live = useDirectorLive();
  useEffect(() => {
    void resumeLiveSession(scanId);
  }, [scanId]);
  const running = live.scanId === scanId && live.session?.closedAt === null && live.joinUrl !== null;
  if (!show || !running || !live.joinUrl || live.connection === 'tampered') return null;
  return (
    <aside className="live-present" aria-label={t('presenterJoin')} data-testid="presenter-join">
      <p>{t('presenterJoin')}</p>
      <QrCode text={live.joinUrl} label={t('joinQrLabel')} />
      <p className="live-address__text" data-testid="presenter-join-address">
        {formatJoinAddress(live.joinUrl)}
      </p>
      <p className="live-present__presence" aria-live="polite" data-testid="presenter-presence">
        {t('presence', { connected: live.presence.joined + live.presence.answering + live.presence.submitted, answering: live.presence.answering, submitted: live.presence.submitted })}
      </p>
    </aside>
  );
}
