// `npm run room`: everything for a workshop on the director's laptop (README "Live on own
// phones"). Serves the built app (`npm run build` first) and the live relay on every network
// address of this machine, and prints the address to open, with a QR code, in the terminal.
//   ROOM_PORT       default 4173 (the app)
//   ROOM_HOST       default 0.0.0.0 (every address: phones in the room must reach it)
//   RELAY_PORT      default 1234 (the relay; any port: the app learns it from
//                   ketenscan.config.json, which this server answers, so the address to
//                   type stays `host:port/#/j/CODE`)
//   RELAY_DATA_DIR  default ./relay-data
//   ROOM_TLS_CERT, ROOM_TLS_KEY
//                   PEM files: serve the app over https (a secure context: WebCrypto, the
//                   service worker, the camera), and the relay through the same port at
//                   /relay (wss), so phones need to trust one certificate and reach one port
// Plain http on the room network: phones then have no WebCrypto and use @noble/ciphers
// (docs/live-sessions.md "Encryption"); no service worker either, so phones need the network
// to load the page once; no camera, persistent storage or async clipboard either (what the app says
// and offers instead: docs/origins.md). Behind https, serve dist/ from any static host instead.

import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { connect, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { renderUnicodeCompact } from 'uqr';
import { readRelayConfig } from '../relay/src/config';
import { startRelay } from '../relay/src/createRelay';

// The relay's own settings (limits, allowed origins, Redis) as `npm run relay` reads them
// (docs/relay-operations.md); its port, address and folder are the room's below.
const relaySettings = readRelayConfig({ ...process.env, RELAY_PORT: undefined, RELAY_HOST: undefined });
if (!relaySettings.ok) {
  console.error(`Ketenscan room: bad relay setting\n${relaySettings.error}`);
  process.exit(2);
}
const appPort = Number(process.env.ROOM_PORT ?? 4173);
const roomHost = process.env.ROOM_HOST ?? '0.0.0.0';
const relayPort = Number(process.env.RELAY_PORT ?? 1234);
const dataDir = resolve(process.env.RELAY_DATA_DIR ?? './relay-data');
const dist = resolve('dist');
const tlsCert = process.env.ROOM_TLS_CERT;
const tlsKey = process.env.ROOM_TLS_KEY;
const tls = tlsCert && tlsKey ? { cert: readFileSync(tlsCert), key: readFileSync(tlsKey) } : null;
if ((tlsCert === undefined) !== (tlsKey === undefined)) {
  console.error('Set both ROOM_TLS_CERT and ROOM_TLS_KEY (PEM files), or neither.');
  process.exit(2);
}
/** With TLS the relay is reached through the app's own port, at this path. */
const RELAY_PATH = '/relay';

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
const serveApp: RequestListener = (request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://room').pathname);
  // The app asks where its relay is (src/features/live/relayConfig.ts): this room's relay, on
  // the page's own host, whatever port it got.
  if (path === '/ketenscan.config.json') {
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ relay: tls ? RELAY_PATH : `:${relay.port}` }));
    return;
  }
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
};
const server = tls ? createTlsServer(tls, serveApp) : createServer(serveApp);

/**
 * With TLS: a WebSocket upgrade to /relay is passed to the relay on loopback as it came, with
 * the phone's address in X-Forwarded-For (the relay trusts it only in this mode, where it
 * listens on 127.0.0.1 and nobody else can reach it).
 */
function proxyUpgrade(request: IncomingMessage, socket: Socket, head: Buffer): void {
  const path = request.url ?? '/';
  if (path !== RELAY_PATH && !path.startsWith(`${RELAY_PATH}/`) && !path.startsWith(`${RELAY_PATH}?`)) {
    socket.destroy();
    return;
  }
  const upstream = connect(relay.port, '127.0.0.1', () => {
    const lines = [`${request.method ?? 'GET'} ${path.slice(RELAY_PATH.length) || '/'} HTTP/1.1`];
    for (let i = 0; i < request.rawHeaders.length; i += 2) {
      if (request.rawHeaders[i]!.toLowerCase() !== 'x-forwarded-for') lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
    }
    lines.push(`X-Forwarded-For: ${request.socket.remoteAddress ?? ''}`);
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length > 0) upstream.write(head);
    socket.pipe(upstream).pipe(socket);
  });
  upstream.on('error', () => socket.destroy());
  socket.on('error', () => upstream.destroy());
}
if (tls) server.on('upgrade', proxyUpgrade);

const { access, limits, redisUrl } = relaySettings.config;
const relay = await startRelay({
  port: relayPort,
  // Behind the https port's /relay only: reachable from this machine alone, so the phone's
  // address in X-Forwarded-For can be trusted.
  host: tls ? '127.0.0.1' : roomHost,
  dataDir,
  ...(redisUrl ? { redisUrl } : {}),
  access: tls ? { ...access, trustProxy: true } : access,
  limits,
});
await new Promise<void>((done) => server.listen(appPort, roomHost, done));

const addresses = Object.values(networkInterfaces())
  .flatMap((list) => list ?? [])
  .filter((info) => info.family === 'IPv4' && !info.internal)
  .map((info) => info.address);
const host = roomHost !== '0.0.0.0' ? roomHost : (addresses[0] ?? '127.0.0.1');
const scheme = tls ? 'https' : 'http';
const appUrl = `${scheme}://${host}:${appPort}/`;

console.log('Ketenscan in this room');
console.log(`  open the app on this laptop at  ${appUrl}`);
for (const other of roomHost === '0.0.0.0' ? addresses.slice(1) : []) console.log(`                     (or)          ${scheme}://${other}:${appPort}/`);
console.log(tls ? `  relay                           wss://${host}:${appPort}${RELAY_PATH}   (data: ${dataDir})` : `  relay                           ws://${host}:${relay.port}   (data: ${dataDir})`);
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
