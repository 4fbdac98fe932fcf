import { describe, expect, it } from 'vitest';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import { createNextRound, titleForRound } from '../../../src/domain/rounds/nextRound';

describe('the next round of a scan', () => {
  it('names the round, replacing an earlier round number', () => {
    expect(titleForRound('Workshop Zuid', 2)).toBe('Workshop Zuid — ronde 2');
    expect(titleForRound('Workshop Zuid — ronde 2', 3)).toBe('Workshop Zuid — ronde 3');
    expect(titleForRound('Workshop — round 4', 5)).toBe('Workshop — ronde 5');
  });

  it('copies partners, settings and questionnaire, opens it and links it; nothing device-local', () => {
    const { scan } = generateDemoScan({ now: new Date('2026-11-22T09:00:00.000Z') });
    const previous = { ...scan, status: 'closed' as const, exitPin: '1234' };
    const next = createNextRound(previous, { id: 'new', series: { id: 's', round: 2 }, date: '2027-05-01', now: new Date('2027-04-20T10:00:00.000Z') });
    expect(next).toEqual({
      id: 'new',
      title: 'Demo — Workshop ketensamenwerking gezinnen — ronde 2',
      date: '2027-05-01',
      settings: scan.settings,
      instrument: scan.instrument,
      organisations: scan.organisations,
      status: 'open',
      isDemo: false,
      createdAt: '2027-04-20T10:00:00.000Z',
      series: { id: 's', round: 2 },
    });
    // A copy, not the same objects: editing the new round's questionnaire leaves the old one alone.
    expect(next.instrument).not.toBe(scan.instrument);
  });
});

describe('the questionnaire of the next round', () => {
  it('is the version given, as a scan holds it (its id and name, no library bookkeeping)', () => {
    const { scan } = generateDemoScan({ now: new Date('2026-11-22T09:00:00.000Z') });
    const saved = { ...structuredClone(scan.instrument), version: 3, versionId: 'v3-id', versionName: 'Najaar', savedAt: '2027-03-01T00:00:00.000Z', basedOn: null };
    const next = createNextRound(scan, { id: 'new', series: { id: 's', round: 2 }, date: '2027-05-01', now: new Date('2027-04-20T10:00:00.000Z'), instrument: saved });
    expect(next.instrument).toEqual({ id: scan.instrument.id, version: 3, versionId: 'v3-id', versionName: 'Najaar', title: scan.instrument.title, dimensions: scan.instrument.dimensions, items: scan.instrument.items });
  });
});
