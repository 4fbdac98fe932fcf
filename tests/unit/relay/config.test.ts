// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addressKey, remoteAddressOf } from '../../../relay/src/address';
import { LIMIT_VARIABLES, readRelayConfig } from '../../../relay/src/config';
import { PHONE_TOKEN } from '@ketenscan/live-protocol';
import { connectNodeClient, HOST, makeDataDir, makeTestSession, openAsDirector, removeDataDir, submitResponse, SUBMITTED, waitUntil, withTimeout } from './helpers';
import { runRelayProcessToExit, startRelayProcess } from './processes';

describe('readRelayConfig', () => {
  it('has defaults for everything', () => {
    const read = readRelayConfig({}, '/srv/relay');
    expect(read).toEqual({
      ok: true,
      config: { port: 1234, host: '0.0.0.0', dataDir: '/srv/relay/relay-data', redisUrl: null, access: { allowedOrigins: null, trustProxy: false }, limits: {} },
    });
  });

  it('reads every setting', () => {
    const env: Record<string, string> = {
      RELAY_PORT: '4444',
      RELAY_HOST: '127.0.0.1',
      RELAY_DATA_DIR: '/var/lib/ketenscan-relay',
      REDIS_URL: 'redis://:secret@10.0.0.5:6379/2',
      RELAY_ALLOWED_ORIGINS: 'https://scan.gemeente.nl, http://192.168.1.20:4173/ ,HTTPS://Other.Example:443',
      RELAY_TRUST_PROXY: 'yes',
    };
    Object.values(LIMIT_VARIABLES).forEach((name, i) => (env[name] = String(100 + i)));
    const read = readRelayConfig(env);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.config.port).toBe(4444);
    expect(read.config.dataDir).toBe('/var/lib/ketenscan-relay');
    expect(read.config.redisUrl).toBe('redis://:secret@10.0.0.5:6379/2');
    expect(read.config.access).toEqual({ allowedOrigins: ['https://scan.gemeente.nl', 'http://192.168.1.20:4173', 'https://other.example'], trustProxy: true });
    expect(Object.values(read.config.limits)).toEqual(Object.keys(LIMIT_VARIABLES).map((_, i) => 100 + i));
  });

  it.each([
    ['RELAY_PORT', '12ab'],
    ['RELAY_PORT', '70000'],
    ['REDIS_URL', 'http://10.0.0.5:6379'],
    ['REDIS_URL', 'not a url'],
    ['RELAY_ALLOWED_ORIGINS', 'scan.gemeente.nl'],
    ['RELAY_ALLOWED_ORIGINS', 'https://scan.gemeente.nl/app'],
    ['RELAY_ALLOWED_ORIGINS', ' , '],
    ['RELAY_TRUST_PROXY', 'maybe'],
    ['RELAY_MAX_CONNECTIONS_PER_SESSION', '0'],
    ['RELAY_MAX_RECORDS_PER_ADDRESS', '-5'],
    ['RELAY_MAX_DOCUMENT_BYTES', '2MB'],
    ['RELAY_RATE_WINDOW_MS', '1.5'],
  ])('names %s in the error for %j', (name, value) => {
    const read = readRelayConfig({ [name]: value });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toContain(name);
  });

  it('never repeats a Redis URL that does not parse (it may hold a password)', () => {
    const read = readRelayConfig({ REDIS_URL: 'redis//:hunter2@host' });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).not.toContain('hunter2');
  });
});

describe('the remote address', () => {
  const request = (peer: string, forwarded?: string) => ({ headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded }, socket: { remoteAddress: peer } }) as unknown as Parameters<typeof remoteAddressOf>[0];

  it('is the TCP peer unless the proxy is trusted', () => {
    expect(remoteAddressOf(request('10.0.0.9', '203.0.113.7'), false)).toBe('10.0.0.9');
    expect(remoteAddressOf(request('10.0.0.9', '203.0.113.7, 10.0.0.1'), true)).toBe('203.0.113.7');
    expect(remoteAddressOf(request('10.0.0.9', 'garbage'), true)).toBe('10.0.0.9');
    expect(remoteAddressOf(request('10.0.0.9'), true)).toBe('10.0.0.9');
  });

  it('counts IPv6 per /64 and IPv4-mapped addresses as IPv4', () => {
    expect(addressKey('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002::')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('[2001:db8::1]')).toBe('2001:db8:0:0::/64');
    expect(addressKey('not an address')).toBeNull();
  });
});

describe('npm run relay with a bad setting', () => {
  it('exits 2 and names the variable', { timeout: 40_000 }, async () => {
    const { code, output } = await runRelayProcessToExit({ RELAY_PORT: '0', RELAY_HOST: '127.0.0.1', RELAY_MAX_CONNECTIONS_PER_ADDRESS: 'lots' });
    expect(code).toBe(2);
    expect(output).toContain('RELAY_MAX_CONNECTIONS_PER_ADDRESS');
    expect(output).not.toContain('listening');
  });
});

describe('npm run relay as a process', () => {
  it('logs no secret, key or full session id, answers /health, and stops cleanly on SIGTERM', { timeout: 60_000 }, async () => {
    const dataDir = await makeDataDir();
    const relay = await startRelayProcess(4450, dataDir, '');
    try {
      const session = makeTestSession();
      const director = await openAsDirector(`ws://${HOST}:4450`, session);
      const phone = connectNodeClient(`ws://${HOST}:4450`, session.sessionId, PHONE_TOKEN);
      await withTimeout(phone.synced, 10_000, 'phone synced');
      const recordId = await submitResponse(phone, session, SUBMITTED[0]!);
      await waitUntil(() => director.doc.getMap('responses').has(recordId), 10_000, 'response at the director');
      const health = await fetch(`http://${HOST}:4450/health`);
      expect(await health.json()).toEqual({ status: 'ok', sessions: 1, connections: 2, redis: false });
      phone.destroy();
      director.destroy();

      const exited = new Promise<number | null>((resolve) => relay.child.once('exit', (code) => resolve(code)));
      relay.child.kill('SIGTERM');
      expect(await withTimeout(exited, 15_000, 'relay exit')).toBe(0);
      const output = relay.output();
      expect(output).toContain(`session ${session.sessionId.slice(0, 6)}… opened by a director`);
      expect(output).toContain('Ketenscan relay stopped');
      for (const secret of [session.sessionId, session.secret, session.key, recordId, session.recipient.secretKey]) expect(output).not.toContain(secret);
    } finally {
      await relay.stop();
      await removeDataDir(dataDir);
    }
  });
});
