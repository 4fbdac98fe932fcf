import { createRequire } from 'node:module';

// The `ws` package as the provider's WebSocketPolyfill in Node (tests, bench): Node 20 has no
// global WebSocket. `ws` comes with @hocuspocus/server and has no type package here, so it is
// loaded untyped; HocuspocusProvider types the polyfill as `any` anyway.
export const NodeWebSocket: unknown = createRequire(import.meta.url)('ws');
