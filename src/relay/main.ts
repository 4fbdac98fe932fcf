import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { startRelay } from './createRelay';

// `npm run relay`: the Ketenscan live relay (docs/live-sessions.md "Running the relay").
//   RELAY_PORT      default 1234
//   RELAY_HOST      default 0.0.0.0 (every interface, so phones in the room reach it)
//   RELAY_DATA_DIR  default ./relay-data
//   REDIS_URL       optional: redis://host:6379 to share sessions with other relays

const port = Number(process.env.RELAY_PORT ?? 1234);
const host = process.env.RELAY_HOST ?? '0.0.0.0';
const dataDir = resolve(process.env.RELAY_DATA_DIR ?? './relay-data');
const redisUrl = process.env.REDIS_URL || undefined;

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`RELAY_PORT must be a port number, not ${process.env.RELAY_PORT}`);
  process.exit(2);
}

const relay = await startRelay({ port, host, dataDir, ...(redisUrl ? { redisUrl } : {}) });

/** The addresses phones can use: for 0.0.0.0 every IPv4 address of this machine. */
function listenAddresses(): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [relay.url];
  const addresses = Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((info) => info.family === 'IPv4')
    .map((info) => `ws://${info.address}:${relay.port}`);
  return addresses.length > 0 ? addresses : [relay.url];
}

console.log(`Ketenscan relay listening on ${listenAddresses().join(', ')}`);
console.log(`  data: ${dataDir}`);
console.log(`  redis: ${redisUrl ? redisUrl.replace(/\/\/[^@/]*@/, '//***@') : 'off (single relay)'}`);

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  console.log('Ketenscan relay stopping: storing open sessions…');
  await relay.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
