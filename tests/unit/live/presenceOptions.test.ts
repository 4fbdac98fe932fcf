// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  createSessionCipher,
  encodeSessionOptions,
  makeSessionId,
  makeSessionKey,
  openOptions,
  openPresence,
  parseSessionOptions,
  PRESENCE_MAX_CHARS,
  sealOptions,
  sealPresence,
} from '../../../src/domain/live';

// Presence and session options (docs/live-sessions.md "The room as it really is").

function cipher(sessionId = makeSessionId(), key = makeSessionKey()) {
  const made = createSessionCipher(sessionId, key);
  if (!made.ok) throw new Error(made.error);
  return made.value;
}

describe('presence', () => {
  it('travels as a short base64url text that opens to the state with the session key only', async () => {
    const own = cipher();
    for (const state of ['joined', 'answering', 'submitted'] as const) {
      const text = await sealPresence(own, state);
      expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(text.length).toBeLessThanOrEqual(PRESENCE_MAX_CHARS);
      expect(await openPresence(own, text)).toBe(state);
      // Another session's key opens nothing.
      expect(await openPresence(cipher(), text)).toBeNull();
    }
    expect(await openPresence(own, 'not base64!')).toBeNull();
    expect(await openPresence(own, 42)).toBeNull();
  });
});

describe('session options', () => {
  it('round-trip sealed, and refuse anything that is not exactly the options', async () => {
    const own = cipher();
    const bytes = encodeSessionOptions({ sharedDevice: true });
    const opened = await openOptions(own, await sealOptions(own, bytes));
    expect(opened.ok && opened.options).toEqual({ sharedDevice: true });
    expect(opened.ok && new TextDecoder().decode(opened.bytes)).toBe('{"v":1,"sharedDevice":true}');
    for (const text of ['{}', '{"v":2,"sharedDevice":true}', '{"v":1,"sharedDevice":"yes"}', 'null', '[']) {
      expect(parseSessionOptions(new TextEncoder().encode(text)), text).toBeNull();
    }
  });
});
