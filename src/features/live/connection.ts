import { HocuspocusProvider } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { followNetwork } from './followNetwork';

// The one connection to the relay that the director's device (directorLive.ts) and a phone
// (phoneSync.ts) both hold (docs/live-sessions.md "In the app"): the Hocuspocus provider, its
// life from connect to destroy, and the states it passes through:
//
//   connecting ── synced (and `ready`) ──▶ connected
//       ▲  │                                  │
//       │  └── socket down / browser offline ─┴──▶ offline ── back online / provider retry ──▶ connecting
//       │
//   refused: the relay closed with a refusal reason, or the token was not accepted. It stays
//   refused (the caller's `isStuck`); a close reason in `retry` instead ends only this socket,
//   and a new one connects after `retry.afterMs`.
//
// The caller keeps the state where its screens read it and says when it may no longer change
// (`isStuck`: refused, or the director's `tampered`) or when the connection is no longer the
// caller's current one (`isActive`).

export type LiveLinkStatus = 'connecting' | 'connected' | 'offline' | 'refused';

export interface LiveConnectionOptions {
  url: string;
  /** The document's name on the relay: the session id. */
  name: string;
  document: Y.Doc;
  token: string;
  /** For the log: who the relay refused ('this device', 'this phone'). */
  who: string;
  /** Is a close reason the relay's refusal (live-protocol/src/refusals.ts)? */
  isRefusal(reason: string): boolean;
  setStatus(status: LiveLinkStatus): void;
  /** Once true, events no longer change the status. */
  isStuck(): boolean;
  /** False once the caller moved on to another connection; defaults to always true. */
  isActive?(): boolean;
  /** After a sync, what must hold before `connected` (the director writes the definition first). */
  ready?(): Promise<unknown>;
  /** After every sync, once `ready` (and after `connected` is set when it still holds). */
  onSynced?(): void;
  /** The browser went offline: the socket is closed at once (followNetwork.ts). */
  onOffline?(): void;
  /** The relay refused: the status is `refused` and the socket closed. */
  onRefused?(reason: string): void;
  /** Close reasons that end only this socket: connect again after `afterMs`, state unchanged. */
  retry?: { when(reason: string): boolean; afterMs: number; onRetry?(reason: string): void };
  /** Follow the browser's online/offline events (default true). */
  followNetwork?: boolean;
}

export interface LiveConnection {
  provider: HocuspocusProvider;
  /** Stops following the network and closes the provider; the document is the caller's. */
  destroy(): void;
}

export function openLiveConnection(options: LiveConnectionOptions): LiveConnection {
  const { isStuck, setStatus } = options;
  const isActive = options.isActive ?? (() => true);
  const provider = new HocuspocusProvider({ url: options.url, name: options.name, document: options.document, token: options.token });

  provider.on('status', ({ status }: { status: string }) => {
    if (!isActive() || isStuck()) return;
    setStatus(status === 'disconnected' ? 'offline' : 'connecting');
  });
  provider.on('synced', () => {
    if (!isActive() || isStuck()) return;
    const connected = () => {
      if (isActive() && !isStuck() && provider.synced) setStatus('connected');
      options.onSynced?.();
    };
    if (options.ready) void options.ready().then(connected);
    else connected();
  });
  provider.on('authenticationFailed', () => {
    if (isActive()) setStatus('refused');
  });
  provider.on('close', ({ event }: { event: { reason?: unknown } }) => {
    const { reason } = event;
    if (typeof reason !== 'string') return;
    if (options.retry?.when(reason)) {
      options.retry.onRetry?.(reason);
      provider.disconnect();
      setTimeout(() => void provider.connect(), options.retry.afterMs);
      return;
    }
    if (options.isRefusal(reason) && isActive()) {
      console.warn(`live: the relay refused ${options.who} (${reason})`);
      setStatus('refused');
      provider.disconnect();
      options.onRefused?.(reason);
    }
  });
  const network =
    options.followNetwork === false
      ? null
      : followNetwork(provider, () => {
          if (isActive() && !isStuck()) setStatus('offline');
          options.onOffline?.();
        });

  return {
    provider,
    destroy() {
      network?.stop();
      provider.destroy();
    },
  };
}
