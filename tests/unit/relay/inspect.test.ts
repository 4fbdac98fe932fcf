// @vitest-environment node
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { makeRecordId } from '../../../src/domain/live';
import { inspectPhoneUpdate } from '../../../src/relay/rules';

const LIMIT = 1024 * 1024;

/** The relay's document with a definition that was replaced once (so it has a delete set) and one response. */
function relayDocument(): { relay: Y.Doc; existing: string } {
  const relay = new Y.Doc();
  relay.getMap('meta').set('definition', new Uint8Array(40));
  relay.getMap('meta').set('definition', new Uint8Array(41));
  const existing = makeRecordId();
  relay.getMap('responses').set(existing, new Uint8Array(50));
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
    phone.getMap('responses').set(makeRecordId(), new Uint8Array(60));
    expect(inspectPhoneUpdate(relay, diff(phone, relay), LIMIT)).toBe('accepted');
  });

  it("accepts a phone replacing its own record before it was ever sent (it deletes nothing the relay has)", () => {
    const { relay } = relayDocument();
    const phone = phoneOf(relay);
    const id = makeRecordId();
    phone.getMap('responses').set(id, new Uint8Array(60));
    phone.getMap('responses').set(id, new Uint8Array(61));
    expect(inspectPhoneUpdate(relay, diff(phone, relay), LIMIT)).toBe('accepted');
  });

  it('refuses deleting or overwriting what the relay has, and writing outside responses', () => {
    const cases: [(phone: Y.Doc, existing: string) => void, string][] = [
      [(phone, existing) => phone.getMap('responses').delete(existing), 'changes-existing-data'],
      [(phone, existing) => phone.getMap('responses').set(existing, new Uint8Array(50)), 'changes-existing-data'],
      [(phone) => phone.getMap('meta').delete('definition'), 'changes-existing-data'],
      [(phone) => phone.getMap('meta').set('closed', false), 'outside-responses'],
      [(phone) => phone.getArray('other').insert(0, [1]), 'outside-responses'],
      [(phone) => phone.getMap('responses').set(makeRecordId(), new Y.Map()), 'invalid-record'],
      [(phone) => phone.getMap('responses').set(makeRecordId(), new Uint8Array(21 * 1024)), 'invalid-record'],
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
    director.getMap('responses').set(makeRecordId(), new Uint8Array(50));
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
    phone.getMap('responses').set(makeRecordId(), new Uint8Array(60));
    expect(inspectPhoneUpdate(relay, diff(phone, relay), 100)).toBe('document-too-large');
  });
});
