// Why the relay refused something, and how a client learns it (docs/live-sessions.md "Relay
// rules"): the relay closes the WebSocket with a 44xx code and the reason `ketenscan:<refusal>`.
// The relay writes these, the director's device and the phones read them.

/** Every close reason of a refusal starts with this. */
export const REFUSAL_PREFIX = 'ketenscan:';

/** Why the relay refused something; the close reason a client sees is `ketenscan:<reason>`. */
export type RelayRefusal =
  | 'invalid-session-id'
  | 'invalid-token'
  | 'wrong-director-secret'
  | 'unknown-session'
  | 'message-too-large'
  | 'too-many-messages'
  | 'too-many-updates'
  | 'malformed-message'
  | 'not-allowed-for-phone'
  | 'document-too-large'
  | 'incomplete-update'
  | 'changes-existing-data'
  | 'outside-responses'
  | 'invalid-record'
  | 'record-not-sealed'
  | 'origin-not-allowed'
  | 'too-many-address-connections'
  | 'too-many-session-connections'
  | 'too-many-records'
  | 'too-many-address-records'
  | 'session-full'
  | 'vote-not-open';

/** The WebSocket close code of each refusal, in the manner of HTTP's 4xx (4400 bad, 4401 who, 4403 not allowed, 4404 unknown, 4413 too large, 4429 too many). */
export const REFUSAL_CODES: Readonly<Record<RelayRefusal, number>> = {
  'invalid-session-id': 4404,
  'invalid-token': 4401,
  'wrong-director-secret': 4401,
  'unknown-session': 4404,
  'message-too-large': 4413,
  'too-many-messages': 4429,
  'too-many-updates': 4429,
  'malformed-message': 4400,
  'not-allowed-for-phone': 4403,
  'document-too-large': 4413,
  'incomplete-update': 4400,
  'changes-existing-data': 4403,
  'outside-responses': 4403,
  'invalid-record': 4403,
  'record-not-sealed': 4403,
  'origin-not-allowed': 4403,
  'too-many-address-connections': 4429,
  'too-many-session-connections': 4429,
  'too-many-records': 4429,
  'too-many-address-records': 4429,
  'session-full': 4413,
  // A ballot for a vote that is not the open one (closed, never opened, or another).
  'vote-not-open': 4403,
};

/** The close reason the relay sends for a refusal. */
export function refusalReason(refusal: RelayRefusal): string {
  return `${REFUSAL_PREFIX}${refusal}`;
}

/** The refusal a close reason names; null for any other close (a network drop, a server restart). */
export function parseRefusal(reason: unknown): RelayRefusal | null {
  if (typeof reason !== 'string' || !reason.startsWith(REFUSAL_PREFIX)) return null;
  const refusal = reason.slice(REFUSAL_PREFIX.length);
  return Object.hasOwn(REFUSAL_CODES, refusal) ? (refusal as RelayRefusal) : null;
}
