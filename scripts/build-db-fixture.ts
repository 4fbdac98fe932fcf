// Builds the database fixtures of tests/fixtures/db: `npm run fixture:db` (tsx).
//
// For every schema version declared in src/storage/schemaHistory.ts that has a builder below,
// it creates that version's database under fake-indexeddb from the frozen stores, fills it with
// representative rows typed with that version's frozen row types, reads every table back
// through IndexedDB and writes `tests/fixtures/db/v<n>.json`. A committed fixture stands for
// what devices of that version hold and is never rewritten: when it exists, the script only
// checks that it still builds the same and fails if not (`--force` overwrites, for a fixture
// that was never released). See docs/storage-and-migrations.md.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { generateDemoScan } from '../src/domain/demo/generateDemoScan';
import { DEFAULT_INSTRUMENT } from '../src/domain/instrument/defaultInstrument';
import { legacyVersionId } from '../src/domain/instrument/versions';
import { countIntoTally } from '../src/domain/tallyRecord';
import {
  SCHEMA_STEPS,
  STORES_V1,
  STORES_V2,
  STORES_V3,
  STORES_V4,
  STORES_V5,
  type AgreementRowV4,
  type EditorDraftRowV5,
  type InstrumentRowV5,
  type ScanRowV5,
  type TablesV5,
  type InstrumentRowV3,
  type ResponseRowV1,
  type ScanRowV1,
  type ScanRowV3,
  type TablesV1,
  type TablesV2,
  type TablesV3,
  type TablesV4,
  type VoteRowV4,
  type TallyRowV2,
} from '../src/storage/schemaHistory';
import { FIXTURE_FORMAT, fixturePath, openAtVersion, readAllTables, writeAllTables, type DatabaseFixture, type FixtureRow } from '../tests/fixtures/db/fixtureDatabase';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Version 1 rows: every shape a v1 build wrote. */
function buildRowsV1(): TablesV1 {
  const instrument: ScanRowV1['instrument'] = structuredClone(DEFAULT_INSTRUMENT);
  const itemIds = instrument.items.map((item) => item.id);
  const openScan: ScanRowV1 = {
    id: uuid(1),
    title: 'Werkbijeenkomst Zuid — "samen" & <meer>',
    date: '2026-11-20',
    settings: { minGroupSize: 3, gapThreshold: 1, askLevel: true },
    instrument,
    organisations: [
      { id: 'politie', name: 'Politie' },
      { id: 'gemeente', name: 'Gemeente' },
      { id: 'jeugdbescherming', name: 'Jeugdbescherming' },
    ],
    status: 'open',
    isDemo: false,
    createdAt: '2026-11-18T08:15:00.000Z',
  };
  const closedScan: ScanRowV1 = {
    id: uuid(2),
    title: 'Evaluatie voorjaar',
    date: '2026-03-05',
    settings: { minGroupSize: 2, gapThreshold: 0.75, askLevel: false },
    instrument: structuredClone(instrument),
    organisations: [
      { id: 'politie', name: 'Politie' },
      { id: 'william-schrikker-groep', name: 'William Schrikker Groep' },
    ],
    status: 'closed',
    isDemo: false,
    createdAt: '2026-03-01T12:00:00.000Z',
  };

  // Every answer kind: each score, "don't know", and statements left unanswered (absent).
  const everyKind: ResponseRowV1['answers'] = {};
  const kinds: ResponseRowV1['answers'][string][] = [1, 2, 3, 4, 5, 'dk'];
  itemIds.slice(0, 11).forEach((id, i) => (everyKind[id] = kinds[i % kinds.length]!));
  const submitted = (n: number, scan: ScanRowV1, fields: Partial<ResponseRowV1>): ResponseRowV1 => ({
    id: uuid(100 + n),
    scanId: scan.id,
    organisationId: scan.organisations[n % scan.organisations.length]!.id,
    level: null,
    answers: {},
    comments: {},
    keywords: [],
    improvement: '',
    startedAt: `2026-11-20T09:${String(10 + n).padStart(2, '0')}:00.000Z`,
    submittedAt: `2026-11-20T09:${String(20 + n).padStart(2, '0')}:30.000Z`,
    status: 'submitted',
    position: 0,
    ...fields,
  });
  const draft = (n: number, scan: ScanRowV1, fields: Partial<ResponseRowV1>): ResponseRowV1 => ({
    ...submitted(n, scan, fields),
    submittedAt: null,
    status: 'draft',
    ...fields,
  });
  const responses: ResponseRowV1[] = [
    submitted(1, openScan, {
      level: 'uitvoering',
      answers: everyKind,
      comments: { [itemIds[0]!]: 'Doel staat op papier, niet in de praktijk.', [itemIds[5]!]: 'Regie: "wie" belt wie?' },
      keywords: ['betrokken', 'versnipperd', 'snel'],
      improvement: 'Eén gezin, één plan.',
    }),
    submitted(2, openScan, { level: 'bestuur', answers: Object.fromEntries(itemIds.map((id) => [id, 'dk' as const])) }),
    submitted(3, openScan, { level: 'management', answers: Object.fromEntries(itemIds.map((id, i) => [id, ((i % 5) + 1) as 1 | 2 | 3 | 4 | 5])), keywords: ['regie'] }),
    // Drafts at each kind of position: organisation step, mid-way with a comment, extras (keywords as typed, empty slots kept), review.
    draft(4, openScan, { level: 'uitvoering', position: 0 }),
    draft(5, openScan, { level: 'management', answers: { [itemIds[0]!]: 4, [itemIds[1]!]: 'dk', [itemIds[2]!]: 2 }, comments: { [itemIds[2]!]: 'half af' }, position: 4 }),
    draft(6, openScan, { level: 'bestuur', answers: everyKind, keywords: ['', 'snel ', ''], improvement: 'nog niet klaar', position: itemIds.length + 1 }),
    draft(7, openScan, { level: null, answers: Object.fromEntries(itemIds.map((id) => [id, 3 as const])), position: itemIds.length + 2 }),
    submitted(8, closedScan, { answers: Object.fromEntries(itemIds.map((id, i) => [id, i % 4 === 0 ? ('dk' as const) : (2 as const)])) }),
    submitted(9, closedScan, { answers: { [itemIds[12]!]: 5 }, improvement: 'Vaker samen aan tafel.' }),
  ];

  // The demo workshop as a v1 build seeded it on first start (fixed date, default seed).
  const demo = generateDemoScan({ now: new Date('2026-11-22T09:00:00.000Z') });
  const demoScan: ScanRowV1 = demo.scan;
  const demoResponses: ResponseRowV1[] = demo.responses;

  return {
    scans: [openScan, closedScan, demoScan],
    responses: [...responses, ...demoResponses],
    meta: [{ key: 'demoSeeded', value: true }],
  };
}

/** The stored tally of a set of v1 rows, as a v2 build keeps it: every submitted response counted once. */
function talliesOf(tables: TablesV1): TallyRowV2[] {
  return tables.scans.map((scan) => {
    const counts: Record<string, number> = {};
    for (const response of tables.responses) if (response.scanId === scan.id) countIntoTally(counts, response, 1);
    return { scanId: scan.id, counts };
  });
}

/** Version 2 rows: the v1 rows and, for every scan, its tally (what a v1 database becomes on upgrade). */
function buildRowsV2(): TablesV2 {
  const v1 = buildRowsV1();
  return { ...v1, tallies: talliesOf(v1) };
}

/** Version 3 rows: the v2 rows plus the instrument library (an edited version and one based on it). */
function buildRowsV3(): TablesV3 {
  const v2 = buildRowsV2();
  const base = structuredClone(DEFAULT_INSTRUMENT);
  const edited: InstrumentRowV3 = {
    ...base,
    version: 2,
    title: { nl: 'QuickScan ketensamenwerking (Zuid)', en: '' },
    // q07 struck, q05 reformulated with a changed meaning (new id q14), a new statement q15 without English.
    items: [
      ...base.items.filter((item) => item.id !== 'q07' && item.id !== 'q05'),
      { id: 'q14', dimension: 'regie', kind: 'thermostat', text: { nl: 'Per gezin is er één regisseur met doorzettingsmacht.', en: 'Each family has one coordinator with the power to push through.' } },
      { id: 'q15', dimension: 'informatie', kind: 'thermometer', text: { nl: 'Ik weet wie ik moet bellen bij een ketenpartner.', en: '' } },
    ],
    savedAt: '2026-11-25T14:00:00.000Z',
    basedOn: { id: base.id, version: 1 },
  };
  const newDimension: InstrumentRowV3 = {
    ...structuredClone(edited),
    version: 3,
    dimensions: [...edited.dimensions, { id: 'gezin', label: { nl: 'Het gezin aan tafel', en: 'The family at the table' } }],
    items: [...edited.items, { id: 'q16', dimension: 'gezin', kind: 'thermometer', text: { nl: 'Het gezin zit zelf aan tafel bij het overleg.', en: 'The family takes part in the meeting itself.' } }],
    savedAt: '2026-11-26T09:30:00.000Z',
    basedOn: { id: base.id, version: 2 },
  };
  // A second round of the open scan, in one series with it, on the edited questionnaire.
  const [openScan] = v2.scans as [ScanRowV1, ...ScanRowV1[]];
  const series = { id: uuid(50), round: 1 };
  const secondRound: ScanRowV3 = {
    ...structuredClone(openScan),
    id: uuid(3),
    title: 'Werkbijeenkomst Zuid — ronde 2',
    date: '2027-05-20',
    instrument: { id: edited.id, version: edited.version, title: edited.title, dimensions: edited.dimensions, items: edited.items },
    createdAt: '2027-05-01T08:00:00.000Z',
    series: { id: series.id, round: 2 },
  };
  const scans: ScanRowV3[] = v2.scans.map((scan) => (scan.id === openScan.id ? { ...scan, series } : scan));
  // The second round has no responses yet, so no tally row (a tally is written with the first).
  return { ...v2, scans: [...scans, secondRound], instruments: [edited, newDimension] };
}

/** Version 4 rows: the v3 rows plus a phone vote and a show of hands, and agreements with and without follow-up. */
function buildRowsV4(): TablesV4 {
  const v3 = buildRowsV3();
  const [openScan] = v3.scans as [ScanRowV3, ...ScanRowV3[]];
  const [first, second] = openScan.organisations as [ScanRowV1['organisations'][number], ScanRowV1['organisations'][number]];
  const secondRound = v3.scans.find((scan) => scan.series?.round === 2);
  const phoneVote: VoteRowV4 = {
    id: uuid(60),
    scanId: openScan.id,
    method: 'phones',
    votesPerPerson: 3,
    options: [
      { itemId: 'q03', kind: 'discussionPoint' },
      { itemId: 'q09', kind: 'uncertainDifference' },
    ],
    counts: { q03: 7, q09: 2 },
    ballots: 3,
    openedAt: '2026-11-20T10:40:00.000Z',
    closedAt: '2026-11-20T10:46:00.000Z',
  };
  const handsVote: VoteRowV4 = {
    id: uuid(61),
    scanId: openScan.id,
    method: 'hands',
    votesPerPerson: 1,
    options: [{ itemId: 'q11', kind: 'discussionPoint' }],
    counts: { q11: 0 },
    ballots: null,
    openedAt: '2026-11-20T11:00:00.000Z',
    closedAt: null,
  };
  const agreed: AgreementRowV4 = {
    id: uuid(70),
    scanId: openScan.id,
    itemId: 'q03',
    what: 'Eén gezamenlijk overleg per gezin, "samen" & <meer>',
    partnerIds: [first.id, second.id],
    due: '2027-03-01',
    votes: 7,
    voteId: phoneVote.id,
    createdAt: '2026-11-20T10:50:00.000Z',
    updatedAt: '2026-11-20T10:50:00.000Z',
    followUp: secondRound ? { status: 'underway', note: 'Pilot in twee wijken', judgedInScanId: secondRound.id, updatedAt: '2027-05-20T09:00:00.000Z' } : null,
  };
  const general: AgreementRowV4 = {
    id: uuid(71),
    scanId: openScan.id,
    itemId: null,
    what: 'Contactlijst delen',
    partnerIds: [first.id],
    due: null,
    votes: null,
    voteId: null,
    createdAt: '2026-11-20T10:55:00.000Z',
    updatedAt: '2026-11-20T10:55:00.000Z',
    followUp: null,
  };
  return { ...v3, agreements: [agreed, general], votes: [phoneVote, handsVote] };
}

/**
 * Version 5 rows: the v4 rows with the library moved to `instrumentVersions` (the two old versions
 * with their content-derived ids, as the upgrade gives them), a version saved under v5 with a
 * random id and a name, a third round on that named version, and one kept editor draft.
 */
function buildRowsV5(): TablesV5 {
  const { instruments, ...v4 } = buildRowsV4();
  const moved: InstrumentRowV5[] = instruments.map((row) => ({ ...row, versionId: legacyVersionId(row) }));
  const [, newest] = moved as [InstrumentRowV5, InstrumentRowV5];
  const named: InstrumentRowV5 = {
    ...structuredClone(newest),
    version: 4,
    versionId: uuid(80),
    versionName: 'Najaar 2027 — met het gezin',
    items: newest.items.map((item) => (item.id === 'q16' ? { ...item, text: { nl: 'Het gezin zit zelf aan tafel bij elk overleg.', en: 'The family takes part in every meeting itself.' } } : item)),
    savedAt: '2027-09-01T10:00:00.000Z',
    basedOn: { id: newest.id, version: newest.version, versionId: newest.versionId },
  };
  const secondRound = v4.scans.find((scan) => scan.series?.round === 2)!;
  const { savedAt: _savedAt, basedOn: _basedOn, ...snapshot } = named;
  const thirdRound: ScanRowV5 = {
    ...structuredClone(secondRound),
    id: uuid(4),
    title: 'Werkbijeenkomst Zuid — ronde 3',
    date: '2027-11-20',
    instrument: snapshot,
    createdAt: '2027-11-01T08:00:00.000Z',
    series: { id: secondRound.series!.id, round: 3 },
  };
  const draft: EditorDraftRowV5 = {
    key: `instrument:${named.versionId}`,
    value: { format: 'editor-draft', note: 'the editor owns this shape and checks it when read' },
    updatedAt: '2027-09-02T08:30:00.000Z',
  };
  return { ...v4, scans: [...v4.scans, thirdRound], instrumentVersions: [...moved, named], editorDrafts: [draft] };
}

const BUILDERS: Record<number, { stores: DatabaseFixture['stores']; build: () => Record<string, FixtureRow[]> }> = {
  1: {
    stores: STORES_V1,
    // Interfaces have no index signature, hence the widening cast to plain rows.
    build: () => buildRowsV1() as unknown as Record<string, FixtureRow[]>,
  },
  2: {
    stores: STORES_V2,
    build: () => buildRowsV2() as unknown as Record<string, FixtureRow[]>,
  },
  3: {
    stores: STORES_V3,
    build: () => buildRowsV3() as unknown as Record<string, FixtureRow[]>,
  },
  4: {
    stores: STORES_V4,
    build: () => buildRowsV4() as unknown as Record<string, FixtureRow[]>,
  },
  5: {
    stores: STORES_V5,
    build: () => buildRowsV5() as unknown as Record<string, FixtureRow[]>,
  },
};

// What the v3 and v4 fixtures become when the current build opens them: the library rows move
// from `instruments` to `instrumentVersions` with their content-derived ids (the v5 upgrade).
for (const version of [3, 4]) {
  const expectedPath = `tests/fixtures/db/v${version}.expected.json`;
  if (existsSync(expectedPath) && !process.argv.includes('--force')) continue;
  const { instruments, ...rest } = (JSON.parse(readFileSync(fixturePath(version), 'utf8')) as DatabaseFixture).tables as unknown as TablesV3;
  const instrumentVersions = instruments.map((row) => ({ ...row, versionId: legacyVersionId(row) })).sort((a, b) => (a.versionId < b.versionId ? -1 : 1));
  writeFileSync(expectedPath, `${JSON.stringify({ tables: { ...rest, instrumentVersions } }, null, 2)}\n`);
  console.log(`${expectedPath}: written`);
}

// What the v1 fixture becomes when the current build opens it: the same rows and the tallies
// the v2 upgrade counts (tests/unit/storage/migrations.test.ts compares them row by row).
const v1Expected = 'tests/fixtures/db/v1.expected.json';
if (!existsSync(v1Expected) || process.argv.includes('--force')) {
  // From the committed v1 fixture, whose tables are in primary-key order as IndexedDB reads them.
  const v1 = (JSON.parse(readFileSync(fixturePath(1), 'utf8')) as DatabaseFixture).tables as unknown as TablesV1;
  const tallies = talliesOf(v1).sort((a, b) => (a.scanId < b.scanId ? -1 : a.scanId > b.scanId ? 1 : 0));
  writeFileSync(v1Expected, `${JSON.stringify({ tables: { ...v1, tallies } }, null, 2)}\n`);
  console.log(`${v1Expected}: written`);
}

async function buildFixture(version: number): Promise<DatabaseFixture> {
  const builder = BUILDERS[version];
  if (!builder) throw new Error(`No fixture builder for schema version ${version}: add one to scripts/build-db-fixture.ts.`);
  const database = openAtVersion(`fixture-v${version}`, version, { indexedDB: new IDBFactory(), IDBKeyRange });
  await database.open();
  await writeAllTables(database, builder.build());
  const tables = await readAllTables(database);
  database.close();
  return { format: FIXTURE_FORMAT, schemaVersion: version, stores: builder.stores, tables };
}

const force = process.argv.includes('--force');
let failed = false;
for (const { version } of SCHEMA_STEPS) {
  const path = fixturePath(version);
  const text = `${JSON.stringify(await buildFixture(version), null, 2)}\n`;
  if (existsSync(path) && !force) {
    if (readFileSync(path, 'utf8') === text) console.log(`${path}: unchanged`);
    else {
      console.error(`${path}: the builder no longer produces the committed fixture. A released fixture is never rewritten; fix the builder (rows must use the frozen v${version} types) or, for an unreleased version, run with --force.`);
      failed = true;
    }
    continue;
  }
  writeFileSync(path, text);
  const counts = Object.entries((JSON.parse(text) as DatabaseFixture).tables).map(([name, rows]) => `${name} ${rows.length}`);
  console.log(`${path}: written (${counts.join(', ')})`);
}
if (failed) process.exit(1);
