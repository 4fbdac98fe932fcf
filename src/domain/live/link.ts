import type { ExchangeFileV1 } from '../exchange/types';
import { compressDefinition, decompressDefinition, type DefinitionError } from './definition';
import { isSessionId, isSessionKey } from './ids';

// The join link (docs/live-sessions.md "Join link"). Everything a phone needs is in the
// fragment, the part after `#` that a browser never sends to any server, like excalidraw's
// `#room=<id>,<key>`:
//
//   <app>#/join/<sessionId>?k=<key>&r=<relay url>     with a relay
//   <app>#/join/<sessionId>?d=<deflated definition>   without one (answers return by QR/file)
//
// The relay variant carries only random values and the relay's address; the scan definition
// then comes encrypted through the relay. The variant without a relay carries the definition
// itself, which never holds answers (definition.ts).

export const JOIN_PATH = '/join/';
/**
 * Longest link we make or read: a QR code of version 40 at error correction L holds 2,953
 * bytes. A definition on the built-in instrument makes a link of ~500 characters; a custom
 * instrument can come near this limit, and past it the UI offers the file instead.
 */
export const JOIN_LINK_MAX_CHARS = 2900;
const RELAY_URL_MAX_CHARS = 300;

export type JoinLink =
  | { kind: 'relay'; sessionId: string; key: string; relayUrl: string }
  | { kind: 'offline'; sessionId: string; definition: ExchangeFileV1 };

export type JoinLinkError =
  | { code: 'not-a-join-link' }
  | { code: 'invalid-session-id' }
  | { code: 'invalid-key' }
  | { code: 'invalid-relay' }
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

/** A whole URL, or only its fragment (`#/join/…` or `/join/…`, as a hash router hands it over). */
export function parseJoinLink(input: string): JoinLinkResult {
  const text = input.trim();
  if (text.length > JOIN_LINK_MAX_CHARS) return { ok: false, error: { code: 'link-too-long', length: text.length, limit: JOIN_LINK_MAX_CHARS } };
  const hash = text.indexOf('#');
  const fragment = hash === -1 ? text : text.slice(hash + 1);
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
