import { networkInterfaces } from 'node:os';
import { startRelay } from './createRelay';
import { readRelayConfig } from './config';
import { DEFAULT_RELAY_LIMITS, type RelayLimits } from './rules';

// `npm run relay`: the Ketenscan live relay. Settings come from the environment only
// (relay/src/config.ts; the table is in docs/relay-operations.md): RELAY_PORT, RELAY_HOST,
// RELAY_DATA_DIR, REDIS_URL, RELAY_ALLOWED_ORIGINS, RELAY_TRUST_PROXY and RELAY_MAX_… for each
// limit. A bad value: a message naming the variable, exit 2. SIGINT/SIGTERM: stop accepting,
// store open sessions, close sockets, exit 0; a second signal exits at once.
//
// What is logged (docs/relay-operations.md "Logging"): start settings, sessions opened (6-char
// prefix of the session id), refusals by name. Never tokens, secrets, join codes, keys,
// payloads, Redis passwords or client addresses.

const read = readRelayConfig(process.env);
if (!read.ok) {
  console.error(`Ketenscan relay: bad setting\n${read.error}`);
  process.exit(2);
}
const config = read.config;

const relay = await startRelay({
  port: config.port,
  host: config.host,
  dataDir: config.dataDir,
  ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
  access: config.access,
  limits: config.limits,
});

/** The addresses phones can use: for 0.0.0.0 every IPv4 address of this machine. */
function listenAddresses(): string[] {
  if (config.host !== '0.0.0.0' && config.host !== '::') return [relay.url];
  const addresses = Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((info) => info.family === 'IPv4')
    .map((info) => `ws://${info.address}:${relay.port}`);
  return addresses.length > 0 ? addresses : [relay.url];
}

const limits: RelayLimits = { ...DEFAULT_RELAY_LIMITS, ...config.limits };
console.log(`Ketenscan relay listening on ${listenAddresses().join(', ')}`);
console.log(`  health: http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${relay.port}/health`);
console.log(`  data: ${config.dataDir}`);
console.log(`  redis: ${config.redisUrl ? config.redisUrl.replace(/\/\/[^@/]*@/, '//***@') : 'off (single relay)'}`);
console.log(
  config.access.allowedOrigins
    ? `  origins: only ${config.access.allowedOrigins.join(', ')}`
    : '  origins: every origin allowed (RELAY_ALLOWED_ORIGINS is not set: fine in a room, set it on a server)',
);
console.log(`  client address: ${config.access.trustProxy ? 'first X-Forwarded-For address (RELAY_TRUST_PROXY)' : 'the TCP peer (no proxy trusted)'}`);
console.log(
  `  limits: ${limits.phoneConnectionsPerSession} phones per session, ${limits.connectionsPerAddress} sockets per address, ` +
    `${limits.phoneRecordsPerConnection} records per connection, ${limits.recordsPerSession} per session, ` +
    `${limits.recordsPerAddressPerSession} records and ${limits.recordBytesPerAddressPerSession} bytes per address per session, ` +
    `document ${limits.documentBytes} bytes`,
);

let stopping = false;
const onSignal = (signal: NodeJS.Signals): void => {
  if (stopping) {
    console.log(`Ketenscan relay: ${signal} again, exiting at once`);
    process.exit(1);
  }
  stopping = true;
  console.log(`Ketenscan relay stopping (${signal}): storing open sessions…`);
  relay.stop().then(
    () => {
      console.log('Ketenscan relay stopped');
      process.exit(0);
    },
    (error: unknown) => {
      console.error(`Ketenscan relay: stopping failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
