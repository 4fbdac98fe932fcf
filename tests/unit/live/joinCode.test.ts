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
  readJoinCode,
  isPinnedCode,
  codeMatchesPin,
  makePinnedJoinCode,
  sessionPin,
  resolveConfiguredRelay,
} from '../../../src/domain/live';

// The short join address (docs/live-sessions.md "Join link"): a 26-character code from which the
// phone derives the session id and key.

const APP = 'http://192.168.1.20:8080/';

describe('join code', () => {
  it('is 27 characters of Crockford base32 (26 and a check character) that derive a valid session id and key', () => {
    const code = makeJoinCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{27}$/);
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
    // Check character by hand (Luhn mod 32 over the 26 characters): sum of the doubled and
    // plain values, folded at 32, is 0 mod 32, so the check character is "0".
    const code = '0123456789ABCDEFGHJKMNPQR00';
    expect(isJoinCode(code)).toBe(true);
    expect(formatJoinCode(code)).toBe('0123-4567-89AB-CDEF-GHJK-MNPQ-R00');
    expect(normaliseJoinCode('o123-4567 89ab-cdef-ghjk-mnpq-r0o')).toBe(code);
    expect(normaliseJoinCode('0L23456789ABCDEFGHJKMNPQR00')).toBe(code);
    expect(normaliseJoinCode('0I23456789ABCDEFGHJKMNPQR00')).toBe(code);
  });

  it('catches a typo with the check character: every single wrong character and swapped neighbours', () => {
    const code = makeJoinCode();
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let i = 0; i < code.length; i += 1) {
      for (const other of alphabet) {
        if (other === code[i]) continue;
        const typo = code.slice(0, i) + other + code.slice(i + 1);
        expect(readJoinCode(typo).ok, typo).toBe(false);
      }
    }
    let swapsCaught = 0;
    let swaps = 0;
    for (let i = 0; i + 1 < code.length; i += 1) {
      if (code[i] === code[i + 1]) continue;
      swaps += 1;
      if (!readJoinCode(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2)).ok) swapsCaught += 1;
    }
    // Luhn mod N misses a swap only for one pair of values; almost all are caught.
    expect(swapsCaught).toBeGreaterThanOrEqual(swaps - 2);
    expect(readJoinCode(code.slice(0, 20))).toEqual({ ok: false, problem: 'length', length: 20 });
    expect(readJoinCode(`${code}0`)).toEqual({ ok: false, problem: 'length', length: 28 });
    expect(readJoinCode(`${code.slice(0, 5)}U${code.slice(6)}`)).toMatchObject({ ok: false, problem: 'character' });
  });

  it('still reads a 26-character code of an earlier version, which pins nothing', () => {
    const legacy = '0123456789ABCDEFGHJKMNPQR0';
    expect(normaliseJoinCode(legacy)).toBe(legacy);
    expect(isPinnedCode(legacy)).toBe(false);
    expect(codeMatchesPin(legacy, new Uint8Array(16))).toBe(true);
    // Its 26 characters derive the same session as the body of a checked code.
    expect(deriveSessionFromCode(legacy)).toEqual(deriveSessionFromCode('0123456789ABCDEFGHJKMNPQR00'));
  });

  it('refuses a wrong length, letters outside the alphabet and non-zero spare bits', () => {
    expect(normaliseJoinCode('0123456789ABCDEFGHJKMNPQR')).toBeNull();
    expect(normaliseJoinCode('0123456789ABCDEFGHJKMNPQR001')).toBeNull();
    expect(normaliseJoinCode('0123456789ABCDEFGHJKMNPQRU')).toBeNull();
    // 26 × 5 bits hold 128 bits and two spare ones, which are always zero.
    expect(normaliseJoinCode('0123456789ABCDEFGHJKMNPQR1')).toBeNull();
    expect(deriveSessionFromCode('nonsense')).toBeNull();
  });

  it('pins the director key, the definition and the options: any other one does not match', () => {
    const key = new Uint8Array(32).fill(7);
    const definition = new TextEncoder().encode('{"scan":1}');
    const options = new TextEncoder().encode('{"v":1,"sharedDevice":false}');
    const code = makePinnedJoinCode(sessionPin(key, definition, options));
    expect(isPinnedCode(code)).toBe(true);
    expect(codeMatchesPin(code, sessionPin(key, definition, options))).toBe(true);
    expect(codeMatchesPin(code, sessionPin(new Uint8Array(32).fill(8), definition, options))).toBe(false);
    expect(codeMatchesPin(code, sessionPin(key, new TextEncoder().encode('{"scan":2}'), options))).toBe(false);
    expect(codeMatchesPin(code, sessionPin(key, definition, new TextEncoder().encode('{"v":1,"sharedDevice":true}')))).toBe(false);
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

  it('leaves out the relay the app is configured with, in each form the configuration file allows', () => {
    const code = makeJoinCode();
    expect(resolveConfiguredRelay(APP, ':53463')).toBe('ws://192.168.1.20:53463/');
    expect(resolveConfiguredRelay('https://scan.gemeente.nl/app/', '/relay')).toBe('wss://scan.gemeente.nl/relay');
    expect(resolveConfiguredRelay(APP, 'wss://relay.gemeente.nl')).toBe('wss://relay.gemeente.nl/');
    for (const bad of [null, 3, '', 'relay.gemeente.nl', '//evil', ':0', ':99999', 'http://x']) expect(resolveConfiguredRelay(APP, bad)).toBeNull();
    const configured = resolveConfiguredRelay(APP, ':53463')!;
    const made = makeShortJoinLink(APP, code, 'ws://192.168.1.20:53463', configured);
    if (!made.ok) throw new Error(made.error.code);
    expect(made.url).toBe(`${APP}#/j/${code}`);
    expect(formatJoinAddress(made.url)).toMatch(/^192\.168\.1\.20:8080\/#\/j\/[0-9A-Z-]+$/);
    // A phone that reads the same configuration finds the same relay.
    const parsed = parseJoinLink(made.url, configured);
    expect(parsed.ok && parsed.link.kind === 'relay' && parsed.link.relayUrl).toBe('ws://192.168.1.20:53463/');
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
    const code = '0123456789ABCDEFGHJKMNPQR00';
    const made = makeShortJoinLink(APP, code, 'ws://192.168.1.20:1234');
    if (!made.ok) throw new Error(made.error.code);
    const shown = formatJoinAddress(made.url);
    expect(shown).toBe('192.168.1.20:8080/#/j/0123-4567-89AB-CDEF-GHJK-MNPQ-R00');
    const typed = parseJoinLink(`http://${shown}`);
    expect(typed).toEqual(parseJoinLink(made.url));
    expect(formatJoinAddress('https://x.org/#/join/abc?k=1')).toBe('https://x.org/#/join/abc?k=1');
  });

  it('refuses a damaged code, and a bare fragment that cannot name its relay', () => {
    expect(parseJoinLink(`${APP}#/j/ABC`)).toEqual({ ok: false, error: { code: 'invalid-code', problem: 'length', length: 3 } });
    const code = makeJoinCode();
    const typo = `${code.slice(0, 3)}${code[3] === '7' ? '8' : '7'}${code.slice(4)}`;
    expect(parseJoinLink(`${APP}#/j/${typo}`)).toEqual({ ok: false, error: { code: 'invalid-code', problem: 'check', length: 27 } });
    expect(parseJoinLink(`#/j/${makeJoinCode()}`)).toEqual({ ok: false, error: { code: 'invalid-relay' } });
    expect(makeShortJoinLink(APP, 'not-a-code', 'ws://h:1234')).toEqual({ ok: false, error: { code: 'invalid-key' } });
  });
});
