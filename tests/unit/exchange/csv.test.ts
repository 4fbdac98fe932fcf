import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildCsvLong, buildCsvWide, csvFileName, CSV_LONG_COLUMNS, guardCsvText } from '../../../src/domain/exchange';
import type { Response, Scan, SubmittedResponse } from '../../../src/domain/types';
import { SMALL_RESPONSES, SMALL_SCAN } from '../../fixtures/exchange/smallScan';

/** Reads our CSV back the way a spreadsheet would: BOM off, RFC 4180 quoting undone. */
function readBack(csv: string, separator: ',' | ';'): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<string[]>(csv.slice(1), { delimiter: separator, newline: '\r\n', skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

const tricky: SubmittedResponse = {
  id: '5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c',
  scanId: SMALL_SCAN.id,
  organisationId: 'gemeente',
  level: null,
  answers: { q01: 2, q02: 'dk' },
  comments: {
    q01: 'Goed, maar "soms" traag;\r\nzie notulen',
    q02: '=HYPERLINK("http://evil.example","klik")',
    q03: '+31 6 12345678',
    q04: '-niet van toepassing',
    q05: '@SUM(A1:A9)',
    q06: '\tingesprongen',
    q07: '=1+1\n=2+2',
    q08: ' spatie vooraan',
  },
  keywords: ['samen, snel', 'ja;nee', '"quoted"'],
  improvement: '<script>alert(1)</script>',
  startedAt: '2026-11-22T11:00:00.000Z',
  submittedAt: '2026-11-22T11:00:00.000Z',
  status: 'submitted',
  position: 0,
};
const scan: Scan = { ...SMALL_SCAN, title: 'Zuid, "Noord" & =Oost' };

describe('buildCsvLong', () => {
  it('writes a BOM, a fixed header and CRLF line ends, ending with CRLF', () => {
    const csv = buildCsvLong(scan, SMALL_RESPONSES, { separator: ',', lang: 'nl' });
    expect(csv.startsWith(`\uFEFF${CSV_LONG_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('has one row per submitted response × statement, with value and dont_know', () => {
    const rows = readBack(buildCsvLong(SMALL_SCAN, SMALL_RESPONSES, { separator: ',', lang: 'en' }), ',');
    const [header, ...body] = rows;
    expect(header).toEqual([...CSV_LONG_COLUMNS]);
    expect(body).toHaveLength(5 * 13);
    const col = (name: string) => CSV_LONG_COLUMNS.indexOf(name as (typeof CSV_LONG_COLUMNS)[number]);
    const politie = body.filter((r) => r[col('response_id')] === '9b1e0c4d-2f3a-4b5c-8d6e-7f8091a2b3c4');
    expect(politie.map((r) => r[col('statement_id')])).toEqual(SMALL_SCAN.instrument.items.map((i) => i.id));
    const q08 = politie.find((r) => r[col('statement_id')] === 'q08');
    expect([q08?.[col('value')], q08?.[col('dont_know')]]).toEqual(['', '1']);
    const q05 = politie.find((r) => r[col('statement_id')] === 'q05');
    expect(q05?.slice(col('dimension'))).toEqual(['regie', 'Coordination & mandate', 'thermostat', '2', '0']);
    expect(q05?.[col('statement_text')]).toBe('For each family it is clear who coordinates, and with what mandate.');
    // Unanswered: value empty and dont_know 0. Level null: empty.
    const jb = body.find((r) => r[col('organisation_id')] === 'jeugdbescherming' && r[col('statement_id')] === 'q13');
    expect([jb?.[col('value')], jb?.[col('dont_know')], jb?.[col('level')]]).toEqual(['', '0', '']);
    // Sorted by submission time.
    const times = body.map((r) => r[col('submitted_at')] ?? '');
    expect(times).toEqual([...times].sort());
  });

  it('quotes commas, quotes and line breaks, with either separator, and round-trips every cell', () => {
    for (const separator of [',', ';'] as const) {
      const rows = readBack(buildCsvLong(scan, [tricky], { separator, lang: 'nl' }), separator);
      expect(rows).toHaveLength(1 + 13);
      expect(rows[1]?.[1]).toBe('Zuid, "Noord" & =Oost'); // "=" inside the text is harmless
    }
    const semicolon = buildCsvLong(scan, [tricky], { separator: ';', lang: 'nl' });
    expect(semicolon.split('\r\n')[1]).toContain(';"Zuid, ""Noord"" & =Oost";');
    const wide = buildCsvWide(scan, [tricky], { separator: ',', lang: 'nl' });
    expect(wide).toContain(',"Goed, maar ""soms"" traag;\r\nzie notulen",');
    expect(wide).toContain(',"samen, snel",ja;nee,"""quoted""",');
    expect(buildCsvWide(scan, [tricky], { separator: ';', lang: 'nl' })).toContain(';samen, snel;"ja;nee";"""quoted""";');
  });

  it('uses the chosen language for statement texts and dimension labels only', () => {
    const nl = readBack(buildCsvLong(SMALL_SCAN, SMALL_RESPONSES, { separator: ';', lang: 'nl' }), ';');
    const en = readBack(buildCsvLong(SMALL_SCAN, SMALL_RESPONSES, { separator: ';', lang: 'en' }), ';');
    expect(nl[0]).toEqual(en[0]);
    expect(nl[1]?.[8]).toBe(SMALL_SCAN.instrument.items[0]?.text.nl);
    expect(nl[1]?.[10]).toBe('Doel & visie');
  });
});

describe('buildCsvWide', () => {
  it('has one row per submitted response, a column per statement, comments, keywords and improvement', () => {
    const rows = readBack(buildCsvWide(SMALL_SCAN, SMALL_RESPONSES, { separator: ';', lang: 'nl' }), ';');
    const [header, ...body] = rows;
    const ids = SMALL_SCAN.instrument.items.map((i) => i.id);
    expect(header).toEqual([
      'scan_id', 'scan_title', 'response_id', 'organisation_id', 'organisation_name', 'level', 'submitted_at',
      ...ids, ...ids.map((id) => `comment_${id}`), 'keyword_1', 'keyword_2', 'keyword_3', 'improvement',
    ]);
    expect(body).toHaveLength(5);
    const politie = body.find((r) => r[2] === '9b1e0c4d-2f3a-4b5c-8d6e-7f8091a2b3c4') ?? [];
    const cell = (name: string) => politie[header?.indexOf(name) ?? -1];
    expect([cell('q05'), cell('q08'), cell('q01')]).toEqual(['2', 'dk', '4']);
    expect(cell('comment_q05')).toBe('Regie ligt "formeel" bij de gemeente, maar in de praktijk bij ons.');
    expect([cell('keyword_1'), cell('keyword_2'), cell('keyword_3')]).toEqual(['betrokken', 'snel', 'versnipperd']);
    expect(cell('improvement')).toBe('Informatie op tijd delen, met duidelijke afspraken.');
    const gemeente = body.find((r) => r[2] === '0a1b2c3d-4e5f-4a6b-9c7d-8e9fa0b1c2d3') ?? [];
    expect(gemeente[header?.indexOf('comment_q11') ?? -1]).toBe('Capaciteit is er,\nals we het goed plannen.');
  });

  it('widens the keyword columns when a response has more than three', () => {
    const many: Response = { ...tricky, keywords: ['a', 'b', 'c', 'd', 'e'] };
    const [header] = readBack(buildCsvWide(SMALL_SCAN, [many], { separator: ',', lang: 'en' }), ',');
    expect(header?.filter((h) => h.startsWith('keyword_'))).toEqual(['keyword_1', 'keyword_2', 'keyword_3', 'keyword_4', 'keyword_5']);
  });

  it('leaves out drafts', () => {
    const rows = readBack(buildCsvWide(SMALL_SCAN, SMALL_RESPONSES.filter((r) => r.status === 'draft'), { separator: ',', lang: 'en' }), ',');
    expect(rows).toHaveLength(1);
  });
});

describe('formula injection', () => {
  it('puts an apostrophe before text that starts with =, +, -, @, tab or CR, and leaves other text alone', () => {
    expect(['=1', '+1', '-1', '@x', '\tx', '\rx', '=1\n=2'].map(guardCsvText)).toEqual(["'=1", "'+1", "'-1", "'@x", "'\tx", "'\rx", "'=1\n=2"]);
    expect(['1', 'x=1', ' =1', '', 'Één', '<b>'].map(guardCsvText)).toEqual(['1', 'x=1', ' =1', '', 'Één', '<b>']);
  });

  it('guards every free-text cell of both layouts and keeps the text otherwise verbatim', () => {
    const header = readBack(buildCsvWide(scan, [tricky], { separator: ',', lang: 'nl' }), ',')[0] ?? [];
    const row = readBack(buildCsvWide(scan, [tricky], { separator: ',', lang: 'nl' }), ',')[1] ?? [];
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('comment_q01')).toBe('Goed, maar "soms" traag;\r\nzie notulen');
    expect(cell('comment_q02')).toBe('\'=HYPERLINK("http://evil.example","klik")');
    expect(cell('comment_q03')).toBe("'+31 6 12345678");
    expect(cell('comment_q04')).toBe("'-niet van toepassing");
    expect(cell('comment_q05')).toBe("'@SUM(A1:A9)");
    expect(cell('comment_q06')).toBe("'\tingesprongen");
    expect(cell('comment_q07')).toBe("'=1+1\n=2+2");
    expect(cell('comment_q08')).toBe(' spatie vooraan');
    expect([cell('keyword_1'), cell('keyword_2'), cell('keyword_3')]).toEqual(['samen, snel', 'ja;nee', '"quoted"']);
    expect(cell('improvement')).toBe('<script>alert(1)</script>');

    const evilScan: Scan = {
      ...SMALL_SCAN,
      title: '=cmd|" /C calc"!A0',
      organisations: [{ id: '@org', name: '+Gemeente' }],
      instrument: { ...SMALL_SCAN.instrument, items: SMALL_SCAN.instrument.items.map((i, n) => (n === 0 ? { ...i, id: '=q1', text: { nl: '-min', en: '-min' } } : i)) },
    };
    const evil: Response = { ...tricky, organisationId: '@org', answers: { '=q1': 3 }, comments: {} };
    const long = readBack(buildCsvLong(evilScan, [evil], { separator: ',', lang: 'nl' }), ',')[1] ?? [];
    expect(long.slice(0, 5)).toEqual([SMALL_SCAN.id, '\'=cmd|" /C calc"!A0', tricky.id, "'@org", "'+Gemeente"]);
    expect([long[7], long[8], long[12]]).toEqual(["'=q1", "'-min", '3']);
    const wideHeader = readBack(buildCsvWide(evilScan, [evil], { separator: ',', lang: 'nl' }), ',')[0] ?? [];
    expect(wideHeader[7]).toBe("'=q1");
  });
});

it('names CSV files after the scan and the layout', () => {
  expect(csvFileName(SMALL_SCAN, 'long', new Date(2026, 10, 22, 9))).toBe('ketenscan-workshop-ketensamenwerking-zuid-long-2026-11-22.csv');
  expect(csvFileName(SMALL_SCAN, 'wide', new Date(2026, 10, 22, 9))).toBe('ketenscan-workshop-ketensamenwerking-zuid-wide-2026-11-22.csv');
});
