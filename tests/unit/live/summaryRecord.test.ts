// @vitest-environment node
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { PhoneSummaryV1 } from '../../../src/domain/agreements/phoneSummary';
import {
  createSessionCipher,
  getMetaMap,
  makeSessionId,
  makeSessionKey,
  META_SUMMARY,
  openPhoneSummary,
  readPhoneSummary,
  readSummaryEnvelope,
  sealDefinition,
  sealPhoneSummary,
  writeSummaryEnvelope,
} from '../../../src/domain/live';
import { buildSessionDefinition } from '../../../src/domain/live/definition';
import { buildScan } from '../../fixtures/buildScan';

// The results on the phones, sealed with the session key (docs/live-sessions.md "The results on the phones").

function cipher(sessionId = makeSessionId(), key = makeSessionKey()) {
  const made = createSessionCipher(sessionId, key);
  if (!made.ok) throw new Error(made.error);
  return made.value;
}

const summary: PhoneSummaryV1 = {
  v: 1,
  thermometer: { value: 3.45, band: 'attention' },
  thermostat: { value: 2.9, band: 'concern' },
  statements: [{ itemId: 'q01', kind: 'thermometer', chainMean: 3.45, band: 'attention', gapClass: 'discussionPoint', gap: 1.5, high: [{ name: 'Politie' }], low: [{ pooled: true }] }],
  agreements: [{ itemId: 'q01', what: 'Eén overleg per gezin', partners: ['Politie'], due: '2027-03-01', votes: 4 }],
  omittedAgreements: 0,
};

describe('the sealed summary', () => {
  it('opens with the session key only, and the relay sees none of its words', async () => {
    const sessionId = makeSessionId();
    const key = makeSessionKey();
    const envelope = (await sealPhoneSummary(cipher(sessionId, key), summary))!;
    expect(await openPhoneSummary(cipher(sessionId, key), envelope)).toEqual(summary);
    expect(await openPhoneSummary(cipher(sessionId), envelope)).toBeNull();
    expect(await openPhoneSummary(cipher(makeSessionId(), key), envelope)).toBeNull();
    const bytes = new TextDecoder('latin1').decode(envelope);
    for (const word of ['Politie', 'overleg', 'attention', 'q01']) expect(bytes).not.toContain(word);
  });

  it('is bound to its kind: a definition sealed for the same session does not open as a summary', async () => {
    const own = cipher();
    const definition = await sealDefinition(own, buildSessionDefinition(buildScan(), new Date('2026-12-07T10:00:00Z')));
    expect(await openPhoneSummary(own, definition)).toBeNull();
  });

  it('is written under meta.summary, replaced, and removed; a phone reads what is there', async () => {
    const own = cipher();
    const director = new Y.Doc();
    const phone = new Y.Doc();
    director.on('update', (update: Uint8Array) => Y.applyUpdate(phone, update));
    expect(await readPhoneSummary(own, phone)).toEqual({ ok: true, summary: null });
    writeSummaryEnvelope(director, (await sealPhoneSummary(own, summary))!);
    expect(getMetaMap(phone).get(META_SUMMARY)).toBeInstanceOf(Uint8Array);
    expect(await readPhoneSummary(own, phone)).toEqual({ ok: true, summary });
    const changed = { ...summary, agreements: [] };
    writeSummaryEnvelope(director, (await sealPhoneSummary(own, changed))!);
    expect(await readPhoneSummary(own, phone)).toEqual({ ok: true, summary: changed });
    writeSummaryEnvelope(director, null);
    expect(readSummaryEnvelope(phone)).toBeNull();
    expect(await readPhoneSummary(own, phone)).toEqual({ ok: true, summary: null });
    // Something there that does not open: said, not shown as results.
    getMetaMap(director).set(META_SUMMARY, new Uint8Array(80));
    expect(await readPhoneSummary(own, phone)).toEqual({ ok: false });
  });
});
