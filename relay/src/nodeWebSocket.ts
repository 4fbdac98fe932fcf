import { createRequire } from 'node:module';

// The `ws` package as the provider's WebSocketPolyfill in Node (tests, bench): Node 20 has no
// global WebSocket. `ws` comes with @hocuspocus/server and has no type package here, so it is
// loaded untyped; HocuspocusProvider types the polyfill as `any` anyway.
export const NodeWebSocket: unknown = createRequire(import.meta.url)('ws');

export interface NodeSocketOptions {
  /** Sent as the Origin header, as a browser would; none when absent. */
  origin?: string;
  /** The local address to connect from, e.g. 127.0.0.2 to look like another device on loopback. */
  localAddress?: string;
}

type WsConstructor = new (url: string, protocols?: string | string[], options?: { origin?: string; localAddress?: string }) => object;

/** `ws` with an Origin header and a local address: what the provider constructs with `new (url, protocols)`. */
export function nodeWebSocketWith(options: NodeSocketOptions): unknown {
  if (options.origin === undefined && options.localAddress === undefined) return NodeWebSocket;
  const Base = NodeWebSocket as WsConstructor;
  return class extends Base {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols ?? [], {
        ...(options.origin !== undefined ? { origin: options.origin } : {}),
        ...(options.localAddress !== undefined ? { localAddress: options.localAddress } : {}),
      });
    }
  };
}
