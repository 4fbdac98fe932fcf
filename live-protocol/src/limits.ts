// The limits both sides must know (docs/live-sessions.md "Limits"). The relay enforces them (its
// defaults, relay/src/rules.ts DEFAULT_RELAY_LIMITS, start from these; an operator may raise them);
// the app keeps within them so that a genuine phone is never refused.

/** The envelope of one response; a KS1 text of up to ~16 KB plus 29 bytes of envelope fits. */
export const RESPONSE_ENVELOPE_MAX_BYTES = 20 * 1024;

/** The largest message a phone may send (bytes): one record and the Yjs framing around it. */
export const PHONE_MESSAGE_MAX_BYTES = 64 * 1024;

/** The relay's rate window (ms): a phone's document updates are counted per window. */
export const RATE_WINDOW_MS = 10_000;

/** Document updates a phone may send per window; a phone paces its records to stay below. */
export const PHONE_UPDATES_PER_WINDOW = 20;

/** Records one phone connection may add; a shared device sends the rest on a new connection. */
export const PHONE_RECORDS_PER_CONNECTION = 20;

/**
 * A sealed ballot (docs/live-sessions.md "Votes"): the box's 61 bytes and a few hundred of
 * plaintext (a vote id, a voter id, a sequence number and up to a few dozen counts). Far below a
 * response's bound, so a ballot cannot carry a response's weight.
 */
export const BALLOT_ENVELOPE_MAX_BYTES = 4 * 1024;
