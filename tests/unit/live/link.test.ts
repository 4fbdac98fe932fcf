// @vitest-environment node
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  buildSessionDefinition,
  compressDefinition,
  DEFINITION_MAX_BYTES,
  encodeBase64Url,
  JOIN_LINK_MAX_CHARS,
  makeOfflineJoinLink,
  makeRelayJoinLink,
  makeSessionId,
  makeSessionKey,
  parseJoinLink,
} from '../../../src/domain/live';
import { buildExchangeFile } from '../../../src/domain/exchange';
import { SMALL_RESPONSES, SMALL_SCAN } from '../../fixtures/exchange/smallScan';

const APP = 'http://192.168.1.20:4173/';
const NOW = new Date('2026-11-30T09:00:00.000Z');

describe('join link with a relay', () => {
  it('carries session id, key and relay in the fragment and reads back', () => {
    const sessionId = makeSessionId();
    const key = makeSessionKey();
    const made = makeRelayJoinLink(`${APP}#/scan/abc`, sessionId, key, 'ws://192.168.1.20:1234');
    if (!made.ok) throw new Error(made.error.code);
    const url = new URL(made.url);
    expect(url.search).toBe('');
    expect(made.url.startsWith(`${APP}#/join/${sessionId}?k=${key}&r=`)).toBe(true);
    expect(parseJoinLink(made.url)).toEqual({ ok: true, link: { kind: 'relay', sessionId, key, relayUrl: 'ws://192.168.1.20:1234/' } });
    // A hash router hands over only the fragment, with or without '#'.
    expect(parseJoinLink(url.hash).ok).toBe(true);
    expect(parseJoinLink(url.hash.slice(1)).ok).toBe(true);
  });

  it('refuses damaged links with a named reason', () => {
    const sessionId = makeSessionId();
    const key = makeSessionKey();
    expect(parseJoinLink(`${APP}#/scan/x`)).toEqual({ ok: false, error: { code: 'not-a-join-link' } });
    expect(parseJoinLink(`${APP}#/join/short?k=${key}&r=ws://h`)).toEqual({ ok: false, error: { code: 'invalid-session-id' } });
    expect(parseJoinLink(`${APP}#/join/${sessionId}?k=${key.slice(1)}&r=ws://h`)).toEqual({ ok: false, error: { code: 'invalid-key' } });
    expect(parseJoinLink(`${APP}#/join/${sessionId}?k=${key}&r=http://h`)).toEqual({ ok: false, error: { code: 'invalid-relay' } });
    expect(parseJoinLink(`${APP}#/join/${sessionId}?k=${key}&r=ws://user:pw@h`)).toEqual({ ok: false, error: { code: 'invalid-relay' } });
    expect(makeRelayJoinLink(APP, sessionId, key, 'https://h')).toEqual({ ok: false, error: { code: 'invalid-relay' } });
  });
});

describe('join link without a relay', () => {
  const definition = buildSessionDefinition(SMALL_SCAN, NOW);

  it('carries the compressed definition, which holds no response, and fits a QR code', () => {
    const sessionId = makeSessionId();
    const made = makeOfflineJoinLink(APP, sessionId, definition);
    if (!made.ok) throw new Error(made.error.code);
    // The built-in instrument is the compression dictionary: a small QR code, not one near version 40.
    expect(made.url.length).toBeLessThan(600);
    const parsed = parseJoinLink(made.url);
    if (!parsed.ok || parsed.link.kind !== 'offline') throw new Error('expected an offline link');
    expect(parsed.link.sessionId).toBe(sessionId);
    expect(parsed.link.definition.scans[0]!.title).toBe(SMALL_SCAN.title);
    expect(parsed.link.definition.scans[0]!.organisations.map((o) => o.name)).toEqual(['Politie', 'Gemeente', 'Jeugdbescherming']);
    expect(parsed.link.definition.scans[0]!.responses).toEqual([]);
  });

  it('never puts answers in a definition', () => {
    expect(definition.scans[0]!.responses).toEqual([]);
    const withAnswers = buildExchangeFile([{ scan: SMALL_SCAN, responses: SMALL_RESPONSES }], NOW, 'x');
    expect(makeOfflineJoinLink(APP, makeSessionId(), withAnswers)).toEqual({ ok: false, error: { code: 'definition-has-responses' } });
    const smuggled = `0.${encodeBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(withAnswers))))}`;
    expect(parseJoinLink(`${APP}#/join/${makeSessionId()}?d=${smuggled}`)).toEqual({ ok: false, error: { code: 'definition-has-responses' } });
  });

  it('reads links made without the dictionary, and names one made by another app version', () => {
    const plain = compressDefinition(definition, { useDictionary: false });
    expect(plain.startsWith('0.')).toBe(true);
    const parsed = parseJoinLink(`#/join/${makeSessionId()}?d=${plain}`);
    expect(parsed.ok && parsed.link.kind === 'offline' && parsed.link.definition.scans[0]!.title).toBe(SMALL_SCAN.title);
    const withDictionary = compressDefinition(definition);
    const otherVersion = `0123abcd${withDictionary.slice(withDictionary.indexOf('.'))}`;
    expect(parseJoinLink(`#/join/${makeSessionId()}?d=${otherVersion}`)).toEqual({ ok: false, error: { code: 'definition-other-version' } });
    // Data that needs the dictionary, labelled as not needing one: refused, not misread.
    const mislabelled = `0${withDictionary.slice(withDictionary.indexOf('.'))}`;
    expect(parseJoinLink(`#/join/${makeSessionId()}?d=${mislabelled}`).ok).toBe(false);
  });

  it('guards the size: too long to make, a bomb refused, garbage named', () => {
    const many = { ...SMALL_SCAN, organisations: Array.from({ length: 1500 }, (_, i) => ({ id: `org-${i}`, name: `Organisatie ${i} ${'x'.repeat(i % 17)}` })) };
    const tooBig = makeOfflineJoinLink(APP, makeSessionId(), buildSessionDefinition(many, NOW));
    expect(!tooBig.ok && tooBig.error.code).toBe('link-too-long');
    const bomb = '0.' + encodeBase64Url(deflateSync(new Uint8Array(DEFINITION_MAX_BYTES * 4).fill(32)));
    expect(bomb.length).toBeLessThan(JOIN_LINK_MAX_CHARS);
    expect(parseJoinLink(`#/join/${makeSessionId()}?d=${bomb}`)).toEqual({ ok: false, error: { code: 'definition-too-large' } });
    expect(parseJoinLink(`#/join/${makeSessionId()}?d=0.AAAA`)).toEqual({ ok: false, error: { code: 'definition-not-compressed' } });
    const notJson = `0.${encodeBase64Url(deflateSync(new TextEncoder().encode('{"format":')))}`;
    const parsed = parseJoinLink(`#/join/${makeSessionId()}?d=${notJson}`);
    expect(!parsed.ok && parsed.error.code).toBe('invalid-definition');
    expect(parseJoinLink(`#/join/${makeSessionId()}?d=${'A'.repeat(JOIN_LINK_MAX_CHARS)}`).ok).toBe(false);
  });
});
