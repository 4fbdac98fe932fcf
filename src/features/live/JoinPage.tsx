import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { toStoredScan } from '../../domain/exchange/convert';
import type { ExchangeFileV1 } from '../../domain/exchange/types';
import { JOIN_CODE_CHARS, parseJoinLink, SHORT_JOIN_PATH, type JoinLinkError, type JoinLinkResult } from '../../domain/live';
import { useMessages } from '../../i18n/useMessages';
import { addScan, getScan } from '../../storage/scanRepository';
import { joinMessages } from './joinMessages';
import { findJoinedScan, openPhoneSession, rememberJoin, type PhoneSession } from './phoneSync';
import { loadConfiguredRelay } from './relayConfig';
import './live.css';

/** How long a first connection may take before the phone says the relay is unreachable. */
const UNREACHABLE_AFTER_MS = 6000;

type JoinMessage = keyof typeof joinMessages.nl;

/** Keeps the scan (never any answers) on this phone; a scan already here is left as it is. */
async function keepScan(file: ExchangeFileV1): Promise<string> {
  const fileScan = file.scans[0]!;
  if (!(await getScan(fileScan.id))) await addScan(toStoredScan(fileScan, { now: new Date() }));
  return fileScan.id;
}

type JoinNotice = { key: JoinMessage; kind: 'status' | 'error'; values?: Record<string, string | number> };

function linkProblem(error: JoinLinkError): JoinNotice {
  if (error.code === 'invalid-code') {
    const key = error.problem === 'check' ? 'codeTypo' : error.problem === 'length' ? 'codeLength' : 'codeCharacter';
    return { key, kind: 'error', values: { length: error.length, expected: JOIN_CODE_CHARS } };
  }
  return { key: error.code === 'definition-other-version' ? 'otherVersion' : 'badLink', kind: 'error' };
}

/**
 * `#/j/<code>` or `#/join/<session>?k=&r=` (relay), or `#/join/<session>?d=` (no relay): the phone's way in (docs/live-sessions.md
 * "In the app"). The link is read from the address itself; the fragment never reaches a server.
 */
export default function JoinPage() {
  const t = useMessages(joinMessages);
  const [location_, navigate] = useLocation();
  // The whole address: a short link (`#/j/<code>`) without a relay means the app's configured
  // relay (relayConfig.ts) or this host's port 1234; read once the configuration has answered.
  const [parsed, setParsed] = useState<JoinLinkResult | null>(null);
  const [message, setMessage] = useState<JoinNotice>({ key: 'connecting', kind: 'status' });
  const [closed, setClosed] = useState(false);
  // A link that cannot be read says so at once; the other messages follow the connection.
  const shown = parsed !== null && !parsed.ok ? linkProblem(parsed.error) : message;
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus({ preventScroll: true }), []);
  useEffect(() => {
    let cancelled = false;
    void loadConfiguredRelay().then((relay) => {
      if (!cancelled) setParsed(parseJoinLink(location.href, relay));
    });
    return () => {
      cancelled = true;
    };
  }, [location_]);

  useEffect(() => {
    if (parsed === null || !parsed.ok) return;
    const link = parsed.link;
    let cancelled = false;
    const enter = (scanId: string) => {
      if (!cancelled) navigate(`/s/${scanId}`, { replace: true });
    };
    if (link.kind === 'offline') {
      // No relay: the link carries the definition; answers go back by the thank-you screen's hand-off.
      keepScan(link.definition).then(enter, () => setMessage({ key: 'storeFailed', kind: 'error' }));
      return () => {
        cancelled = true;
      };
    }
    const phoneLink = { sessionId: link.sessionId, key: link.key, relayUrl: link.relayUrl, ...(link.code !== undefined ? { code: link.code } : {}) };
    // The same QR code scanned again on a phone that already joined: straight back in, also
    // offline (the scan is on the phone; answers go when the relay is back).
    const joined = findJoinedScan(link.sessionId);
    let cleanup = () => {};
    void (async () => {
      if (joined !== null && (await getScan(joined))) {
        openPhoneSession(phoneLink).adopt(joined);
        return enter(joined);
      }
      if (cancelled) return;
      const current: PhoneSession = openPhoneSession(phoneLink);
      const timer = setTimeout(() => {
        if (current.store.getState().status !== 'connected') setMessage({ key: 'unreachable', kind: 'error' });
      }, UNREACHABLE_AFTER_MS);
      let storing = false;
      const onState = () => {
        const state = current.store.getState();
        if (state.closed) {
          setClosed(true);
          return;
        }
        if (state.status === 'refused') return setMessage({ key: 'refused', kind: 'error' });
        if (state.status === 'connected' && state.definition === null) setMessage({ key: 'waitingForDefinition', kind: 'status' });
        if (state.status === 'offline' && state.definition === null) return;
        if (state.definition && !state.definition.ok) {
          clearTimeout(timer);
          return setMessage({ key: state.definition.mismatch ? 'mismatch' : state.definition.wrongKey ? 'wrongKey' : 'invalidDefinition', kind: 'error' });
        }
        if (state.definition?.ok && !storing) {
          storing = true;
          clearTimeout(timer);
          const { sharedDevice } = state.definition;
          keepScan(state.definition.file).then(
            (scanId) => {
              rememberJoin(scanId, phoneLink, sharedDevice);
              current.adopt(scanId);
              enter(scanId);
            },
            () => setMessage({ key: 'storeFailed', kind: 'error' }),
          );
        }
      };
      const unsubscribe = current.store.subscribe(onState);
      onState();
      cleanup = () => {
        clearTimeout(timer);
        unsubscribe();
      };
    })();
    return () => {
      cancelled = true;
      cleanup();
    };
  }, [parsed, navigate]);

  return (
    <section className="page join-page" aria-labelledby="join-title">
      <h1 id="join-title" ref={headingRef} tabIndex={-1}>
        {closed ? t('closedTitle') : t('title')}
      </h1>
      {closed ? (
        <p className="notice notice--warning" role="alert" data-testid="join-closed">
          {t('closedBody')}
        </p>
      ) : (
        <p className={shown.kind === 'error' ? 'notice notice--error' : 'notice'} role={shown.kind === 'error' ? 'alert' : 'status'} data-testid="join-message">
          {t(shown.key, shown.values)}
        </p>
      )}
      {shown.key === 'unreachable' && !closed && <p>{t('keptNote')}</p>}
      {(shown.key === 'codeTypo' || shown.key === 'codeLength' || shown.key === 'codeCharacter') && <RetypeCode />}
    </section>
  );
}

/** What stands after `#/j/` in the address, as typed. */
function typedCode(hash: string): string {
  const at = hash.indexOf(SHORT_JOIN_PATH);
  if (at === -1) return '';
  const rest = hash.slice(at + SHORT_JOIN_PATH.length);
  const question = rest.indexOf('?');
  try {
    return decodeURIComponent(question === -1 ? rest : rest.slice(0, question));
  } catch {
    return '';
  }
}

/** A code with a typo: correct it here instead of in the address bar. */
function RetypeCode() {
  const t = useMessages(joinMessages);
  const [, navigate] = useLocation();
  // The code as it came, to correct rather than type all 27 characters again.
  const [code, setCode] = useState(() => typedCode(location.hash));
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = location.hash.includes('?') ? location.hash.slice(location.hash.indexOf('?')) : '';
    navigate(`${SHORT_JOIN_PATH}${encodeURIComponent(code.trim())}${query}`, { replace: true });
  };
  return (
    <form className="join-retype" onSubmit={submit}>
      <label className="field" htmlFor={id}>
        <span className="field__label">{t('retypeLabel')}</span>
        <span className="field__hint" id={`${id}-hint`}>
          {t('retypeHint')}
        </span>
        <input
          id={id}
          type="text"
          className="join-retype__code"
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          data-testid="join-retype"
        />
      </label>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={code.trim() === ''}>
          {t('retypeSubmit')}
        </button>
      </div>
    </form>
  );
}
