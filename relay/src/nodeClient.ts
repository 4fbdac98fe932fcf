import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { nodeWebSocketWith, type NodeSocketOptions } from './nodeWebSocket';
import { REFUSAL_PREFIX } from '@ketenscan/live-protocol';

// A real HocuspocusProvider in Node, for the relay's tests and `npm run bench:live`: the same
// provider the app uses, with `ws` underneath and quick reconnects for loopback.

export interface NodeClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Close reasons seen, from the relay's close message or the socket's close frame. */
  closeReasons: string[];
  /** Reasons given when the relay refused the token or the session. */
  authFailures: string[];
  synced: Promise<void>;
  destroy(): void;
}

export function connectNodeClient(url: string, sessionId: string, token: string, doc: Y.Doc = new Y.Doc(), socketOptions: NodeSocketOptions = {}): NodeClient {
  // A relay's refusal (reason `ketenscan:…`) is final for this client: reconnecting would only
  // send the refused update again. Other closes (a relay restart) reconnect as usual.
  // Refused before the socket carried anything (origin, too many sockets from the address),
  // the close frame is the only signal: stop here, in the handler that runs before the
  // socket's own one, which would otherwise schedule a reconnect.
  const socket: HocuspocusProviderWebsocket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: nodeWebSocketWith(socketOptions),
    delay: 100,
    factor: 1.5,
    minDelay: 50,
    maxDelay: 500,
    jitter: false,
    onClose: ({ event }: { event: { reason?: unknown } }) => {
      if (typeof event.reason === 'string' && event.reason.startsWith(REFUSAL_PREFIX)) socket.shouldConnect = false;
    },
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: sessionId, document: doc, token });
  const closeReasons: string[] = [];
  const authFailures: string[] = [];
  provider.on('close', ({ event }: { event: { reason?: unknown } }) => {
    if (typeof event.reason !== 'string' || event.reason === '') return;
    closeReasons.push(event.reason);
    if (event.reason.startsWith(REFUSAL_PREFIX)) socket.disconnect();
  });
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => authFailures.push(reason));
  const synced = new Promise<void>((resolve) => {
    const onSynced = ({ state }: { state: boolean }) => {
      if (!state) return;
      provider.off('synced', onSynced);
      resolve();
    };
    provider.on('synced', onSynced);
  });
  provider.attach();
  return {
    doc,
    provider,
    closeReasons,
    authFailures,
    synced,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Polls until the condition holds; rejects after `timeoutMs` so no test or bench waits forever. */
export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
