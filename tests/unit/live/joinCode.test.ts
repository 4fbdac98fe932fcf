// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  deriveSessionFromCode,
  formatJoinAddress,
  formatJoinCode,
  isJoinCode,
  isSessionId,
  isSessionKey,
  JOIN_CODE_CHARS,
  makeJoinCode,
  makeShortJoinLink,
  normaliseJoinCode,
  parseJoinLink,
} from '../../../src/domain/live';

// The short join address (docs/live-sessions.md "Join link"): a 26-character code from which the
// phone derives the session id and key.

const APP = 'http://192.168.1.20:8080/';

describe('join code', () => {
  it('is 26 characters of Crockford base32 that derive a valid session id and key', () => {
    const code = makeJoinCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(code).toHaveLength(JOIN_CODE_CHARS);
    expect(isJoinCode(code)).toBe(true);
    const derived = deriveSessionFromCode(code)!;
    expect(isSessionId(derived.sessionId)).toBe(true);
    expect(isSessionKey(derived.key)).toBe(true);
    // Deterministic: the phone and the director derive the same session.
    expect(deriveSessionFromCode(code)).toEqual(derived);
    expect(deriveSessionFromCode(makeJoinCode())!.sessionId).not.toBe(derived.sessionId);
  });

  it('reads what people type: lower case, dashes, spaces, O for 0 and I or L for 1', () => {
    const code = '0123456789ABCDEFGHJKMNPQR0';
    expect(isJoinCode(code)).toBe(true);
    expect(formatJoinCode(code)).toBe('0123-4567-89AB-CDEF-GHJK-MNPQ-R0');
    expect(normaliseJoinCode('o123-4567 89ab-cdef-ghjk-mnpq-r0')).toBe(code);
    expect(normaliseJoinCode('0L23456789ABCDEFGHJKMNPQR0')).toBe(code);
    expect(normaliseJoinCode('0I23456789ABCDEFGHJKMNPQR0')).toBe(code);
  });

  it('refuses a wrong length, letters outside the alphabet and non-zero spare bits', () => {
    expect(normaliseJoinCode('0123456789ABCDEFGHJKMNPQR')).toBeNull();
    expect(normaliseJoinCode('0123456789ABCDEFGHJKMNPQR00')).toBeNull();
    expect(normaliseJoinCode('0123456789ABCDEFGHJKMNPQRU')).toBeNull();
    // 26 × 5 bits hold 128 bits and two spare ones, which are always zero.
    expect(normaliseJoinCode('0123456789ABCDEFGHJKMNPQR1')).toBeNull();
    expect(deriveSessionFromCode('nonsense')).toBeNull();
  });
});

describe('short join link', () => {
  it('leaves out the relay when it is the app host on port 1234, and reads back', () => {
    const code = makeJoinCode();
    const made = makeShortJoinLink(`${APP}#/scan/abc`, code, 'ws://192.168.1.20:1234');
    if (!made.ok) throw new Error(made.error.code);
    expect(made.url).toBe(`${APP}#/j/${code}`);
    expect(made.url.length).toBeLessThan(60);
    expect(parseJoinLink(made.url)).toEqual({ ok: true, link: { kind: 'relay', ...deriveSessionFromCode(code)!, relayUrl: 'ws://192.168.1.20:1234/', code } });
    // Typed by hand with dashes and in lower case: the same session.
    const typed = parseJoinLink(`${APP}#/j/${formatJoinCode(code).toLowerCase()}`);
    expect(typed.ok && typed.link.kind === 'relay' && typed.link.sessionId).toBe(deriveSessionFromCode(code)!.sessionId);
  });

  it('names another relay, and uses wss for an https app', () => {
    const code = makeJoinCode();
    const made = makeShortJoinLink(APP, code, 'wss://relay.example.org/ketenscan');
    if (!made.ok) throw new Error(made.error.code);
    expect(made.url).toBe(`${APP}#/j/${code}?r=wss%3A%2F%2Frelay.example.org%2Fketenscan`);
    const parsed = parseJoinLink(made.url);
    expect(parsed.ok && parsed.link.kind === 'relay' && parsed.link.relayUrl).toBe('wss://relay.example.org/ketenscan');
    const secure = parseJoinLink(`https://scan.example.org/app/#/j/${code}`);
    expect(secure.ok && secure.link.kind === 'relay' && secure.link.relayUrl).toBe('wss://scan.example.org:1234/');
  });

  it('reads aloud without http:// and with the code in groups, and that typed form opens the same session', () => {
    const code = '0123456789ABCDEFGHJKMNPQR0';
    const made = makeShortJoinLink(APP, code, 'ws://192.168.1.20:1234');
    if (!made.ok) throw new Error(made.error.code);
    const shown = formatJoinAddress(made.url);
    expect(shown).toBe('192.168.1.20:8080/#/j/0123-4567-89AB-CDEF-GHJK-MNPQ-R0');
    const typed = parseJoinLink(`http://${shown}`);
    expect(typed).toEqual(parseJoinLink(made.url));
    expect(formatJoinAddress('https://x.org/#/join/abc?k=1')).toBe('https://x.org/#/join/abc?k=1');
  });

  it('refuses a damaged code, and a bare fragment that cannot name its relay', () => {
    expect(parseJoinLink(`${APP}#/j/ABC`)).toEqual({ ok: false, error: { code: 'invalid-key' } });
    expect(parseJoinLink(`#/j/${makeJoinCode()}`)).toEqual({ ok: false, error: { code: 'invalid-relay' } });
    expect(makeShortJoinLink(APP, 'not-a-code', 'ws://h:1234')).toEqual({ ok: false, error: { code: 'invalid-key' } });
  });
});
