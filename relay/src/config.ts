import { resolve } from 'node:path';
import type { RelayAccess, RelayLimits } from './rules';

// `npm run relay`'s settings, read from the environment (docs/relay-operations.md has the
// table). Pure, so a test can check every message; main.ts prints the error and exits 2.

export interface RelayConfig {
  port: number;
  host: string;
  dataDir: string;
  redisUrl: string | null;
  access: RelayAccess;
  limits: Partial<RelayLimits>;
}

/** The environment variable of each limit; a limit not set keeps its default (DEFAULT_RELAY_LIMITS). */
export const LIMIT_VARIABLES: Readonly<Record<keyof RelayLimits, string>> = {
  phoneConnectionsPerSession: 'RELAY_MAX_CONNECTIONS_PER_SESSION',
  connectionsPerAddress: 'RELAY_MAX_CONNECTIONS_PER_ADDRESS',
  phoneRecordsPerConnection: 'RELAY_MAX_RECORDS_PER_CONNECTION',
  recordsPerSession: 'RELAY_MAX_RECORDS_PER_SESSION',
  recordsPerAddressPerSession: 'RELAY_MAX_RECORDS_PER_ADDRESS',
  recordBytesPerAddressPerSession: 'RELAY_MAX_RECORD_BYTES_PER_ADDRESS',
  documentBytes: 'RELAY_MAX_DOCUMENT_BYTES',
  phoneMessageBytes: 'RELAY_MAX_PHONE_MESSAGE_BYTES',
  directorMessageBytes: 'RELAY_MAX_DIRECTOR_MESSAGE_BYTES',
  phoneUpdatesPerWindow: 'RELAY_MAX_PHONE_UPDATES_PER_WINDOW',
  messagesPerWindow: 'RELAY_MAX_MESSAGES_PER_WINDOW',
  windowMs: 'RELAY_RATE_WINDOW_MS',
};

export type ConfigResult = { ok: true; config: RelayConfig } | { ok: false; error: string };

const MAX_LIMIT = 2 ** 31 - 1;

export function readRelayConfig(env: Readonly<Record<string, string | undefined>>, cwd: string = process.cwd()): ConfigResult {
  const errors: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };

  const portText = value('RELAY_PORT');
  let port = 1234;
  if (portText !== undefined) {
    port = /^\d+$/.test(portText) ? Number(portText) : NaN;
    if (!Number.isInteger(port) || port < 0 || port > 65535) errors.push(`RELAY_PORT must be a port number (0–65535), not ${quote(portText)}`);
  }

  const host = value('RELAY_HOST') ?? '0.0.0.0';
  const dataDir = resolve(cwd, value('RELAY_DATA_DIR') ?? './relay-data');

  const redisUrl = value('REDIS_URL') ?? null;
  if (redisUrl !== null) {
    let protocol = '';
    try {
      protocol = new URL(redisUrl).protocol;
    } catch {
      // The URL is not echoed: it may hold a password.
      errors.push('REDIS_URL must be a URL such as redis://host:6379 (it does not parse)');
    }
    if (protocol !== '' && protocol !== 'redis:' && protocol !== 'rediss:') errors.push(`REDIS_URL must start with redis:// or rediss://, not ${protocol}//`);
  }

  let allowedOrigins: string[] | null = null;
  const originsText = value('RELAY_ALLOWED_ORIGINS');
  if (originsText !== undefined) {
    allowedOrigins = [];
    for (const entry of originsText.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
      const origin = parseOrigin(entry);
      if (origin === null) errors.push(`RELAY_ALLOWED_ORIGINS: ${quote(entry)} is not an origin such as https://scan.example.nl (scheme, host and port only)`);
      else allowedOrigins.push(origin);
    }
    if (allowedOrigins.length === 0 && errors.length === 0) errors.push('RELAY_ALLOWED_ORIGINS is set but holds no origin (leave it unset to allow every origin)');
  }

  let trustProxy = false;
  const trustText = value('RELAY_TRUST_PROXY');
  if (trustText !== undefined) {
    const flag = parseFlag(trustText);
    if (flag === null) errors.push(`RELAY_TRUST_PROXY must be 1/true/yes or 0/false/no, not ${quote(trustText)}`);
    else trustProxy = flag;
  }

  const limits: Partial<RelayLimits> = {};
  for (const [key, name] of Object.entries(LIMIT_VARIABLES) as [keyof RelayLimits, string][]) {
    const text = value(name);
    if (text === undefined) continue;
    const number = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(number) || number < 1 || number > MAX_LIMIT) errors.push(`${name} must be a whole number from 1 to ${MAX_LIMIT}, not ${quote(text)}`);
    else limits[key] = number;
  }

  if (errors.length > 0) return { ok: false, error: errors.join('\n') };
  return { ok: true, config: { port, host, dataDir, redisUrl, access: { allowedOrigins, trustProxy }, limits } };
}

/** `https://host[:port]` as a browser sends it in the Origin header (normalised: lower case, no default port); nothing else. */
function parseOrigin(entry: string): string | null {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '' || url.pathname !== '/' || url.search !== '' || url.hash !== '') return null;
  return url.origin;
}

function parseFlag(text: string): boolean | null {
  const lower = text.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(lower)) return true;
  if (['0', 'false', 'no', 'off'].includes(lower)) return false;
  return null;
}

/** A value in an error message: quoted and bounded. */
function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}
