import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ChartLabels } from '../../../src/charts/model/chartData';
import { analyseScanProtected } from '../../../src/domain/analysis';
import type { Organisation, Scan } from '../../../src/domain/types';
import { buildFiguresCsv, figuresCsvSeparator } from '../../../src/features/results/figuresCsv';
import { figuresCsvFileName } from '../../../src/features/results/saveFiguresCsv';
import { FIXTURE_INSTRUMENT, SCAN_A_ORGANISATIONS, SCAN_A_RESPONSES, makeResponse } from '../../fixtures/analysis/handComputedScan';

const labels: ChartLabels = { chain: 'Chain', pooledGroup: 'Other partners', localize: (text) => text.en };

describe('the figures CSV', () => {
  it('writes a row per statement × group and the chain, then the indexes, in English with a point and commas', () => {
    const analysis = analyseScanProtected({ instrument: FIXTURE_INSTRUMENT, organisations: SCAN_A_ORGANISATIONS, responses: SCAN_A_RESPONSES, settings: { minGroupSize: 3, gapThreshold: 1 } });
    const csv = buildFiguresCsv({ instrument: FIXTURE_INSTRUMENT }, analysis, 'en', labels);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(csv.slice(1).trim(), { header: true, delimiter: ',' }).data;
    const statementRows = rows.filter((r) => r.figure === 'statement');
    expect(statementRows).toHaveLength(FIXTURE_INSTRUMENT.items.length * (analysis.groups.length + 1));
    const s1Chain = statementRows.find((r) => r.statement_id === 's1' && r.group === 'Chain')!;
    // Hand-computed scan A, s1 (HAND-COMPUTED.md): the pool's one score is withheld; pol 1, gem 5 →
    // gap 4, H = 6.0 on 7 scores; exactly, 1 of the 35 splits into 3 and 4 reaches it: p = 0.029.
    expect(s1Chain).toMatchObject({ statement_number: '1', gap: '4.00', p: '0.029', p_method: 'exact', verdict: 'Discussion point' });
    // The pool's one score on s1 is withheld: the row says so and holds no n and no mean.
    const s1Pool = statementRows.find((r) => r.statement_id === 's1' && r.group === 'Other partners')!;
    expect(s1Pool).toMatchObject({ n: '', dont_know: '1', mean: 'too few scores' });
    expect(rows.filter((r) => r.figure === 'index' && r.kind === 'Thermometer').map((r) => r.group)).toEqual([...analysis.groups.map((g) => (g.source.kind === 'organisation' ? g.source.name : 'Other partners')), 'Chain']);
    expect(figuresCsvSeparator('en')).toBe(',');
    expect(figuresCsvSeparator('nl')).toBe(';');
  });

  it('keeps a name that looks like a formula as text', () => {
    const orgs: Organisation[] = [
      { id: 'x', name: '=HYPERLINK("http://example.org")' },
      { id: 'y', name: 'Gemeente' },
    ];
    const responses = ['x', 'y'].flatMap((org) => [1, 2, 3].map((i) => makeResponse(`${org}${i}`, org, null, { s1: (i + 1) as 2 | 3 | 4 })));
    const analysis = analyseScanProtected({ instrument: FIXTURE_INSTRUMENT, organisations: orgs, responses, settings: { minGroupSize: 3, gapThreshold: 1 } });
    const csv = buildFiguresCsv({ instrument: FIXTURE_INSTRUMENT }, analysis, 'nl', { ...labels, chain: 'Keten' });
    const rows = Papa.parse<Record<string, string>>(csv.slice(1).trim(), { header: true, delimiter: ';' }).data;
    expect(rows.filter((r) => r.group?.includes('HYPERLINK')).every((r) => r.group?.startsWith("'="))).toBe(true);
    expect(rows.find((r) => r.statement_id === 's1' && r.group === 'Keten')?.mean).toBe('3,00');
  });

  it('names the file after the scan, in the director\'s language', () => {
    const scan = { title: 'Ketenscan Noord 2026' } as Pick<Scan, 'title'>;
    expect(figuresCsvFileName(scan, 'nl', new Date(2026, 2, 4))).toBe('ketenscan-ketenscan-noord-2026-cijfers-2026-03-04.csv');
    expect(figuresCsvFileName(scan, 'en', new Date(2026, 2, 4))).toBe('ketenscan-ketenscan-noord-2026-figures-2026-03-04.csv');
  });
});
