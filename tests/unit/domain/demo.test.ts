import { describe, expect, it } from 'vitest';
import { isAnswer } from '../../../src/domain/answers';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';

const now = new Date('2026-11-22T08:00:00.000Z');

function organisationMean(demo: ReturnType<typeof generateDemoScan>, organisationId: string, itemId: string): number {
  const scores = demo.responses
    .filter((r) => r.organisationId === organisationId)
    .map((r) => r.answers[itemId])
    .filter((a): a is 1 | 2 | 3 | 4 | 5 => typeof a === 'number');
  return scores.reduce((s, v) => s + v, 0) / scores.length;
}

describe('the demo workshop', () => {
  const demo = generateDemoScan({ now });

  it('is the same for the same seed and different for another', () => {
    expect(generateDemoScan({ now })).toEqual(demo);
    expect(generateDemoScan({ now, seed: 7 }).responses).not.toEqual(demo.responses);
  });

  it('has the seven partners with 2–6 submitted respondents each', () => {
    expect(demo.scan.organisations.map((o) => o.name)).toEqual([
      'Politie', 'Openbaar Ministerie', 'Jeugdbescherming', 'Gemeente', 'William Schrikker Groep', 'Parlan', 'Veiligheidshuis',
    ]);
    for (const org of demo.scan.organisations) {
      const n = demo.responses.filter((r) => r.organisationId === org.id).length;
      expect(n, org.name).toBeGreaterThanOrEqual(2);
      expect(n, org.name).toBeLessThanOrEqual(6);
    }
    expect(demo.scan.isDemo).toBe(true);
    expect(demo.responses.every((r) => r.status === 'submitted' && r.submittedAt !== null && r.scanId === demo.scan.id)).toBe(true);
  });

  it('answers every statement with a valid answer, with some don\'t-knows, keywords and comments', () => {
    const answers = demo.responses.flatMap((r) => Object.values(r.answers));
    expect(answers.every(isAnswer)).toBe(true);
    expect(answers.filter((a) => a === 'dk').length).toBeGreaterThan(2);
    expect(demo.responses.every((r) => r.keywords.length >= 1)).toBe(true);
    expect(demo.responses.some((r) => Object.keys(r.comments).length > 0)).toBe(true);
  });

  it('shows a large perception gap on coordination per family (q05)', () => {
    const gemeente = organisationMean(demo, 'gemeente', 'q05');
    const jeugdbescherming = organisationMean(demo, 'jeugdbescherming', 'q05');
    expect(gemeente - jeugdbescherming).toBeGreaterThanOrEqual(1.5);
  });

  it('uses version-4 UUIDs for the scan and every response', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(demo.scan.id).toMatch(uuid);
    for (const r of demo.responses) expect(r.id).toMatch(uuid);
    expect(new Set(demo.responses.map((r) => r.id)).size).toBe(demo.responses.length);
  });
});
