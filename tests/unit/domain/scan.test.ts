import { describe, expect, it } from 'vitest';
import { isAnswer, isScore, listUnanswered } from '../../../src/domain/answers';
import { buildOrganisations, checkNewScan, checkSubmission, cleanKeywords, createDraftResponse, createScan, isIsoDate } from '../../../src/domain/scan';

const now = new Date('2026-11-22T10:00:00.000Z');
const scan = createScan({ id: 'scan-1', title: ' Workshop ', date: '2026-11-22', organisationNames: ['Politie', 'Gemeente'], now });

describe('answers', () => {
  it('accepts 1–5 and "dk" only', () => {
    for (const ok of [1, 2, 3, 4, 5, 'dk']) expect(isAnswer(ok)).toBe(true);
    for (const bad of [0, 6, 3.5, '3', null, undefined, 'DK', true]) expect(isAnswer(bad)).toBe(false);
    expect(isScore('dk')).toBe(false);
  });

  it('lists unanswered statements in instrument order', () => {
    expect(listUnanswered({ q02: 'dk', q03: 4 }, ['q01', 'q02', 'q03', 'q04'])).toEqual(['q01', 'q04']);
  });
});

describe('creating a scan', () => {
  it('trims the title, copies the default instrument and makes organisation ids from names', () => {
    expect(scan.title).toBe('Workshop');
    expect(scan.instrument.items).toHaveLength(13);
    expect(scan.organisations).toEqual([
      { id: 'politie', name: 'Politie' },
      { id: 'gemeente', name: 'Gemeente' },
    ]);
    expect(scan.status).toBe('open');
    expect(scan.settings).toEqual({ minGroupSize: 3, gapThreshold: 1, askLevel: true });
  });

  it('drops empty and repeated partner names and keeps ids unique', () => {
    expect(buildOrganisations(['  Politie ', '', 'politie', 'Zorg & Veiligheid', 'Zorg  Veiligheid', 'Ré-integratie'])).toEqual([
      { id: 'politie', name: 'Politie' },
      { id: 'zorg-veiligheid', name: 'Zorg & Veiligheid' },
      { id: 'zorg-veiligheid-2', name: 'Zorg Veiligheid' },
      { id: 're-integratie', name: 'Ré-integratie' },
    ]);
  });

  it('names every problem of a bad form', () => {
    expect(checkNewScan({ title: ' ', date: '2026-02-30', organisationNames: ['Politie'], settings: { minGroupSize: 0, gapThreshold: -1 } })).toEqual([
      'title-missing',
      'date-invalid',
      'too-few-organisations',
      'min-group-size-invalid',
      'gap-threshold-invalid',
    ]);
    expect(checkNewScan({ title: 'X', date: '2026-11-22', organisationNames: ['A', 'B'] })).toEqual([]);
    expect(isIsoDate('2026-11-22')).toBe(true);
    expect(isIsoDate('22-11-2026')).toBe(false);
  });
});

describe('submitting a response', () => {
  const draft = createDraftResponse({ id: 'r1', scan, organisationId: 'politie', level: 'management', now });

  it('is allowed for an organisation of the scan', () => {
    expect(checkSubmission(scan, { ...draft, answers: { q01: 4, q02: 'dk' } })).toBeNull();
  });

  it('is refused for an organisation that is not in the scan', () => {
    expect(checkSubmission(scan, { ...draft, organisationId: 'veiligheidshuis' })).toBe('unknown-organisation');
  });

  it('is refused for unknown statements, answers off the scale, closed scans and twice', () => {
    expect(checkSubmission(scan, { ...draft, answers: { q99: 3 } })).toBe('unknown-statement');
    expect(checkSubmission(scan, { ...draft, answers: { q01: 7 as never } })).toBe('invalid-answer');
    expect(checkSubmission({ ...scan, status: 'closed' }, draft)).toBe('scan-closed');
    expect(checkSubmission(scan, { ...draft, status: 'submitted' })).toBe('already-submitted');
    expect(checkSubmission(scan, { ...draft, scanId: 'other' })).toBe('wrong-scan');
  });

  it('does not ask for a level when the scan does not', () => {
    const noLevel = { ...scan, settings: { ...scan.settings, askLevel: false } };
    expect(createDraftResponse({ id: 'r2', scan: noLevel, organisationId: 'politie', level: 'bestuur', now }).level).toBeNull();
  });

  it('cleans keywords to at most three trimmed words', () => {
    expect(cleanKeywords(['  open ', '', ' warm  hart', 'vier', 'vijf'])).toEqual(['open', 'warm hart', 'vier']);
  });
});
