import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildExchangeFile,
  buildSingleResponseFile,
  collectImportIds,
  describeExchangeError,
  finaliseImport,
  parseExchangeFile,
  planImport,
  questionnaireFileName,
  serialiseExchangeFile,
  SNAPSHOT_SAVED_AT,
  versionsForExport,
} from '../../../src/domain/exchange';
import { copyDefaultInstrument } from '../../../src/domain/instrument/defaultInstrument';
import { instrumentSnapshot, versionIdOf, type InstrumentRecord } from '../../../src/domain/instrument/versions';
import { buildSessionDefinition } from '../../../src/domain/live/definition';
import type { Instrument, Scan, SubmittedResponse } from '../../../src/domain/types';
import { EXPORTED_AT, GENERATOR, SMALL_RESPONSES, SMALL_SCAN } from '../../fixtures/exchange/smallScan';
import { EXCHANGE_FIXTURES, expectOk, readFixture, schemaValidator } from './helpers';

const NOW = new Date('2026-12-07T10:00:00.000Z');
const V2_ID = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
const V3_ID = '9f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b';

/** The default questionnaire, edited: version 2 rewords q01 and adds q14 (replacing q13), version 3 names itself. */
function edited(version: number, versionId: string, name?: string): InstrumentRecord {
  const base = copyDefaultInstrument();
  const items = base.items.map((item, n) => (n === 0 ? { ...item, text: { nl: 'Wij delen een doel.', en: 'We share a goal.' } } : item));
  items[12] = { ...items[12]!, id: 'q14', replaces: 'q13' };
  const record: InstrumentRecord = {
    ...base,
    version,
    versionId,
    items,
    savedAt: `2026-12-0${version}T09:00:00.000Z`,
    basedOn: version === 2 ? { id: base.id, version: 1 } : { id: base.id, version: 2, versionId: V2_ID },
  };
  if (name !== undefined) record.versionName = name;
  return record;
}

const V2 = edited(2, V2_ID);
const V3 = { ...edited(3, V3_ID, 'Najaar 2026'), title: { nl: 'Ketenscan jeugd', en: 'Chain scan youth' } };
const scanOnV2: Scan = { ...structuredClone(SMALL_SCAN), id: '0d1e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a', instrument: instrumentSnapshot(V2) };
const ANSWERED = SMALL_RESPONSES.filter((r): r is SubmittedResponse => r.status === 'submitted').map((r) => ({ ...r, answers: {}, comments: {} }));

describe('questionnaire versions in a file', () => {
  it('writes a questionnaire file with only versions, which the schema and the reader accept as written', () => {
    const file = buildExchangeFile([], NOW, GENERATOR, { instrumentVersions: [V2, V3] });
    expect(file.scans).toEqual([]);
    expect(file.instrumentVersions?.map((v) => [v.versionId, v.version, v.versionName, v.savedAt, v.basedOn])).toEqual([
      [V2_ID, 2, undefined, '2026-12-02T09:00:00.000Z', { id: V2.id, version: 1 }],
      [V3_ID, 3, 'Najaar 2026', '2026-12-03T09:00:00.000Z', { id: V2.id, version: 2, versionId: V2_ID }],
    ]);
    expect(file.instrumentVersions?.[0]?.items[12]).toMatchObject({ id: 'q14', replaces: 'q13' });
    const validate = schemaValidator();
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    const read = expectOk(parseExchangeFile(serialiseExchangeFile(file)));
    expect(read).toEqual(file);
    expect(questionnaireFileName(V3, NOW)).toBe('ketenscan-vragenlijst-ketenscan-jeugd-2026-12-07.json');
  });

  it("writes a scan's instrument with its version id and name, and the versions of its questionnaire beside it", () => {
    const named = { ...scanOnV2, instrument: { ...scanOnV2.instrument, versionName: 'Voorjaar' } };
    const file = buildExchangeFile([{ scan: named, responses: ANSWERED }], NOW, GENERATOR, { instrumentVersions: [{ ...V2, versionName: 'Voorjaar' }] });
    expect(file.scans[0]?.instrument).toMatchObject({ versionId: V2_ID, versionName: 'Voorjaar' });
    expect(Object.keys(file.scans[0]!.instrument)).toEqual(['id', 'version', 'versionId', 'versionName', 'title', 'dimensions', 'items']);
    expect(schemaValidator()(file)).toBe(true);
    expect(expectOk(parseExchangeFile(serialiseExchangeFile(file)))).toEqual(file);
  });

  it('never puts the library in the live definition or in a participant hand-off file', () => {
    const definition = buildSessionDefinition(scanOnV2, NOW);
    expect(definition).not.toHaveProperty('instrumentVersions');
    expect(definition.scans[0]?.instrument.versionId).toBe(V2_ID);
    const handoff = buildSingleResponseFile(scanOnV2, { ...ANSWERED[0]!, scanId: scanOnV2.id }, NOW, GENERATOR);
    expect(handoff).not.toHaveProperty('instrumentVersions');
    expect(buildExchangeFile([{ scan: scanOnV2, responses: [] }], NOW, GENERATOR, { instrumentVersions: [] })).not.toHaveProperty('instrumentVersions');
  });

  it('reads every older fixture exactly as before: no versions, the same instruments', () => {
    const names = readdirSync(EXCHANGE_FIXTURES).filter((n) => n.endsWith('.json'));
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of names) {
      const file = expectOk(parseExchangeFile(readFixture(EXCHANGE_FIXTURES, name)));
      expect(file).not.toHaveProperty('instrumentVersions');
      for (const scan of file.scans) {
        expect(Object.keys(scan.instrument)).toEqual(['id', 'version', 'title', 'dimensions', 'items']);
        for (const item of scan.instrument.items) expect(Object.keys(item)).toEqual(['id', 'dimension', 'kind', 'text']);
      }
    }
  });
});

describe('refusals name the place', () => {
  const good = () => JSON.parse(serialiseExchangeFile(buildExchangeFile([{ scan: scanOnV2, responses: [] }], NOW, GENERATOR, { instrumentVersions: [V2, V3] }))) as {
    scans: { instrument: { items: { text: { nl: string } }[] } }[];
    instrumentVersions: Record<string, unknown>[];
  };
  const refusal = (data: unknown) => {
    const result = parseExchangeFile(JSON.stringify(data), { fileLabel: 'v.json' });
    if (result.ok) throw new Error('expected a refusal');
    return result.error;
  };

  it('a statement in no dimension of its version', () => {
    const data = good();
    (data.instrumentVersions[1]!.items as { dimension: string }[])[4]!.dimension = 'nergens';
    const error = refusal(data);
    expect(error).toMatchObject({ code: 'unknown-dimension', path: 'instrumentVersions[1].items[4].dimension' });
    expect(describeExchangeError(error, 'en')).toBe('v.json, instrumentVersions[1].items[4].dimension: "nergens" is not a dimension of this instrument');
  });

  it('a version without its id, save time or origin; a name that is blank', () => {
    for (const field of ['versionId', 'savedAt', 'basedOn']) {
      const data = good();
      delete data.instrumentVersions[0]![field];
      expect(refusal(data)).toMatchObject({ code: 'missing-field', path: `instrumentVersions[0].${field}` });
    }
    const data = good();
    data.instrumentVersions[1]!.versionName = '  ';
    expect(refusal(data)).toMatchObject({ code: 'empty-text', path: 'instrumentVersions[1].versionName' });
  });

  it('the same version twice in the library of a file', () => {
    const data = good();
    data.instrumentVersions.push(structuredClone(data.instrumentVersions[0]!));
    expect(refusal(data)).toMatchObject({ code: 'duplicate-id', path: 'instrumentVersions[2].versionId', firstPath: 'instrumentVersions[0].versionId' });
  });

  it('one version id with two contents: a scan whose instrument differs from the saved version of that id', () => {
    const data = good();
    data.scans[0]!.instrument.items[2]!.text.nl = 'Anders geformuleerd.';
    const error = refusal(data);
    expect(error).toMatchObject({ code: 'version-content-differs', path: 'scans[0].instrument.versionId', firstPath: 'instrumentVersions[0].versionId' });
    expect(describeExchangeError(error, 'nl')).toContain('scans[0].instrument.versionId: vragenlijstversie');
  });

  it('but a differing name alone is no problem', () => {
    const data = good();
    data.instrumentVersions[0]!.versionName = 'Andere naam';
    expect(parseExchangeFile(JSON.stringify(data)).ok).toBe(true);
  });
});

describe('importing versions', () => {
  const questionnaireFile = buildExchangeFile([], NOW, GENERATOR, { instrumentVersions: [V2, V3] });

  it('adds unknown versions with their id, number, name, save time and origin, and counts them', () => {
    const plan = planImport({ scans: [], responses: [] }, [questionnaireFile], { now: NOW });
    expect(plan.totals).toMatchObject({ versionsToAdd: 2, versionsKept: 0, scansToAdd: 0 });
    expect(finaliseImport(plan).versionsToAdd).toEqual([V2, V3]);
    expect(collectImportIds([questionnaireFile]).versionIds).toEqual([V2_ID, V3_ID]);
  });

  it('recognises a version on the device by its id: kept with the device name, never twice', () => {
    const onDevice = { ...V3, versionName: 'Mijn naam' };
    const plan = planImport({ scans: [], responses: [], instrumentVersions: [onDevice] }, [questionnaireFile, questionnaireFile], { now: NOW });
    expect(plan.totals).toMatchObject({ versionsToAdd: 1, versionsKept: 1 });
    expect(plan.versionsToAdd.map((v) => v.versionId)).toEqual([V2_ID]);
  });

  it("adds a scan's version that the library lacks, from an older file without versions, as older than any save", () => {
    const file = buildExchangeFile([{ scan: scanOnV2, responses: ANSWERED.map((r) => ({ ...r, scanId: scanOnV2.id })) }], EXPORTED_AT, GENERATOR);
    const plan = planImport({ scans: [], responses: [] }, [file], { now: NOW });
    expect(plan.versionsToAdd).toEqual([{ ...instrumentSnapshot(V2), versionId: V2_ID, savedAt: SNAPSHOT_SAVED_AT, basedOn: null }]);
    // A saved version in the same import wins over the scan's copy of it.
    const both = planImport({ scans: [], responses: [] }, [file, questionnaireFile], { now: NOW });
    expect(both.versionsToAdd).toEqual([V2, V3]);
    // The built-in questionnaire is on every device: never added.
    const older = expectOk(parseExchangeFile(readFixture(EXCHANGE_FIXTURES, 'v1-small-scan.json')));
    expect(planImport({ scans: [], responses: [] }, [older], { now: NOW }).versionsToAdd).toEqual([]);
    expect(finaliseImport(planImport({ scans: [], responses: [] }, [older], { now: NOW }))).not.toHaveProperty('versionsToAdd');
  });

  it('a stored scan without a version id and the same scan from a file that names its version are one questionnaire', () => {
    const legacy: Instrument = { ...instrumentSnapshot(V2) };
    delete legacy.versionId;
    const stored: Scan = { ...scanOnV2, instrument: legacy };
    const file = buildExchangeFile([{ scan: scanOnV2, responses: [] }], NOW, GENERATOR);
    expect(planImport({ scans: [stored], responses: [] }, [file], { now: NOW }).refusals).toEqual([]);
  });
});

describe('which versions an export carries', () => {
  it('the library and versions known only from scans, of the chosen questionnaires, each once, built-in excepted', () => {
    const other: InstrumentRecord = { ...V2, id: 'andere-vragenlijst', versionId: 'x-1' };
    const snapshotOnly: Instrument = { ...instrumentSnapshot(V2), version: 4, versionId: 'snap-4' };
    const result = versionsForExport([V3, V2, other], [copyDefaultInstrument(), instrumentSnapshot(V2), snapshotOnly], new Set([V2.id]));
    expect(result.map((v) => [v.versionId, v.savedAt])).toEqual([
      [V2_ID, V2.savedAt],
      [V3_ID, V3.savedAt],
      ['snap-4', SNAPSHOT_SAVED_AT],
    ]);
    expect(versionsForExport([V2, other], [], undefined).map((v) => v.versionId)).toEqual(['x-1', V2_ID]);
    expect(versionIdOf(result[2]!)).toBe('snap-4');
  });
});
