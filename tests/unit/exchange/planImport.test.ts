import { describe, expect, it } from 'vitest';
import {
  buildExchangeFile,
  collectImportIds,
  describeConflict,
  describeImportNote,
  describeImportRefusal,
  describeResponseFields,
  finaliseImport,
  parseExchangeFile,
  planImport,
  type ExchangeFileV1,
} from '../../../src/domain/exchange';
import type { Response, Scan, SubmittedResponse } from '../../../src/domain/types';
import { versionIdOf } from '../../../src/domain/instrument/versions';
import { EXPORTED_AT, GENERATOR, SMALL_RESPONSES, SMALL_SCAN } from '../../fixtures/exchange/smallScan';
import { expectOk, MemoryStore } from './helpers';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const submitted = SMALL_RESPONSES.filter((r): r is SubmittedResponse => r.status === 'submitted');
const draft = SMALL_RESPONSES.find((r) => r.status === 'draft') as Response;

function exportOf(scan: Scan, responses: readonly Response[]): ExchangeFileV1 {
  // Through JSON text and the parser, as a real import gets it.
  return expectOk(parseExchangeFile(JSON.stringify(buildExchangeFile([{ scan, responses }], EXPORTED_AT, GENERATOR))));
}

function plan(store: MemoryStore, files: ExchangeFileV1[]) {
  return planImport(store.existing, files, { now: NOW });
}

const smallFile = exportOf(SMALL_SCAN, SMALL_RESPONSES);

describe('planImport on an empty device', () => {
  it('adds the scan and its submitted responses, counted per file and in total', () => {
    const result = plan(new MemoryStore(), [smallFile]);
    expect(result.totals).toEqual({
      scansToAdd: 1,
      scansAlreadyPresent: 0,
      scansInEarlierFile: 0,
      organisationsToAdd: 0,
      responsesToAdd: 5,
      duplicates: 0,
      copiesInImport: 0,
      conflicts: 0,
      refusedScans: 0,
      refusedResponses: 0,
      agreementsToAdd: 0,
      agreementsToUpdate: 0,
      agreementsKept: 0,
      votesToAdd: 0,
      votesToUpdate: 0,
      votesKept: 0,
      refusedAgreementsAndVotes: 0,
      // The scan's questionnaire is the built-in one: no version to add (instrumentVersions.ts).
      versionsToAdd: 0,
      versionsKept: 0,
    });
    expect(result.files).toEqual([{ fileIndex: 0, counts: result.totals }]);
    expect(result.scansToAdd[0]).toMatchObject({ id: SMALL_SCAN.id, status: 'open', isDemo: false, createdAt: NOW.toISOString() });
    expect(result.responsesToAdd.every((r) => r.status === 'submitted' && r.scanId === SMALL_SCAN.id)).toBe(true);
    expect(result.scans[SMALL_SCAN.id]).toMatchObject({ title: 'Workshop ketensamenwerking Zuid', organisationNames: { politie: 'Politie', gemeente: 'Gemeente' } });
    expect(result.scans[SMALL_SCAN.id]?.itemIds).toHaveLength(13);
  });

  it('counts copies of one scan within one import once, not as "already here"', () => {
    // One phone file per participant: the same scan in every file, a response each.
    const phoneFiles = submitted.map((r) => exportOf(SMALL_SCAN, [r]));
    const result = plan(new MemoryStore(), [...phoneFiles, phoneFiles[0]!]);
    expect(result.totals).toMatchObject({
      scansToAdd: 1,
      scansAlreadyPresent: 0,
      responsesToAdd: submitted.length,
      duplicates: 0,
      copiesInImport: 1,
    });
    expect(result.files[1]?.counts).toMatchObject({ scansToAdd: 0, scansAlreadyPresent: 0, scansInEarlierFile: 1, responsesToAdd: 1 });
    // Against a device that has the scan: one scan already here, however many files name it.
    const store = new MemoryStore([{ scan: SMALL_SCAN, responses: [] }]);
    expect(plan(store, phoneFiles).totals).toMatchObject({ scansToAdd: 0, scansAlreadyPresent: 1, responsesToAdd: submitted.length });
  });

  it('is idempotent: importing the same file again finds only duplicates', () => {
    const store = new MemoryStore();
    store.apply(finaliseImport(plan(store, [smallFile])));
    const again = plan(store, [smallFile]);
    expect(again.totals).toMatchObject({ scansToAdd: 0, scansAlreadyPresent: 1, responsesToAdd: 0, duplicates: 5, conflicts: 0 });
    expect(finaliseImport(again)).toEqual({ scansToAdd: [], scansToUpdate: [], responsesToAdd: [], responsesToReplace: [], agreementsToPut: [], votesToPut: [] });
  });

  it('names the ids to preload from storage', () => {
    expect(collectImportIds([smallFile, smallFile])).toEqual({
      scanIds: [SMALL_SCAN.id],
      responseIds: smallFile.scans[0]?.responses.map((r) => r.id),
      agreementIds: [],
      voteIds: [],
      versionIds: [versionIdOf(SMALL_SCAN.instrument)],
    });
  });
});

describe('planImport against stored data', () => {
  it('skips a response with the same id and content, whatever the key order', () => {
    const reordered = submitted.map((r) => ({ ...r, answers: Object.fromEntries(Object.entries(r.answers).reverse()) }));
    const store = new MemoryStore([{ scan: SMALL_SCAN, responses: reordered }]);
    const result = plan(store, [smallFile]);
    expect(result.totals).toMatchObject({ scansAlreadyPresent: 1, duplicates: 5, responsesToAdd: 0, conflicts: 0 });
    expect(result.duplicates[0]).toMatchObject({ fileIndex: 0, existingFileIndex: null });
  });

  it('adds only the responses that are new', () => {
    const store = new MemoryStore([{ scan: SMALL_SCAN, responses: submitted.slice(0, 2) }]);
    expect(plan(store, [smallFile]).totals).toMatchObject({ duplicates: 2, responsesToAdd: 3 });
  });

  it('reports a conflict for the same id with other content and overwrites nothing without a choice', () => {
    const changed = { ...(submitted[0] as SubmittedResponse), answers: { ...submitted[0]?.answers, q05: 5 as const }, improvement: 'Anders.' };
    const store = new MemoryStore([{ scan: SMALL_SCAN, responses: [changed] }]);
    const result = plan(store, [smallFile]);
    expect(result.totals).toMatchObject({ conflicts: 1, responsesToAdd: 4 });
    const conflict = result.conflicts[0];
    expect(conflict).toMatchObject({ responseId: changed.id, existingFileIndex: null, differences: ['answers', 'improvement'], key: `0:${changed.id}` });
    expect(conflict?.existing).toEqual(changed);
    expect(describeResponseFields(conflict?.differences ?? [], 'en')).toBe('answers and point to improve');
    expect(describeResponseFields(conflict?.differences ?? [], 'nl')).toBe('antwoorden en verbeterpunt');
    // What the director sees: whose response, in which scan, the full id, old against new.
    const described = describeConflict(conflict!, result.scans[SMALL_SCAN.id], 'en');
    expect(described.heading).toMatch(/^Response of "Politie", sent in on .+, in scan "Workshop ketensamenwerking Zuid"$/);
    expect(described.responseId).toBe(changed.id);
    expect([described.existingSide, described.incomingSide]).toEqual(['The copy on this device', 'In file 1']);
    expect(described.differences).toEqual([
      { label: 'Statement 5', existing: '5', incoming: String(submitted[0]?.answers.q05) },
      { label: 'Point to improve', existing: '"Anders."', incoming: submitted[0]?.improvement ? `"${submitted[0].improvement}"` : '(none)' },
    ]);
    expect(describeConflict(conflict!, result.scans[SMALL_SCAN.id], 'nl').differences[0]).toEqual({ label: 'Stelling 5', existing: '5', incoming: String(submitted[0]?.answers.q05) });

    const keep = finaliseImport(result);
    expect(keep.responsesToReplace).toEqual([]);
    expect(finaliseImport(result, { [conflict?.key ?? '']: 'keep-existing' })).toEqual(keep);
    store.apply(keep);
    expect(store.responses.get(changed.id)).toEqual(changed);

    const use = finaliseImport(result, { [conflict?.key ?? '']: 'use-incoming' });
    expect(use.responsesToReplace.map((r) => r.id)).toEqual([changed.id]);
    const other = new MemoryStore([{ scan: SMALL_SCAN, responses: [changed] }]);
    other.apply(use);
    expect(other.responses.get(changed.id)?.answers.q05).toBe(2);
    expect(other.responsesOf(SMALL_SCAN.id)).toHaveLength(5);
  });

  it('treats a stored draft with the same id as a conflict on status', () => {
    const asDraft: Response = { ...(submitted[0] as Response), status: 'draft', submittedAt: null };
    const result = plan(new MemoryStore([{ scan: SMALL_SCAN, responses: [asDraft] }]), [smallFile]);
    expect(result.conflicts[0]?.differences).toEqual(['submittedAt', 'status']);
  });

  it('refuses a scan whose instrument differs from the stored one, with all its responses', () => {
    const edited: Scan = structuredClone(SMALL_SCAN);
    (edited.instrument.items[4] as { text: { nl: string } }).text.nl = 'Per gezin is duidelijk wie de regie voert.';
    const store = new MemoryStore([{ scan: edited, responses: [] }]);
    const result = plan(store, [smallFile]);
    expect(result.totals).toMatchObject({ scansToAdd: 0, responsesToAdd: 0, refusedScans: 1, refusedResponses: 5 });
    const refusal = result.refusals[0];
    expect(refusal).toMatchObject({ reason: 'instrument-differs', path: 'scans[0]', scanId: SMALL_SCAN.id, responseCount: 5, existingFileIndex: null });
    if (!refusal) return;
    expect(describeImportRefusal(refusal, 'en')).toBe(
      'file 1, scans[0]: scan "Workshop ketensamenwerking Zuid" has other statements (quickscan-ketensamenwerking v1) than the copy on this device (quickscan-ketensamenwerking v1); the scan and its 5 responses are not read in',
    );
    expect(describeImportRefusal(refusal, 'nl')).toBe(
      'bestand 1, scans[0]: scan "Workshop ketensamenwerking Zuid" heeft andere stellingen (quickscan-ketensamenwerking v1) dan de versie op dit apparaat (quickscan-ketensamenwerking v1); de scan en zijn 5 antwoorden worden niet ingelezen',
    );
    expect(finaliseImport(result)).toEqual({ scansToAdd: [], scansToUpdate: [], responsesToAdd: [], responsesToReplace: [], agreementsToPut: [], votesToPut: [] });
  });

  it('compares instruments as content, so key order in the stored copy does not matter', () => {
    const reordered: Scan = structuredClone(SMALL_SCAN);
    reordered.instrument = JSON.parse(JSON.stringify(reordered.instrument, Object.keys(reordered.instrument).reverse().concat(['nl', 'en', 'label', 'text', 'kind', 'dimension'])));
    reordered.instrument.items = SMALL_SCAN.instrument.items.map(({ text, kind, dimension, id }) => ({ text: { en: text.en, nl: text.nl }, kind, dimension, id }));
    expect(plan(new MemoryStore([{ scan: reordered, responses: [] }]), [smallFile]).totals.refusedScans).toBe(0);
  });

  it('refuses a response whose id is stored under another scan', () => {
    const otherScan: Scan = { ...structuredClone(SMALL_SCAN), id: '11111111-2222-4333-8444-555555555555' };
    const stolen = { ...(submitted[0] as SubmittedResponse), scanId: otherScan.id };
    const result = plan(new MemoryStore([{ scan: otherScan, responses: [stolen] }]), [smallFile]);
    expect(result.totals).toMatchObject({ scansToAdd: 1, responsesToAdd: 4, refusedResponses: 1 });
    const refusal = result.refusals[0];
    expect(refusal).toMatchObject({ reason: 'response-in-other-scan', existingScanId: otherScan.id, responseId: stolen.id });
    if (refusal) expect(describeImportRefusal(refusal, 'en')).toContain('already belongs to another scan in the copy on this device');
  });

  it('adds organisations the stored scan lacks and keeps stored names and details, with notes', () => {
    const stored: Scan = {
      ...structuredClone(SMALL_SCAN),
      title: 'Workshop Zuid (mijn kopie)',
      organisations: [
        { id: 'politie', name: 'Politie Zuid' },
        { id: 'gemeente', name: 'Gemeente' },
      ],
    };
    const store = new MemoryStore([{ scan: stored, responses: [] }]);
    const result = plan(store, [smallFile]);
    expect(result.totals).toMatchObject({ scansAlreadyPresent: 1, organisationsToAdd: 1, responsesToAdd: 5 });
    expect(result.scanUpdates).toEqual([
      {
        scanId: SMALL_SCAN.id,
        organisations: [...stored.organisations, { id: 'jeugdbescherming', name: 'Jeugdbescherming' }],
        addedOrganisations: [{ id: 'jeugdbescherming', name: 'Jeugdbescherming' }],
      },
    ]);
    expect(result.notes.map((n) => describeImportNote(n, 'en'))).toEqual([
      'file 1: title: this file differs from the copy on this device, which is kept',
      'file 1: organisation "Politie" is known here as "Politie Zuid"; the name "Politie Zuid" is kept',
      'file 1: organisations added to the scan: "Jeugdbescherming"',
    ]);
    store.apply(finaliseImport(result));
    expect(store.scans.get(SMALL_SCAN.id)?.title).toBe('Workshop Zuid (mijn kopie)');
    expect(store.scans.get(SMALL_SCAN.id)?.organisations.map((o) => o.id)).toEqual(['politie', 'gemeente', 'jeugdbescherming']);
    expect(store.responsesOf(SMALL_SCAN.id)).toHaveLength(5);
  });

  it('notes differing extras or start language as different settings, keeps the stored ones and the stored series', () => {
    const stored: Scan = { ...structuredClone(SMALL_SCAN), series: { id: 'reeks-hier', round: 1 } };
    const store = new MemoryStore([{ scan: stored, responses: [] }]);
    const same = plan(store, [smallFile]);
    expect(same.notes.map((n) => describeImportNote(n, 'en'))).not.toContain('file 1: settings: this file differs from the copy on this device, which is kept');
    const other = exportOf({ ...SMALL_SCAN, settings: { ...SMALL_SCAN.settings, askKeywords: false, startLanguage: 'en' }, series: { id: 'reeks-elders', round: 3 } }, SMALL_RESPONSES);
    const result = plan(store, [other]);
    expect(result.notes.map((n) => describeImportNote(n, 'en'))).toContain('file 1: settings: this file differs from the copy on this device, which is kept');
    store.apply(finaliseImport(result));
    expect(store.scans.get(SMALL_SCAN.id)?.settings).toEqual(SMALL_SCAN.settings);
    expect(store.scans.get(SMALL_SCAN.id)?.series).toEqual({ id: 'reeks-hier', round: 1 });
  });

  it('reads an explicit "asked" as the same as an absent setting', () => {
    const store = new MemoryStore([{ scan: structuredClone(SMALL_SCAN), responses: [] }]);
    const explicit = exportOf({ ...SMALL_SCAN, settings: { ...SMALL_SCAN.settings, askComments: true, askKeywords: true, askImprovement: true, startLanguage: 'nl' } }, []);
    expect(plan(store, [explicit]).notes).toEqual([]);
  });
});

describe('planImport across several files', () => {
  it('compares a response with the same id in an earlier file: duplicate or conflict', () => {
    const first = exportOf(SMALL_SCAN, submitted.slice(0, 3));
    const second = exportOf(SMALL_SCAN, submitted.slice(2));
    const result = plan(new MemoryStore(), [first, second]);
    expect(result.files.map((f) => f.counts)).toMatchObject([
      { scansToAdd: 1, responsesToAdd: 3 },
      { scansAlreadyPresent: 0, scansInEarlierFile: 1, responsesToAdd: 2, duplicates: 0, copiesInImport: 1 },
    ]);
    expect(result.duplicates[0]).toMatchObject({ fileIndex: 1, existingFileIndex: 0 });
    expect(result.scansToAdd).toHaveLength(1);

    const changed = { ...(submitted[2] as SubmittedResponse), level: 'bestuur' as const };
    const third = exportOf(SMALL_SCAN, [changed]);
    const withConflict = plan(new MemoryStore(), [first, third]);
    expect(withConflict.conflicts[0]).toMatchObject({ fileIndex: 1, existingFileIndex: 0, differences: ['level'], key: `1:${changed.id}` });
    const kept = finaliseImport(withConflict);
    expect(kept.responsesToAdd.find((r) => r.id === changed.id)?.level).toBe(null);
    const used = finaliseImport(withConflict, { [`1:${changed.id}`]: 'use-incoming' });
    expect(used.responsesToAdd.find((r) => r.id === changed.id)?.level).toBe('bestuur');
    expect(used.responsesToAdd).toHaveLength(3);
    expect(used.responsesToReplace).toEqual([]);
  });

  it('refuses a scan in a later file whose instrument differs from the one an earlier file adds', () => {
    const edited: Scan = structuredClone(SMALL_SCAN);
    edited.instrument.version = 2;
    const result = plan(new MemoryStore(), [smallFile, exportOf(edited, [])]);
    expect(result.refusals[0]).toMatchObject({ reason: 'instrument-differs', fileIndex: 1, existingFileIndex: 0, incomingInstrument: { version: 2 } });
    expect(describeImportRefusal(result.refusals[0] as never, 'en')).toContain('than file 1 (quickscan-ketensamenwerking v1)');
  });

  it('gives a scan added by an earlier file the organisations a later file brings', () => {
    const fewer: Scan = { ...structuredClone(SMALL_SCAN), organisations: SMALL_SCAN.organisations.slice(0, 2) };
    const result = plan(new MemoryStore(), [exportOf(fewer, submitted.slice(0, 2)), smallFile]);
    expect(result.scanUpdates).toEqual([]);
    expect(result.scansToAdd[0]?.organisations.map((o) => o.id)).toEqual(['politie', 'gemeente', 'jeugdbescherming']);
    expect(result.totals).toMatchObject({ organisationsToAdd: 1, responsesToAdd: 5, duplicates: 0, copiesInImport: 2 });
  });

  it('never sees duplicate ids inside one file: the parser refuses those files', () => {
    const file = buildExchangeFile([{ scan: SMALL_SCAN, responses: [submitted[0] as Response, { ...(submitted[1] as Response), id: submitted[0]?.id ?? '' }] }], EXPORTED_AT, GENERATOR);
    const parsed = parseExchangeFile(JSON.stringify(file));
    expect(parsed.ok ? 'ok' : parsed.error.code).toBe('duplicate-response-id');
  });
});

describe('plan and draft', () => {
  it('leaves a device draft of another id alone', () => {
    const store = new MemoryStore([{ scan: SMALL_SCAN, responses: [draft] }]);
    store.apply(finaliseImport(plan(store, [smallFile])));
    expect(store.responses.get(draft.id)).toEqual(draft);
  });
});
