import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

// Where a connection comes from, for the per-address limits (docs/live-sessions.md "Limits").
//
// Without a proxy it is the TCP peer of the upgrade request. Behind a reverse proxy every
// connection comes from the proxy, so with RELAY_TRUST_PROXY the first address of
// X-Forwarded-For is used instead — only then: without a proxy in front, anyone could write that
// header and pick a fresh "address" for each connection.
//
// IPv6 addresses count per /64: one household or phone usually gets a whole /64, so counting
// single IPv6 addresses would hand one device 2^64 of them.

/** The address a connection is counted under, or 'unknown' when none can be read. */
export function remoteAddressOf(request: Pick<IncomingMessage, 'headers' | 'socket'>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) {
      const key = addressKey(first);
      if (key !== null) return key;
    }
  }
  const peer = request.socket.remoteAddress;
  return (peer !== undefined ? addressKey(peer) : null) ?? 'unknown';
}

/** IPv4 as it is (also when written as ::ffff:a.b.c.d), IPv6 as its /64 prefix; null for anything else. */
export function addressKey(text: string): string | null {
  const address = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  const groups = expandIpv6(address.split('%')[0]!);
  return groups === null ? null : `${groups.slice(0, 4).join(':')}::/64`;
}

/** Eight groups of an IPv6 address without an embedded IPv4 tail; null when it has one. */
function expandIpv6(address: string): string[] | null {
  if (address.includes('.')) return null;
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  return [...left, ...Array.from({ length: missing }, () => '0'), ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
