import { useEffect, useId, useState } from 'react';
import { buildSessionDefinition, formatJoinAddress, makeOfflineJoinLink, makeSessionId, normaliseRelayUrl } from '../../domain/live';
import type { Scan } from '../../domain/types';
import { useAction } from '../../ui/failures';
import { useMessages } from '../../i18n/useMessages';
import { QrCode } from '../../ui/QrCode';
import { closeLiveSession, resumeLiveSession, startLiveSession, useDirectorLive } from './directorLive';
import { LiveStatus } from './LiveStatus';
import { liveMessages } from './liveMessages';
import { loadRelayUrl } from './liveStorage';
import './live.css';

/**
 * The scan page's "Live" section (docs/live-sessions.md "In the app"), loaded lazily: the
 * relay address, start and close, the join QR code with its link, the live counter, and the
 * join QR code without a relay.
 */
export default function LiveSection({ scan }: { scan: Scan }) {
  const t = useMessages(liveMessages);
  const { run, alert } = useAction();
  const live = useDirectorLive();
  const [relayUrl, setRelayUrl] = useState<string | null>(null);
  const [relayError, setRelayError] = useState(false);
  const [sharedDevice, setSharedDevice] = useState(false);
  const relayId = useId();
  const sharedId = useId();

  useEffect(() => {
    void resumeLiveSession(scan.id);
    // What the director typed meanwhile wins over the proposal (the configuration is fetched first).
    void loadRelayUrl().then((proposed) => setRelayUrl((typed) => typed ?? proposed));
  }, [scan.id]);

  const mine = live.scanId === scan.id ? live : null;
  const isRunning = mine?.session != null && mine.session.closedAt === null && mine.joinUrl !== null;

  const start = () => {
    const url = normaliseRelayUrl((relayUrl ?? '').trim());
    setRelayError(url === null);
    if (url === null) return;
    void run(() => startLiveSession(scan.id, url, { sharedDevice }));
  };
  const stop = () => {
    if (window.confirm(t('stopConfirm'))) void run(closeLiveSession);
  };

  return (
    <section className="live-panel" aria-labelledby="live-title">
      <h2 id="live-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      {isLoopback(location.hostname) && (
        <p className="notice notice--warning" data-testid="live-localhost-warning">
          {t('localhostWarning', { host: location.host })}
        </p>
      )}
      {isRunning && mine.joinUrl ? (
        <div className="live-panel__join">
          {/* A session someone rewrote invites nobody: no QR code, no address (LiveStatus says why). */}
          {mine.connection !== 'tampered' && (
            <div className="live-panel__qr" data-testid="live-join-qr">
              <QrCode text={mine.joinUrl} label={t('joinQrLabel')} />
            </div>
          )}
          <div className="live-panel__side">
            <LiveStatus />
            {mine.connection !== 'tampered' && <JoinAddress joinUrl={mine.joinUrl} />}
            <button type="button" className="button button--secondary" onClick={stop}>
              {t('stop')}
            </button>
          </div>
        </div>
      ) : scan.status !== 'open' ? (
        <p>{t('scanClosed')}</p>
      ) : (
        <>
          {mine?.closed && (
            <p className="notice" role="status">
              {t('closedNotice')}
            </p>
          )}
          <div className="field">
            <label className="field__label" htmlFor={relayId}>
              {t('relayLabel')}
            </label>
            <span className="field__hint" id={`${relayId}-hint`}>
              {t('relayHint')}
            </span>
            <input
              id={relayId}
              type="text"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              value={relayUrl ?? ''}
              aria-invalid={relayError}
              aria-describedby={relayError ? `${relayId}-hint ${relayId}-error` : `${relayId}-hint`}
              onChange={(e) => setRelayUrl(e.target.value)}
            />
            {relayError && (
              <span className="field-error" id={`${relayId}-error`} role="alert">
                {t('relayInvalid')}
              </span>
            )}
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={sharedDevice} aria-describedby={`${sharedId}-hint`} data-testid="live-shared-device" onChange={(e) => setSharedDevice(e.target.checked)} />
            <span>{t('sharedDeviceLabel')}</span>
          </label>
          <p className="field__hint" id={`${sharedId}-hint`}>
            {t('sharedDeviceHint')}
          </p>
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={start} disabled={relayUrl === null}>
              {mine?.closed ? t('startNew') : t('start')}
            </button>
          </div>
        </>
      )}
      {scan.status === 'open' && <OfflineJoin scan={scan} />}
      {alert}
    </section>
  );
}

/** The short address to type and the whole link, under the QR code. */
function JoinAddress({ joinUrl }: { joinUrl: string }) {
  const t = useMessages(liveMessages);
  return (
    <>
      <p className="live-address">
        <span className="field__label">{t('joinShortLabel')}</span>
        <span className="live-address__text" data-testid="live-join-address">
          {formatJoinAddress(joinUrl)}
        </span>
      </p>
      <label className="field">
        <span className="field__label">{t('joinLinkLabel')}</span>
        <input type="text" readOnly value={joinUrl} data-testid="live-join-link" onFocus={(e) => e.currentTarget.select()} />
      </label>
    </>
  );
}

/** A join link to this address would send phones to themselves. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\./.test(hostname);
}

/** The join QR code without a relay: the link carries the scan definition itself (`d=`). */
function OfflineJoin({ scan }: { scan: Scan }) {
  const t = useMessages(liveMessages);
  const [link, setLink] = useState<{ ok: true; url: string } | { ok: false } | null>(null);
  const toggle = () => {
    if (link) return setLink(null);
    const made = makeOfflineJoinLink(`${location.origin}${location.pathname}`, makeSessionId(), buildSessionDefinition(scan, new Date()));
    setLink(made.ok ? made : { ok: false });
  };
  return (
    <div className="live-panel__offline">
      <h3>{t('offlineTitle')}</h3>
      <p>{t('offlineIntro')}</p>
      <button type="button" className="button button--secondary" aria-expanded={link !== null} onClick={toggle}>
        {link ? t('offlineHide') : t('offlineShow')}
      </button>
      {link?.ok && (
        <div className="live-panel__join">
          <div className="live-panel__qr">
            <QrCode text={link.url} label={t('offlineQrLabel')} />
          </div>
          <label className="field live-panel__side">
            <span className="field__label">{t('joinLinkLabel')}</span>
            <input type="text" readOnly value={link.url} data-testid="live-offline-link" onFocus={(e) => e.currentTarget.select()} />
          </label>
        </div>
      )}
      {link && !link.ok && (
        <p className="notice notice--error" role="alert">
          {t('offlineTooLong')}
        </p>
      )}
    </div>
  );
}
