// A throw-away TLS key and self-signed certificate for the `room-https` Playwright project
// (docs/origins.md): made at test time for room-secure.test, into a git-ignored folder, with
// Debian's openssl (scripts/ensure-test-tools.sh installs it). Never used outside the tests.
//   node scripts/make-test-cert.mjs [dir]   (default: test-tls)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? 'test-tls');
const NAME = 'room-secure.test';
mkdirSync(dir, { recursive: true });
const key = join(dir, 'key.pem');
const cert = join(dir, 'cert.pem');

try {
  execFileSync('openssl', ['version'], { stdio: 'ignore' });
} catch {
  console.error('make-test-cert: openssl is missing; install it (Debian: apt-get install openssl) or run scripts/ensure-test-tools.sh.');
  process.exit(2);
}

// A fresh pair every run: two days of validity, so a stale one never lingers.
// openssl's progress dots go nowhere; its errors are printed if it fails.
try {
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', `/CN=${NAME}`, '-addext', `subjectAltName=DNS:${NAME}`, '-keyout', key, '-out', cert],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
} catch (error) {
  console.error(`make-test-cert: openssl failed: ${error?.stderr ?? error}`);
  process.exit(1);
}
if (!existsSync(key) || !existsSync(cert)) {
  console.error(`make-test-cert: openssl made no key or certificate in ${dir}`);
  process.exit(1);
}
console.log(`make-test-cert: ${cert} for ${NAME}`);
