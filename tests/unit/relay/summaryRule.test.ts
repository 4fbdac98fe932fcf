// @vitest-environment node
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { makeRecordId, META_SUMMARY } from '@ketenscan/live-protocol';
import { inspectPhoneUpdate } from '../../../relay/src/rules';
import { sealedLike } from './helpers';

// Only the director writes meta.summary, the results on the phones (docs/live-sessions.md "The
// results on the phones"): a phone that holds the link cannot put results of its own there, nor
// change or remove the director's. The pure rule, as the relay applies it to a phone's update.

const LIMIT = 1024 * 1024;

function relayWith(summary: boolean): Y.Doc {
  const relay = new Y.Doc();
  relay.getMap('meta').set('definition', sealedLike(120));
  if (summary) relay.getMap('meta').set(META_SUMMARY, sealedLike(200));
  return relay;
}

function phoneOf(relay: Y.Doc): Y.Doc {
  const phone = new Y.Doc();
  Y.applyUpdate(phone, Y.encodeStateAsUpdate(relay));
  return phone;
}

const diff = (phone: Y.Doc, relay: Y.Doc) => Y.encodeStateAsUpdate(phone, Y.encodeStateVector(relay));

describe('meta.summary on the relay', () => {
  it("refuses a phone's summary where the director has none", () => {
    const relay = relayWith(false);
    const phone = phoneOf(relay);
    phone.getMap('meta').set(META_SUMMARY, sealedLike(200));
    expect(inspectPhoneUpdate(relay, diff(phone, relay), LIMIT)).toBe('outside-responses');
  });

  it("refuses a phone replacing or removing the director's summary", () => {
    const replacing = relayWith(true);
    const phone = phoneOf(replacing);
    phone.getMap('meta').set(META_SUMMARY, sealedLike(210));
    expect(inspectPhoneUpdate(replacing, diff(phone, replacing), LIMIT)).not.toBe('accepted');
    const removing = relayWith(true);
    const other = phoneOf(removing);
    other.getMap('meta').delete(META_SUMMARY);
    expect(inspectPhoneUpdate(removing, diff(other, removing), LIMIT)).toBe('changes-existing-data');
  });

  it('still accepts a phone reading the summary and adding its response', () => {
    const relay = relayWith(true);
    const phone = phoneOf(relay);
    expect(inspectPhoneUpdate(relay, diff(phone, relay), LIMIT)).toBe('accepted');
    phone.getMap('responses').set(makeRecordId(), sealedLike(160));
    expect(inspectPhoneUpdate(relay, diff(phone, relay), LIMIT)).toBe('accepted');
  });
});
