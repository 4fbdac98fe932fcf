import { resolveConfiguredRelay } from '../../domain/live/link';

// Where phones and the director find the relay without typing it (docs/live-sessions.md "Where
// phones find the relay"): `ketenscan.config.json` beside index.html. A static host edits that
// file to point the built app at its relay, without a rebuild; `npm run room` answers it with
// the relay it started, whatever its port. Absent, unreadable or `"relay": null` (as shipped in
// public/): the app host's port 1234.
//
//   { "relay": "wss://relay.gemeente.nl" }   a relay elsewhere
//   { "relay": ":53463" }                    this page's host, another port
//   { "relay": "/relay" }                    this page's origin, behind a proxy

export const CONFIG_FILE = 'ketenscan.config.json';
const CONFIG_TIMEOUT_MS = 3000;

let loading: Promise<string | null> | null = null;

/** The configured relay as a ws:/wss: URL, or null; asked once per page load. */
export function loadConfiguredRelay(): Promise<string | null> {
  loading ??= readConfig().catch(() => null);
  return loading;
}

async function readConfig(): Promise<string | null> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), CONFIG_TIMEOUT_MS);
  try {
    // Never from a cache: the file is the host's to change (the service worker leaves it out too).
    const response = await fetch(new URL(CONFIG_FILE, `${location.origin}${location.pathname}`), { cache: 'no-store', signal: abort.signal });
    if (!response.ok) return null;
    const config: unknown = await response.json();
    if (typeof config !== 'object' || config === null) return null;
    const value = (config as { relay?: unknown }).relay;
    const relay = resolveConfiguredRelay(location.href, value);
    if (relay === null && value !== undefined && value !== null) console.warn(`${CONFIG_FILE}: "relay" is not a ws:/wss: URL, ":port" or "/path"; ignored`);
    return relay;
  } finally {
    clearTimeout(timer);
  }
}
