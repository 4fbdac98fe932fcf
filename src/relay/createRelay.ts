import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import { DEFAULT_RELAY_LIMITS, KetenscanRules, type RelayLimits, type RelayLog } from './rules';
import { RelayStorage } from './storage';

// Builds the Hocuspocus server of the Ketenscan relay: our rules, persistence through the
// Database extension into one file per session (storage.ts), and Redis scale-out when asked.

export interface RelayOptions {
  port: number;
  host: string;
  dataDir: string;
  /** redis://[user:password@]host:port[/db] or rediss://… */
  redisUrl?: string;
  limits?: Partial<RelayLimits>;
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
  stop(): Promise<void>;
}

export async function startRelay(options: RelayOptions): Promise<RelayHandle> {
  const log = options.log ?? ((line: string) => console.log(`[relay] ${line}`));
  const limits: RelayLimits = { ...DEFAULT_RELAY_LIMITS, ...options.limits };
  const storage = new RelayStorage(options.dataDir);
  await storage.prepare();

  const extensions: Extension[] = [
    new KetenscanRules(storage, limits, log),
    new Database({
      fetch: async ({ documentName }) => storage.fetchDocument(documentName),
      store: async ({ documentName, state }) => storage.storeDocument(documentName, state),
    }),
  ];
  if (options.redisUrl) extensions.push(new Redis(redisConfiguration(options.redisUrl)));

  const debounce = options.debounceMs ?? 1000;
  const server = new Server(
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
  // Server.listen resolves on success but never rejects (a busy port would be an unhandled
  // 'error' event): listen for the error ourselves.
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.listen().then(() => {
      server.httpServer.off('error', reject);
      resolve();
    }, reject);
  });
  const port = server.address.port;
  return {
    url: `ws://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    port,
    server,
    storage,
    stop: async () => {
      // Hocuspocus closes every document connection and stores each document with pending
      // changes before it resolves. It leaves the sockets themselves open (ws' server close
      // does not end its clients), and a provider only reconnects when its socket closes:
      // close them, as "going away", so phones and directors come back after a restart.
      await server.destroy();
      for (const socket of server.webSocketServer.clients) socket.close(1001, 'relay stopping');
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
