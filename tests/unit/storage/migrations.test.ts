import Dexie from 'dexie';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { checkStoredInstrument } from '../../../src/domain/instrument/storedInstrument';
import { checkStoredResponse, checkStoredScan } from '../../../src/domain/storedRecords';
import { db } from '../../../src/storage/db';
import { assertStepsNumbered, CURRENT_SCHEMA_VERSION, SCHEMA_STEPS } from '../../../src/storage/schemaHistory';
import { listScanSummaries } from '../../../src/storage/scanSummaries';
import { fixturePath, openAtVersion, readAllTables, writeAllTables, type DatabaseFixture, type FixtureRow } from '../../fixtures/db/fixtureDatabase';

// A device meets a schema change like this: its database was written by an older build, and the
// new build opens it. Each fixture (tests/fixtures/db/v<n>.json, built by `npm run fixture:db`)
// is seeded into fake-indexeddb with that version's frozen stores, then the app's own database
// object opens it. Rows must come out unchanged, or exactly as `v<n>.expected.json` says when a
// later step rewrites them (docs/storage-and-migrations.md).

const FIXTURE_DIR = 'tests/fixtures/db';
const fixtureFiles = readdirSync(FIXTURE_DIR)
  .filter((name) => /^v\d+\.json$/.test(name))
  .sort((a, b) => Number(a.slice(1, -5)) - Number(b.slice(1, -5)));
const testedVersions: number[] = [];

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

afterEach(async () => {
  db.close();
  await Dexie.delete('ketenscan');
});

describe('database schema history', () => {
  it('numbers the steps 1, 2, 3, … without gaps or repeats', () => {
    expect(() => assertStepsNumbered(SCHEMA_STEPS)).not.toThrow();
    expect(CURRENT_SCHEMA_VERSION).toBe(SCHEMA_STEPS.length);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const gap = [SCHEMA_STEPS[0]!, { ...SCHEMA_STEPS[0]!, version: 3 }];
    expect(() => assertStepsNumbered(gap)).toThrow(/expected 2/);
  });

  for (const file of fixtureFiles) {
    const fixture = readJson<DatabaseFixture>(`${FIXTURE_DIR}/${file}`);
    const version = fixture.schemaVersion;

    it(`v${version}: the fixture was built from the frozen stores of that version`, () => {
      expect(file).toBe(`v${version}.json`);
      expect(fixture.stores).toEqual(SCHEMA_STEPS[version - 1]?.stores);
    });

    it(`v${version}: a database of schema version ${version} opens with the current schema and keeps every row`, async () => {
      const old = openAtVersion('ketenscan', version);
      await old.open();
      await writeAllTables(old, fixture.tables);
      expect(old.backendDB().version).toBe(version * 10);
      old.close();

      await db.open();
      expect(db.backendDB().version).toBe(CURRENT_SCHEMA_VERSION * 10);
      const expectedPath = `${FIXTURE_DIR}/v${version}.expected.json`;
      const expected = existsSync(expectedPath) ? readJson<{ tables: Record<string, FixtureRow[]> }>(expectedPath).tables : fixture.tables;
      const stored = await readAllTables(db);
      expect(Object.keys(stored).sort()).toEqual(db.tables.map((t) => t.name).sort());
      for (const name of Object.keys(stored)) expect(stored[name], `table ${name}`).toEqual(expected[name] ?? []);
      // Nothing hidden either: the current reader accepts every migrated row.
      for (const row of stored.scans ?? []) expect(checkStoredScan(row), `scan ${String(row.id)}`).toMatchObject({ ok: true });
      for (const row of stored.responses ?? []) expect(checkStoredResponse(row), `response ${String(row.id)}`).toMatchObject({ ok: true });
      for (const row of stored.instrumentVersions ?? []) expect(checkStoredInstrument(row), `instrument version ${String(row.versionId)}`).toMatchObject({ ok: true });
      testedVersions.push(version);
    });
  }

  it('v1: the scan list of a v1 database shows every scan with its counts and nothing set aside', async () => {
    const fixture = readJson<DatabaseFixture>(fixturePath(1));
    const old = openAtVersion('ketenscan', 1);
    await old.open();
    await writeAllTables(old, fixture.tables);
    old.close();
    await db.open();
    const { summaries, unreadable } = await listScanSummaries();
    expect(unreadable).toBe(0);
    const responses = fixture.tables.responses ?? [];
    expect(summaries.map((s) => s.scan.id).sort()).toEqual((fixture.tables.scans ?? []).map((s) => s.id).sort());
    for (const { scan, counts } of summaries) {
      const own = responses.filter((r) => r.scanId === scan.id);
      expect(counts).toEqual({ submitted: own.filter((r) => r.status === 'submitted').length, drafts: own.filter((r) => r.status === 'draft').length });
    }
  });

  // Last, on purpose: every later schema version must bring its own fixture (npm run fixture:db).
  it('every declared schema version has a fixture, and each fixture was opened above', () => {
    for (const { version } of SCHEMA_STEPS) expect(existsSync(fixturePath(version)), `${fixturePath(version)} is missing: run npm run fixture:db`).toBe(true);
    expect(testedVersions).toEqual(SCHEMA_STEPS.map((step) => step.version));
  });
});
