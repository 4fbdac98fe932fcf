import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

// A tiny static server for the built app whose service worker can be "redeployed" from a test:
// after `deployNextVersion()` it serves sw.js with different bytes, as a new build would.
// The browser fetches a service worker's script itself, outside any page, so Playwright's
// request routing cannot change it reliably; a server of our own can.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
};

export interface VersionedServer {
  url: string;
  deployNextVersion(): void;
  close(): Promise<void>;
}

export async function startVersionedServer(root = 'dist'): Promise<VersionedServer> {
  let version = 0;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const file = normalize(join(root, path === '/' ? 'index.html' : path));
      if (!file.startsWith(normalize(root))) {
        response.writeHead(403).end();
        return;
      }
      try {
        let body: Buffer | string = await readFile(file);
        if (path === '/sw.js' && version > 0) body = `${body.toString('utf8')}\n// version ${version}\n`;
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    deployNextVersion: () => {
      version += 1;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
