import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';
import { buildExchangeFile, buildSingleResponseFile, parseExchangeFile } from '../../../src/domain/exchange';
import { SETTINGS_LIMITS } from '../../../src/domain/settingsLimits';
import type { SubmittedResponse } from '../../../src/domain/types';
import { EXPORTED_AT, GENERATOR, SMALL_RESPONSES, SMALL_SCAN } from '../../fixtures/exchange/smallScan';
import { BAD_IMPORTS, EXCHANGE_FIXTURES, expectOk, readFixture, ROOT, schemaValidator } from './helpers';

// The JSON Schema in schema/ is what other tools validate against: every export must pass it,
// and it must refuse what the importer refuses for structural reasons. What a JSON Schema
// cannot say (references between ids, unique ids) the importer checks alone; the schema's
// description lists those rules.

const validate = schemaValidator();
const json = (dir: string, name: string): unknown => JSON.parse(readFixture(dir, name).toString('utf8').replace(/^\uFEFF/, ''));

describe('the JSON Schema of format v1', () => {
  it('accepts every export: the small scan, the demo workshop, several scans, a single response, an empty backup', () => {
    const demo = generateDemoScan({ now: new Date('2026-11-22T09:00:00.000Z') });
    const exports = [
      buildExchangeFile([{ scan: SMALL_SCAN, responses: SMALL_RESPONSES }], EXPORTED_AT, GENERATOR),
      buildExchangeFile([demo], EXPORTED_AT, GENERATOR),
      buildExchangeFile([demo, { scan: SMALL_SCAN, responses: SMALL_RESPONSES }], EXPORTED_AT, GENERATOR),
      buildSingleResponseFile(SMALL_SCAN, SMALL_RESPONSES[0] as SubmittedResponse, EXPORTED_AT, GENERATOR),
      buildExchangeFile([], EXPORTED_AT, GENERATOR),
    ];
    for (const file of exports) {
      const ok = validate(JSON.parse(JSON.stringify(file)));
      expect(ok ? [] : validate.errors).toEqual([]);
    }
  });

  it('accepts the valid fixtures, including what the importer reads from another tool', () => {
    for (const name of ['v1-small-scan.json', 'v1-small-scan.reexport.json', 'v1-other-tool.json', 'v1-other-tool.reexport.json']) {
      expect(validate(json(EXCHANGE_FIXTURES, name)), name).toBe(true);
    }
    expect(validate(json(BAD_IMPORTS, 'html-in-text.json'))).toBe(true);
  });

  const structural = [
    'answer-0.json',
    'answer-6.json',
    'answer-3.5.json',
    'answer-string-3.json',
    'answer-null.json',
    'answer-dk-uppercase.json',
    'other-format-value.json',
    'future-version.json',
    'version-as-text.json',
    'missing-version.json',
    'missing-scans.json',
    'missing-instrument.json',
    'missing-answers.json',
    'missing-submitted-at.json',
    'missing-level.json',
    'missing-organisation-name.json',
    'invalid-kind.json',
    'invalid-level.json',
    'invalid-min-group-size.json',
    'invalid-scan-date.json',
    'invalid-submitted-at.json',
    'submitted-at-without-zone.json',
    'no-statements.json',
    'no-organisations.json',
    'scan-id-not-uuid.json',
    'response-id-not-uuid.json',
    'title-too-long.json',
    'empty-title.json',
    'scans-not-a-list.json',
    'too-many-keywords.json',
  ];
  for (const name of structural) {
    it(`refuses ${name}, as the importer does`, () => {
      expect(validate(json(BAD_IMPORTS, name))).toBe(false);
      expect(parseExchangeFile(readFixture(BAD_IMPORTS, name)).ok).toBe(false);
    });
  }

  it('cannot see references and duplicates: those are the importer\'s alone (and listed in the schema description)', () => {
    for (const name of ['unknown-statement.json', 'unknown-organisation.json', 'unknown-dimension.json', 'duplicate-response-id.json', 'duplicate-scan-id.json']) {
      expect(validate(json(BAD_IMPORTS, name)), name).toBe(true);
      expect(parseExchangeFile(readFixture(BAD_IMPORTS, name)).ok, name).toBe(false);
    }
  });

  it('leaves unknown properties open, as the importer ignores them (fields may be added within v1)', () => {
    const file = expectOk(parseExchangeFile(readFixture(EXCHANGE_FIXTURES, 'v1-small-scan.json')));
    expect(validate({ ...file, addedLater: { anything: true } })).toBe(true);
  });
});

describe('the settings bounds', () => {
  it('are the ones of src/domain/settingsLimits.ts in the JSON Schema too', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'ketenscan-exchange-v1.schema.json'), 'utf8')) as {
      $defs: { settings: { properties: { minGroupSize: Record<string, unknown>; gapThreshold: Record<string, unknown> } } };
    };
    const { minGroupSize, gapThreshold } = schema.$defs.settings.properties;
    expect(minGroupSize).toMatchObject({ type: 'integer', minimum: SETTINGS_LIMITS.minGroupSize.min, maximum: SETTINGS_LIMITS.minGroupSize.max });
    expect(gapThreshold).toMatchObject({ type: 'number', exclusiveMinimum: SETTINGS_LIMITS.gapThreshold.above, maximum: SETTINGS_LIMITS.gapThreshold.max });
  });
});
