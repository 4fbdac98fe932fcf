import { decodeBase64Url, encodeBase64Url, randomBytes } from './bytes';

// Random identifiers of a live session (docs/live-sessions.md "Key handling"). All are base64url
// of fresh random bytes, so the relay learns nothing from them: no scan id, no order, no time.

/** 128-bit session id: the Yjs document name on the relay. */
export const SESSION_ID_BYTES = 16;
/** AES-256 key: travels only in the join link's fragment. */
export const SESSION_KEY_BYTES = 32;
/** 128-bit record id: the key of one response in the document. */
export const RECORD_ID_BYTES = 16;
/** The director's secret for the relay; phones never see it. */
export const DIRECTOR_SECRET_BYTES = 32;

function makeRandomText(bytes: number): string {
  return encodeBase64Url(randomBytes(bytes));
}

function isRandomText(value: unknown, bytes: number): value is string {
  return typeof value === 'string' && value.length === Math.ceil((bytes * 4) / 3) && decodeBase64Url(value)?.length === bytes;
}

export const makeSessionId = (): string => makeRandomText(SESSION_ID_BYTES);
export const makeSessionKey = (): string => makeRandomText(SESSION_KEY_BYTES);
export const makeRecordId = (): string => makeRandomText(RECORD_ID_BYTES);
export const makeDirectorSecret = (): string => makeRandomText(DIRECTOR_SECRET_BYTES);

export const isSessionId = (value: unknown): value is string => isRandomText(value, SESSION_ID_BYTES);
export const isSessionKey = (value: unknown): value is string => isRandomText(value, SESSION_KEY_BYTES);
export const isRecordId = (value: unknown): value is string => isRandomText(value, RECORD_ID_BYTES);
export const isDirectorSecret = (value: unknown): value is string => isRandomText(value, DIRECTOR_SECRET_BYTES);

// Tokens a provider sends to the relay (HocuspocusProvider `token`). The relay keeps only a
// SHA-256 hash of the director's secret, bound to the session the first time it is opened.
export const DIRECTOR_TOKEN_PREFIX = 'director:';
export const PHONE_TOKEN = 'phone';

export function makeDirectorToken(secret: string): string {
  return DIRECTOR_TOKEN_PREFIX + secret;
}

export type RelayRole = { role: 'director'; secret: string } | { role: 'phone' };

/** null for anything else: the relay refuses it. */
export function parseRelayToken(token: unknown): RelayRole | null {
  if (token === PHONE_TOKEN) return { role: 'phone' };
  if (typeof token !== 'string' || !token.startsWith(DIRECTOR_TOKEN_PREFIX)) return null;
  const secret = token.slice(DIRECTOR_TOKEN_PREFIX.length);
  return isDirectorSecret(secret) ? { role: 'director', secret } : null;
}
