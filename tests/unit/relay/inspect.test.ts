// @vitest-environment node
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { makeRecordId, SEALED_RECORD_MIN_BYTES } from '@ketenscan/live-protocol';
import { inspectPhoneUpdate, isAllowedPhoneAwareness, isPlainAddition, judgePhoneUpdate } from '../../../relay/src/rules';
import { sealedLike } from './helpers';

const LIMIT = 1024 * 1024;

/** The relay's document with a definition that was replaced once (so it has a delete set) and one response. */
function relayDocument(): { relay: Y.Doc; existing: string } {
  const relay = new Y.Doc();
  relay.getMap('meta').set('definition', new Uint8Array(40));
  relay.getMap('meta').set('definition', new Uint8Array(41));
  const existing = makeRecordId();
  relay.getMap('responses').set(existing, sealedLike(150));
  return { relay, existing };
}

function phoneOf(relay: Y.Doc): Y.Doc {
  const phone = new Y.Doc();
  Y.applyUpdate(phone, Y.encodeStateAsUpdate(relay));
  return phone;
}

/** What the phone would send: everything the relay lacks, with the phone's whole delete set. */
function diff(phone: Y.Doc, relay: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(phone, Y.encodeStateVector(relay));
}

describe('inspectPhoneUpdate', () => {
  it('accepts a new record, and a first sync that only repeats known deletions', () => {
    const { relay } = relayDocument();
    const phone = phoneOf(relay);
    expect(inspectPhoneUpdate(relay, diff(phone, relay), LIMIT)).toBe('accepted');
    phone.getMap('responses').set(makeRecordId(), sealedLike(160));
    expect(inspectPhoneUpdate(relay, diff(phone, relay), LIMIT)).toBe('accepted');
  });

  it("accepts a phone replacing its own record before it was ever sent (it deletes nothing the relay has)", () => {
    const { relay } = relayDocument();
    const phone = phoneOf(relay);
    const id = makeRecordId();
    phone.getMap('responses').set(id, sealedLike(160));
    phone.getMap('responses').set(id, sealedLike(161));
    expect(inspectPhoneUpdate(relay, diff(phone, relay), LIMIT)).toBe('accepted');
  });

  it('refuses deleting or overwriting what the relay has, and writing outside responses', () => {
    const cases: [(phone: Y.Doc, existing: string) => void, string][] = [
      [(phone, existing) => phone.getMap('responses').delete(existing), 'changes-existing-data'],
      [(phone, existing) => phone.getMap('responses').set(existing, sealedLike(150)), 'changes-existing-data'],
      [(phone) => phone.getMap('meta').delete('definition'), 'changes-existing-data'],
      [(phone) => phone.getMap('meta').set('closed', false), 'outside-responses'],
      [(phone) => phone.getArray('other').insert(0, [1]), 'outside-responses'],
      [(phone) => phone.getMap('responses').set(makeRecordId(), new Y.Map()), 'invalid-record'],
      [(phone) => phone.getMap('responses').set(makeRecordId(), sealedLike(21 * 1024)), 'invalid-record'],
    ];
    for (const [change, verdict] of cases) {
      const { relay, existing } = relayDocument();
      const phone = phoneOf(relay);
      change(phone, existing);
      expect(inspectPhoneUpdate(relay, diff(phone, relay), LIMIT)).toBe(verdict);
    }
  });

  it('refuses a deletion aimed at content the relay does not have yet', () => {
    const { relay } = relayDocument();
    const director = phoneOf(relay);
    director.getMap('responses').set(makeRecordId(), sealedLike(150));
    const future = phoneOf(director);
    future.getMap('responses').forEach((_, key) => future.getMap('responses').delete(key));
    // Only the delete set: the relay lacks the director's new record, so it would wait for it.
    const deletionsOnly = Y.encodeStateAsUpdate(future, Y.encodeStateVector(future));
    expect(inspectPhoneUpdate(relay, deletionsOnly, LIMIT)).toBe('incomplete-update');
  });

  it('refuses garbage and a document past its size limit', () => {
    const { relay } = relayDocument();
    expect(inspectPhoneUpdate(relay, Uint8Array.of(1, 2, 3, 250, 250), LIMIT)).toBe('malformed-message');
    const phone = phoneOf(relay);
    phone.getMap('responses').set(makeRecordId(), sealedLike(160));
    expect(inspectPhoneUpdate(relay, diff(phone, relay), 100)).toBe('document-too-large');
  });
});

describe('the fast path for plain submissions', () => {
  it('takes a submission straight from the decoded update, with the same verdict as the copy', () => {
    const { relay } = relayDocument();
    const phone = phoneOf(relay);
    const updates: Uint8Array[] = [];
    phone.on('update', (update: Uint8Array) => updates.push(update));
    phone.getMap('responses').set(makeRecordId(), sealedLike(160));
    expect(isPlainAddition(relay, updates[0]!)).toBe(true);
    expect(inspectPhoneUpdate(relay, updates[0]!, LIMIT, 1000)).toBe('accepted');
    expect(inspectPhoneUpdate(relay, updates[0]!, LIMIT)).toBe('accepted');
    // Too big for the tracked size: decided on the copy, by the exact size.
    expect(inspectPhoneUpdate(relay, updates[0]!, 1100, 1050)).toBe('accepted');
  });

  it('leaves every other shape to the copy', () => {
    const { relay, existing } = relayDocument();
    const phone = phoneOf(relay);
    const updates: Uint8Array[] = [];
    phone.on('update', (update: Uint8Array) => updates.push(update));
    phone.getMap('responses').set(existing, sealedLike(150));
    phone.getMap('meta').set('x', new Uint8Array(50));
    phone.getMap('responses').set(makeRecordId(), 'text');
    expect(updates.map((update) => isPlainAddition(relay, update))).toEqual([false, false, false]);
    // Out of order: the second update of a client before its first.
    const later = new Y.Doc();
    const laterUpdates: Uint8Array[] = [];
    later.on('update', (update: Uint8Array) => laterUpdates.push(update));
    later.getMap('responses').set(makeRecordId(), sealedLike(150));
    later.getMap('responses').set(makeRecordId(), sealedLike(150));
    expect(isPlainAddition(relay, laterUpdates[1]!)).toBe(false);
    expect(inspectPhoneUpdate(relay, laterUpdates[1]!, LIMIT, 1000)).toBe('incomplete-update');
  });

  it('never lets a concurrent write under an existing key replace it', () => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const { relay, existing } = relayDocument();
      const stranger = new Y.Doc(); // never synced: its entry has no left neighbour, like a new key
      stranger.getMap('responses').set(existing, sealedLike(199));
      const update = Y.encodeStateAsUpdate(stranger);
      expect(isPlainAddition(relay, update)).toBe(false);
      const verdict = inspectPhoneUpdate(relay, update, LIMIT, 1000);
      if (verdict === 'accepted') Y.applyUpdate(relay, update);
      expect((relay.getMap('responses').get(existing) as Uint8Array).length).toBe(150);
    }
  });
});

describe('an empty first sync', () => {
  it('passes the fast path when there is nothing to apply', () => {
    const relay = new Y.Doc();
    relay.getMap('responses').set(makeRecordId(), sealedLike(150));
    const phone = phoneOf(relay);
    expect(isPlainAddition(relay, diff(phone, relay))).toBe(true);
    expect(inspectPhoneUpdate(relay, diff(phone, relay), LIMIT, 1000)).toBe('accepted');
  });
});

describe('records that are not sealed boxes', () => {
  /** A submission as a phone sends it: one update holding one new record. */
  function submissionOf(relay: Y.Doc, value: Uint8Array): Uint8Array {
    const phone = phoneOf(relay);
    const updates: Uint8Array[] = [];
    phone.on('update', (update: Uint8Array) => updates.push(update));
    phone.getMap('responses').set(makeRecordId(), value);
    return updates[0]!;
  }

  const versionOne = sealedLike(300);
  versionOne[0] = 0x01;
  const randomBytes = sealedLike(300);
  randomBytes[0] = 0x9c;
  const cases: [string, Uint8Array][] = [
    ['random bytes', randomBytes],
    ['the envelope version 0x01', versionOne],
    ['one byte shorter than the smallest sealed box', sealedLike(SEALED_RECORD_MIN_BYTES - 1)],
    ['the version byte alone', Uint8Array.of(0x02)],
  ];

  it.each(cases)('refuses %s on the fast path and on the copy', (_, value) => {
    const { relay } = relayDocument();
    const update = submissionOf(relay, value);
    expect(isPlainAddition(relay, update)).toBe(false);
    expect(inspectPhoneUpdate(relay, update, LIMIT, 1000)).toBe('record-not-sealed');
    expect(inspectPhoneUpdate(relay, update, LIMIT)).toBe('record-not-sealed');
  });

  it('refuses them also inside a first sync (the copy) next to a good record', () => {
    const { relay } = relayDocument();
    const phone = phoneOf(relay);
    phone.getMap('responses').set(makeRecordId(), sealedLike(300));
    phone.getMap('responses').set(makeRecordId(), randomBytes);
    expect(inspectPhoneUpdate(relay, diff(phone, relay), LIMIT, 1000)).toBe('record-not-sealed');
  });

  it('accepts the smallest sealed box, and counts records and bytes on both paths', () => {
    const { relay } = relayDocument();
    const update = submissionOf(relay, sealedLike(SEALED_RECORD_MIN_BYTES));
    expect(isPlainAddition(relay, update)).toBe(true);
    expect(judgePhoneUpdate(relay, update, LIMIT, 1000)).toEqual({ verdict: 'accepted', records: 1, recordBytes: SEALED_RECORD_MIN_BYTES });
    expect(judgePhoneUpdate(relay, update, LIMIT)).toEqual({ verdict: 'accepted', records: 1, recordBytes: SEALED_RECORD_MIN_BYTES });
    const phone = phoneOf(relay);
    phone.getMap('responses').set(makeRecordId(), sealedLike(100));
    phone.getMap('responses').set(makeRecordId(), sealedLike(200));
    expect(judgePhoneUpdate(relay, diff(phone, relay), LIMIT, 1000)).toEqual({ verdict: 'accepted', records: 2, recordBytes: 300 });
  });
});

describe("a phone's awareness", () => {
  /** y-protocols' awareness update: [count]([clientID][clock][JSON state])*. */
  function awareness(...states: string[]): Uint8Array {
    const bytes: number[] = [];
    const varUint = (value: number) => {
      let rest = value;
      while (rest >= 0x80) {
        bytes.push((rest & 0x7f) | 0x80);
        rest = Math.floor(rest / 128);
      }
      bytes.push(rest);
    };
    varUint(states.length);
    states.forEach((state, i) => {
      varUint(1000 + i);
      varUint(1);
      const text = new TextEncoder().encode(state);
      varUint(text.length);
      bytes.push(...text);
    });
    return Uint8Array.from(bytes);
  }
  const presence = 'Ab-_09'.repeat(43).slice(0, 256);

  it('may be empty, gone, or carry exactly one sealed presence record', () => {
    expect(isAllowedPhoneAwareness(awareness())).toBe(true);
    expect(isAllowedPhoneAwareness(awareness('{}', 'null'))).toBe(true);
    expect(isAllowedPhoneAwareness(awareness(JSON.stringify({ p: presence })))).toBe(true);
    expect(isAllowedPhoneAwareness(awareness('{"p":"x"}', '{}'))).toBe(true);
  });

  it.each([
    ['text', '{"name":"Anna"}'],
    ['a second key', '{"p":"abc","name":"Anna"}'],
    ['a repeated key', '{"p":"abc","p":"def"}'],
    ['whitespace', '{ "p": "abc" }'],
    ['characters outside base64url', '{"p":"ab+c/="}'],
    ['a space', '{"p":"ab c"}'],
    ['an empty record', '{"p":""}'],
    ['more than 256 characters', JSON.stringify({ p: `${presence}A` })],
    ['a number', '{"p":12}'],
    ['an object', '{"p":{"q":"abc"}}'],
    ['an array', '["abc"]'],
    ['a string', '"abc"'],
    ['broken JSON', '{"p":"abc"'],
    ['an escaped character', '{"p":"\\u0041bc"}'],
  ])('refuses %s', (_, state) => {
    expect(isAllowedPhoneAwareness(awareness(state))).toBe(false);
    expect(isAllowedPhoneAwareness(awareness('{}', state))).toBe(false);
  });
});
