// `npm run room`: everything for a workshop on the director's laptop (README "Live on own
// phones"). Serves the built app (`npm run build` first) and the live relay on every network
// address of this machine, and prints the address to open, with a QR code, in the terminal.
//   ROOM_PORT       default 4173 (the app)
//   RELAY_PORT      default 1234 (the relay; the app's relay field defaults to this port)
//   RELAY_DATA_DIR  default ./relay-data
// Plain http on the room network: phones then have no WebCrypto and use @noble/ciphers
// (docs/live-sessions.md "Encryption"); no service worker either, so phones need the network
// to load the page once; no camera, persistent storage or async clipboard either (what the app says
// and offers instead: docs/origins.md). Behind https, serve dist/ from any static host instead.

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { renderUnicodeCompact } from 'uqr';
import { startRelay } from '../src/relay/createRelay';

const appPort = Number(process.env.ROOM_PORT ?? 4173);
const relayPort = Number(process.env.RELAY_PORT ?? 1234);
const dataDir = resolve(process.env.RELAY_DATA_DIR ?? './relay-data');
const dist = resolve('dist');

if (!existsSync(join(dist, 'index.html'))) {
  console.error('No built app in dist/: run `npm run build` first.');
  process.exit(2);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// A static server for dist/ only: paths are normalised and must stay inside it.
const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://room').pathname);
  let file = normalize(join(dist, path));
  if (file !== dist && !file.startsWith(dist + sep)) {
    response.writeHead(403).end();
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  createReadStream(file).pipe(response);
});

const relay = await startRelay({ port: relayPort, host: '0.0.0.0', dataDir });
await new Promise<void>((done) => server.listen(appPort, '0.0.0.0', done));

const addresses = Object.values(networkInterfaces())
  .flatMap((list) => list ?? [])
  .filter((info) => info.family === 'IPv4' && !info.internal)
  .map((info) => info.address);
const host = addresses[0] ?? '127.0.0.1';
const appUrl = `http://${host}:${appPort}/`;

console.log('Ketenscan in this room');
console.log(`  open the app on this laptop at  ${appUrl}`);
for (const other of addresses.slice(1)) console.log(`                     (or)          http://${other}:${appPort}/`);
console.log(`  relay                           ws://${host}:${relay.port}   (data: ${dataDir})`);
console.log('  Open the app by this address, not localhost: the join QR code points phones to it.');
console.log('  On the scan page: "Live sessie starten"; phones scan the QR code the app shows.\n');
console.log(renderUnicodeCompact(appUrl, { border: 1 }));

const stop = async (): Promise<void> => {
  console.log('Stopping: storing open sessions…');
  server.close();
  await relay.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
