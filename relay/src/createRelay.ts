import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension, type onRequestPayload } from '@hocuspocus/server';
import { DEFAULT_RELAY_LIMITS, KetenscanRules, OPEN_ACCESS, type RelayAccess, type RelayLimits, type RelayLog, type UpgradeHandler } from './rules';
import { RelayStorage } from './storage';

// Builds the Hocuspocus server of the Ketenscan relay: our rules, persistence through the
// Database extension into one file per session (storage.ts), Redis scale-out when asked, and
// `GET /health` (docs/relay-operations.md).

export interface RelayOptions {
  port: number;
  host: string;
  dataDir: string;
  /** redis://[user:password@]host:port[/db] or rediss://… */
  redisUrl?: string;
  limits?: Partial<RelayLimits>;
  /** Allowed origins and proxy trust; default: every origin, no proxy. */
  access?: RelayAccess;
  log?: RelayLog;
  /** Milliseconds before a change is written (Hocuspocus `debounce`); every change is written within maxDebounce. */
  debounceMs?: number;
}

export interface RelayHandle {
  /** ws://host:port of this relay. */
  url: string;
  port: number;
  server: Server;
  storage: RelayStorage;
  /** What `GET /health` answers. */
  health(): RelayHealth;
  stop(): Promise<void>;
}

export interface RelayHealth {
  /** 'degraded' when Redis is configured but not connected (then HTTP 503). */
  status: 'ok' | 'degraded';
  /** Session documents open in this relay. */
  sessions: number;
  /** Established document connections (WebSockets) in this relay. */
  connections: number;
  /** Redis configured and connected. */
  redis: boolean;
}

export async function startRelay(options: RelayOptions): Promise<RelayHandle> {
  const log = options.log ?? ((line: string) => console.log(`[relay] ${line}`));
  const limits: RelayLimits = { ...DEFAULT_RELAY_LIMITS, ...options.limits };
  const storage = new RelayStorage(options.dataDir);
  await storage.prepare();

  const rules = new KetenscanRules(storage, limits, log, options.access ?? OPEN_ACCESS);
  const redis = options.redisUrl ? new Redis(redisConfiguration(options.redisUrl)) : null;
  let server: Server | null = null;
  const health = (): RelayHealth => {
    const redisUp = redis !== null && redis.pub.status === 'ready' && redis.sub.status === 'ready';
    return {
      status: redis === null || redisUp ? 'ok' : 'degraded',
      sessions: server?.hocuspocus.getDocumentsCount() ?? 0,
      connections: server?.hocuspocus.getConnectionsCount() ?? 0,
      redis: redisUp,
    };
  };
  const healthEndpoint: Extension = {
    extensionName: 'KetenscanHealth',
    async onRequest({ request, response }: onRequestPayload) {
      if (new URL(request.url ?? '/', 'http://relay').pathname !== '/health') return;
      const body = health();
      response.writeHead(request.method === 'GET' || request.method === 'HEAD' ? (body.status === 'ok' ? 200 : 503) : 405, {
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : JSON.stringify(body));
      // A rejection without a value stops Hocuspocus' own answer ("Welcome to Hocuspocus!")
      // and is not treated as an error (Server.requestHandler).
      return Promise.reject<never>(null);
    },
  };

  const extensions: Extension[] = [
    rules,
    healthEndpoint,
    new Database({
      fetch: async ({ documentName }) => storage.fetchDocument(documentName),
      store: async ({ documentName, state }) => storage.storeDocument(documentName, state),
    }),
  ];
  if (redis) extensions.push(redis);

  const debounce = options.debounceMs ?? 1000;
  server = new Server(
    {
      name: 'ketenscan-relay',
      port: options.port,
      address: options.host,
      quiet: true,
      // main.ts handles signals, so a test can run several relays in one process.
      stopOnSignals: false,
      debounce,
      maxDebounce: debounce * 5,
      extensions,
    },
    // Frames above the largest message we accept are dropped by `ws` itself (close 1009).
    { maxPayload: Math.max(limits.directorMessageBytes, limits.phoneMessageBytes) },
  );
  const started = server;
  // `ws` ships no types here; this is the one method the rules use (UpgradeHandler).
  rules.attachUpgradeHandler(started.webSocketServer as UpgradeHandler);
  // Server.listen resolves on success but never rejects (a busy port would be an unhandled
  // 'error' event): listen for the error ourselves.
  await new Promise<void>((resolve, reject) => {
    started.httpServer.once('error', reject);
    started.listen().then(() => {
      started.httpServer.off('error', reject);
      resolve();
    }, reject);
  });
  const port = started.address.port;
  return {
    url: `ws://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    port,
    server: started,
    storage,
    health,
    stop: async () => {
      // Hocuspocus closes every document connection and stores each document with pending
      // changes before it resolves. It leaves the sockets themselves open (ws' server close
      // does not end its clients), and a provider only reconnects when its socket closes:
      // close them, as "going away", so phones and directors come back after a restart.
      await started.destroy();
      for (const socket of started.webSocketServer.clients) socket.close(1001, 'relay stopping');
    },
  };
}

function redisConfiguration(redisUrl: string): ConstructorParameters<typeof Redis>[0] {
  const url = new URL(redisUrl);
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error(`REDIS_URL must start with redis:// or rediss://, not ${url.protocol}`);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    prefix: 'ketenscan',
    options: {
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      db: Number.isInteger(db) ? db : 0,
      ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  };
}
