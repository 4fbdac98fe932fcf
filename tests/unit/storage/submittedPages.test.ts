import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyseScanProtected, collectFreeTexts, FreeTextCollector } from '../../../src/domain/analysis';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import type { Response } from '../../../src/domain/types';
import { db } from '../../../src/storage/db';
import { readSubmittedInPages } from '../../../src/storage/submittedPages';

// What people wrote, read page by page (docs/scale.md "What people wrote"): the texts gathered
// from pages equal the texts of all responses at once, whatever the page size, and the anonymity
// guard still decides whose texts count.

const NOW = new Date('2026-11-22T09:00:00.000Z');
const demo = generateDemoScan({ now: NOW });
const scan = { ...demo.scan, organisations: [...demo.scan.organisations, { id: 'lone', name: 'Eenling' }] };
const itemIds = scan.instrument.items.map((item) => item.id);

function withTexts(responses: readonly Response[]): Response[] {
  return responses.map((response, i) => ({
    ...response,
    comments: i % 3 === 0 ? { [itemIds[i % itemIds.length]!]: `Opmerking ${i}` } : {},
    improvement: i % 4 === 0 ? `Verbeterpunt ${i}` : '',
  }));
}

// The demo's two small organisations are left out, so that the one below cannot join a pool.
const submitted = withTexts(demo.responses.filter((r) => r.status === 'submitted' && r.organisationId !== 'parlan' && r.organisationId !== 'openbaar-ministerie'));
// One person of an organisation that forms no group: their texts must never be shown.
const lone: Response = { ...submitted[0]!, id: '00000000-0000-4000-8000-00000000beef', organisationId: 'lone', comments: { [itemIds[0]!]: 'Alleen ik zeg dit' }, improvement: 'Mijn geheim' };
const draft: Response = { ...submitted[1]!, id: '00000000-0000-4000-8000-00000000d0af', status: 'draft', submittedAt: null, comments: { [itemIds[0]!]: 'Concept' } };
const otherScan: Response = { ...submitted[2]!, id: '00000000-0000-4000-8000-0000000000ff', scanId: 'other', comments: { [itemIds[0]!]: 'Andere scan' } };
const all = [...submitted, lone];
const analysis = analyseScanProtected({ instrument: scan.instrument, organisations: scan.organisations, responses: all, settings: scan.settings });

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.scans.add(scan);
  await db.responses.bulkAdd([...all, draft, otherScan]);
});

async function textsInPages(pageSize: number) {
  const collector = new FreeTextCollector(analysis);
  const sizes: number[] = [];
  const read = await readSubmittedInPages(
    scan.id,
    (page) => {
      sizes.push(page.length);
      collector.add(page);
    },
    pageSize,
  );
  return { texts: collector.result(), sizes, read };
}

describe('what people wrote, page by page', () => {
  it('reads the submitted responses of this scan in pages no larger than asked', async () => {
    const { sizes, read } = await textsInPages(7);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(all.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(7);
    expect(read.pages).toBe(Math.ceil(all.length / 7));
    expect(sizes.length).toBe(read.pages);
  });

  it('gives the same texts as reading every response at once, for any page size', async () => {
    const whole = collectFreeTexts(all, analysis);
    expect(whole.comments.length).toBeGreaterThan(0);
    expect(whole.improvements.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: all.length + 3 }), async (pageSize) => {
        expect((await textsInPages(pageSize)).texts).toEqual(whole);
      }),
      { numRuns: 15 },
    );
  });

  it('keeps the anonymity guard: no text of an organisation without a group, of a draft or of another scan', async () => {
    expect(analysis.anonymity.suppressedOrganisationIds).toContain('lone');
    const { texts } = await textsInPages(5);
    const shown = JSON.stringify(texts);
    for (const hidden of ['Alleen ik', 'geheim', 'lone', 'Concept', 'Andere scan']) expect(shown).not.toContain(hidden);
    // Every text is shown under a group of the analysis, never under a single small organisation.
    const groupIds = new Set(analysis.groups.map((g) => g.id));
    for (const text of [...texts.improvements, ...texts.comments.flatMap((c) => c.texts)]) expect(groupIds.has(text.groupId)).toBe(true);
  });
});
