import type { ExchangeFileV1 } from '../exchange/types';
import { compressDefinition, decompressDefinition, type DefinitionError } from './definition';
import { isSessionId, isSessionKey } from '@ketenscan/live-protocol';
import { deriveSessionFromCode, formatJoinCode, isJoinCode, readJoinCode } from './joinCode';

// The join link (docs/live-sessions.md "Join link"). Everything a phone needs is in the
// fragment, the part after `#` that a browser never sends to any server, like excalidraw's
// `#room=<id>,<key>`:
//
//   <app>#/j/<join code>[?r=<relay url>]              with a relay: the short form (joinCode.ts)
//   <app>#/join/<sessionId>?k=<key>&r=<relay url>     with a relay: sessions of earlier versions
//   <app>#/join/<sessionId>?d=<deflated definition>   without one (answers return by QR/file)
//
// The relay variant carries only random values and the relay's address; the scan definition
// then comes encrypted through the relay. The variant without a relay carries the definition
// itself, which never holds answers (definition.ts).

export const JOIN_PATH = '/join/';
export const SHORT_JOIN_PATH = '/j/';
/** The port `npm run relay` and `npm run room` listen on; a short link leaves it out. */
export const DEFAULT_RELAY_PORT = 1234;
/**
 * Longest link we make or read: a QR code of version 40 at error correction L holds 2,953
 * bytes. A definition on the built-in instrument makes a link of ~500 characters; a custom
 * instrument can come near this limit, and past it the UI offers the file instead.
 */
export const JOIN_LINK_MAX_CHARS = 2900;
const RELAY_URL_MAX_CHARS = 300;

export type JoinLink =
  /** `code` is set for the short form: the phone keeps it to show which session it joined. */
  | { kind: 'relay'; sessionId: string; key: string; relayUrl: string; code?: string }
  | { kind: 'offline'; sessionId: string; definition: ExchangeFileV1 };

export type JoinLinkError =
  | { code: 'not-a-join-link' }
  | { code: 'invalid-session-id' }
  | { code: 'invalid-key' }
  | { code: 'invalid-relay' }
  /** A short link whose code cannot be right: a typo (check character), a missing or extra character, or one that is not in a code. */
  | { code: 'invalid-code'; problem: 'length' | 'character' | 'check'; length: number }
  | { code: 'link-too-long'; length: number; limit: number }
  | DefinitionError;

export type JoinLinkResult = { ok: true; link: JoinLink } | { ok: false; error: JoinLinkError };
export type MakeLinkResult = { ok: true; url: string } | { ok: false; error: JoinLinkError };

/** The app's address without its fragment: where the join link points. */
function appBase(appUrl: string): string {
  const hash = appUrl.indexOf('#');
  return hash === -1 ? appUrl : appUrl.slice(0, hash);
}

/** ws: or wss: with a host, no user info, no fragment; null otherwise. */
export function normaliseRelayUrl(value: string): string | null {
  if (value.length === 0 || value.length > RELAY_URL_MAX_CHARS) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if ((url.protocol !== 'ws:' && url.protocol !== 'wss:') || url.hostname === '' || url.username !== '' || url.password !== '' || url.hash !== '') {
    return null;
  }
  return url.href;
}

/**
 * The relay a short link means when it names none: the app's own host on port 1234, wss: when
 * the app is served over https (what `npm run room` starts). null without a usable host.
 */
export function defaultRelayUrlFor(appUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(appBase(appUrl));
  } catch {
    return null;
  }
  if (url.hostname === '' || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  return normaliseRelayUrl(`${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.hostname.includes(':') && !url.hostname.startsWith('[') ? `[${url.hostname}]` : url.hostname}:${DEFAULT_RELAY_PORT}`);
}

/**
 * The relay named by the app's configuration file (`ketenscan.config.json` beside index.html,
 * docs/live-sessions.md "Where phones find the relay"): a whole `ws:`/`wss:` URL, a port on the
 * page's own host (`":53463"`), or a path on the page's own origin (`"/relay"`, behind a proxy).
 * null when the value is none of these.
 */
export function resolveConfiguredRelay(appUrl: string, value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > RELAY_URL_MAX_CHARS) return null;
  if (/^wss?:\/\//i.test(value)) return normaliseRelayUrl(value);
  let page: URL;
  try {
    page = new URL(appBase(appUrl));
  } catch {
    return null;
  }
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return null;
  const scheme = page.protocol === 'https:' ? 'wss' : 'ws';
  const port = /^:(\d{1,5})$/.exec(value);
  if (port) return Number(port[1]) > 0 && Number(port[1]) < 65536 ? normaliseRelayUrl(`${scheme}://${page.hostname.includes(':') && !page.hostname.startsWith('[') ? `[${page.hostname}]` : page.hostname}:${port[1]}`) : null;
  if (value.startsWith('/') && !value.startsWith('//')) return normaliseRelayUrl(`${scheme}://${page.host}${value}`);
  return null;
}

/**
 * `<app>#/j/<code>`, with `?r=` only when the relay is not the one a phone finds by itself: the
 * app's configured relay (`defaultRelay`, see resolveConfiguredRelay) or, without one, the app
 * host's port 1234.
 */
export function makeShortJoinLink(appUrl: string, code: string, relayUrl: string, defaultRelay?: string | null): MakeLinkResult {
  if (!isJoinCode(code)) return { ok: false, error: { code: 'invalid-key' } };
  const relay = normaliseRelayUrl(relayUrl);
  if (relay === null) return { ok: false, error: { code: 'invalid-relay' } };
  const implied = defaultRelay ? normaliseRelayUrl(defaultRelay) : defaultRelayUrlFor(appUrl);
  const query = relay === implied ? '' : `?${new URLSearchParams({ r: relay }).toString()}`;
  return checkLength(`${appBase(appUrl)}#${SHORT_JOIN_PATH}${code}${query}`);
}

/**
 * A short link as people read and type it: no `http://`, the code in groups of four
 * ("192.168.1.20:8080/#/j/7K3M-QX9P-…"). Typed back in, it opens the same session (dashes and
 * case are ignored; a browser adds http:// itself). Other links come back unchanged.
 */
export function formatJoinAddress(url: string): string {
  const marker = `#${SHORT_JOIN_PATH}`;
  const at = url.indexOf(marker);
  if (at === -1) return url;
  const rest = url.slice(at + marker.length);
  const question = rest.indexOf('?');
  const code = question === -1 ? rest : rest.slice(0, question);
  const base = url.slice(0, at).replace(/^http:\/\//, '');
  return `${base}${marker}${formatJoinCode(code)}${question === -1 ? '' : rest.slice(question)}`;
}

export function makeRelayJoinLink(appUrl: string, sessionId: string, key: string, relayUrl: string): MakeLinkResult {
  if (!isSessionId(sessionId)) return { ok: false, error: { code: 'invalid-session-id' } };
  if (!isSessionKey(key)) return { ok: false, error: { code: 'invalid-key' } };
  const relay = normaliseRelayUrl(relayUrl);
  if (relay === null) return { ok: false, error: { code: 'invalid-relay' } };
  const query = new URLSearchParams({ k: key, r: relay });
  return checkLength(`${appBase(appUrl)}#${JOIN_PATH}${sessionId}?${query.toString()}`);
}

export function makeOfflineJoinLink(appUrl: string, sessionId: string, definition: ExchangeFileV1): MakeLinkResult {
  if (!isSessionId(sessionId)) return { ok: false, error: { code: 'invalid-session-id' } };
  if (definition.scans.some((scan) => scan.responses.length > 0)) return { ok: false, error: { code: 'definition-has-responses' } };
  return checkLength(`${appBase(appUrl)}#${JOIN_PATH}${sessionId}?d=${compressDefinition(definition)}`);
}

function checkLength(url: string): MakeLinkResult {
  return url.length > JOIN_LINK_MAX_CHARS
    ? { ok: false, error: { code: 'link-too-long', length: url.length, limit: JOIN_LINK_MAX_CHARS } }
    : { ok: true, url };
}

function parseShortLink(fragment: string, appUrl: string | null, defaultRelay: string | null): JoinLinkResult {
  const rest = fragment.slice(SHORT_JOIN_PATH.length);
  const question = rest.indexOf('?');
  let typed = question === -1 ? rest : rest.slice(0, question);
  try {
    // A code typed into the address bar may arrive percent-encoded (spaces).
    typed = decodeURIComponent(typed);
  } catch {
    // Left as it is: the reading below says what is wrong.
  }
  const reading = readJoinCode(typed);
  if (!reading.ok) return { ok: false, error: { code: 'invalid-code', problem: reading.problem, length: reading.length } };
  const code = reading.code;
  const derived = deriveSessionFromCode(code);
  if (derived === null) return { ok: false, error: { code: 'invalid-key' } };
  const named = question === -1 ? null : new URLSearchParams(rest.slice(question + 1)).get('r');
  const relayUrl = named !== null ? normaliseRelayUrl(named) : defaultRelay !== null ? normaliseRelayUrl(defaultRelay) : appUrl === null ? null : defaultRelayUrlFor(appUrl);
  if (relayUrl === null) return { ok: false, error: { code: 'invalid-relay' } };
  return { ok: true, link: { kind: 'relay', ...derived, relayUrl, code } };
}

/**
 * A whole URL, or only its fragment (`#/join/…` or `/join/…`, as a hash router hands it over).
 * A short link without `r` means the app's configured relay (`defaultRelay`, already resolved)
 * or, without one, the default relay of the app's host: that needs the whole URL.
 */
export function parseJoinLink(input: string, defaultRelay: string | null = null): JoinLinkResult {
  const text = input.trim();
  if (text.length > JOIN_LINK_MAX_CHARS) return { ok: false, error: { code: 'link-too-long', length: text.length, limit: JOIN_LINK_MAX_CHARS } };
  const hash = text.indexOf('#');
  const fragment = hash === -1 ? text : text.slice(hash + 1);
  if (fragment.startsWith(SHORT_JOIN_PATH)) return parseShortLink(fragment, hash > 0 ? text.slice(0, hash) : null, defaultRelay);
  if (!fragment.startsWith(JOIN_PATH)) return { ok: false, error: { code: 'not-a-join-link' } };
  const rest = fragment.slice(JOIN_PATH.length);
  const question = rest.indexOf('?');
  if (question === -1) return { ok: false, error: { code: 'not-a-join-link' } };
  const sessionId = rest.slice(0, question);
  if (!isSessionId(sessionId)) return { ok: false, error: { code: 'invalid-session-id' } };
  const query = new URLSearchParams(rest.slice(question + 1));

  const data = query.get('d');
  if (data !== null) {
    const definition = decompressDefinition(data);
    return definition.ok ? { ok: true, link: { kind: 'offline', sessionId, definition: definition.file } } : definition;
  }
  const key = query.get('k');
  if (!isSessionKey(key)) return { ok: false, error: { code: 'invalid-key' } };
  const relayUrl = normaliseRelayUrl(query.get('r') ?? '');
  if (relayUrl === null) return { ok: false, error: { code: 'invalid-relay' } };
  return { ok: true, link: { kind: 'relay', sessionId, key, relayUrl } };
}
