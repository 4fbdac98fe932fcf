import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../../src/domain/instrument/diff';
import type { Instrument, Item } from '../../../src/domain/types';

const item = (id: string, nl: string, extra: Partial<Item> = {}): Item => ({ id, dimension: 'a', kind: 'thermometer', text: { nl, en: `${nl} (en)` }, ...extra });

const version = (n: number, items: Item[], dimensions = [{ id: 'a', label: { nl: 'Alfa', en: 'Alpha' } }]): Instrument => ({
  id: 'lineage',
  version: n,
  versionId: `v${n}`,
  title: { nl: 'Vragenlijst', en: 'Questionnaire' },
  dimensions,
  items,
});

const summary = (older: Instrument, newer: Instrument, known: Instrument[] = []) =>
  diffVersions(older, newer, known).statements.map((r) => `${r.status}:${r.older?.id ?? '-'}>${r.newer?.id ?? '-'}`);

describe('the difference between two versions of a questionnaire', () => {
  const v1 = version(1, [item('q01', 'Een'), item('q02', 'Twee'), item('q03', 'Drie'), item('q04', 'Vier'), item('q05', 'Vijf')]);

  it('says per statement: unchanged, reworded with the same meaning, new meaning, struck and added, in a stable order', () => {
    const v2 = version(2, [
      item('q01', 'Een'),
      item('q02', 'Twee, beter gezegd'),
      item('q06', 'Drie, iets anders', { replaces: 'q03' }),
      item('q05', 'Vijf'),
      item('q07', 'Zeven'),
    ]);
    expect(summary(v1, v2)).toEqual(['unchanged:q01>q01', 'reworded:q02>q02', 'new-meaning:q03>q06', 'struck:q04>-', 'unchanged:q05>q05', 'added:->q07']);
    const diff = diffVersions(v1, v2);
    expect(diff.counts).toEqual({ unchanged: 2, moved: 0, reworded: 1, 'new-meaning': 1, struck: 1, added: 1 });
    const newMeaning = diff.statements[2]!;
    expect(newMeaning.replacementChain).toEqual(['q06', 'q03']);
    expect([newMeaning.olderPosition, newMeaning.newerPosition]).toEqual([3, 3]);
    expect(diff.statements[3]).toMatchObject({ olderPosition: 4, newerPosition: null, newer: null });
  });

  it('calls a statement moved only when it left the order of the others: moving one to the top moves one', () => {
    const v2 = version(2, [v1.items[4]!, ...v1.items.slice(0, 4)]);
    expect(summary(v1, v2)).toEqual(['moved:q05>q05', 'unchanged:q01>q01', 'unchanged:q02>q02', 'unchanged:q03>q03', 'unchanged:q04>q04']);
    expect(diffVersions(v1, v2).counts.moved).toBe(1);
  });

  it('keeps "reworded" for a moved and reworded statement, and marks it moved', () => {
    const v2 = version(2, [{ ...v1.items[4]!, text: { nl: 'Vijf!', en: 'Five!' } }, ...v1.items.slice(0, 4)]);
    const first = diffVersions(v1, v2).statements[0]!;
    expect(first).toMatchObject({ status: 'reworded', moved: true });
  });

  it('sees a change of only the English text as a rewording', () => {
    const v2 = version(2, v1.items.map((it) => (it.id === 'q04' ? { ...it, text: { nl: it.text.nl, en: 'Four, reworded' } } : it)));
    expect(diffVersions(v1, v2).statements.find((r) => r.older?.id === 'q04')?.status).toBe('reworded');
  });

  it('notes a change of dimension or kind on a kept statement', () => {
    const dims = [...v1.dimensions, { id: 'b', label: { nl: 'Beta', en: 'Beta' } }];
    const v2 = version(2, v1.items.map((it) => (it.id === 'q02' ? { ...it, dimension: 'b' } : it.id === 'q03' ? { ...it, kind: 'thermostat' as const } : it)), dims);
    const rows = diffVersions(v1, v2).statements;
    expect(rows.find((r) => r.newer?.id === 'q02')).toMatchObject({ status: 'unchanged', dimensionChanged: true, kindChanged: false });
    expect(rows.find((r) => r.newer?.id === 'q03')).toMatchObject({ status: 'unchanged', dimensionChanged: false, kindChanged: true });
  });

  it('recognises a new meaning two versions back through the known versions\' replaces records', () => {
    // v2: q03 got a new meaning as q06. v3: q06 got a new meaning again as q08 (q08 replaces q06 only).
    const v2 = version(2, [item('q01', 'Een'), item('q02', 'Twee'), item('q06', 'Drie anders', { replaces: 'q03' }), item('q04', 'Vier'), item('q05', 'Vijf')]);
    const v3 = version(3, [item('q01', 'Een'), item('q02', 'Twee'), item('q08', 'Drie nog anders', { replaces: 'q06' }), item('q04', 'Vier'), item('q05', 'Vijf')]);
    // Without v2 the link from q06 to q03 is unknown: q03 struck (right after q02, which it followed), q08 added.
    expect(summary(v1, v3)).toEqual(['unchanged:q01>q01', 'unchanged:q02>q02', 'struck:q03>-', 'added:->q08', 'unchanged:q04>q04', 'unchanged:q05>q05']);
    const diff = diffVersions(v1, v3, [v1, v2, v3]);
    expect(summary(v1, v3, [v2])).toEqual(['unchanged:q01>q01', 'unchanged:q02>q02', 'new-meaning:q03>q08', 'unchanged:q04>q04', 'unchanged:q05>q05']);
    expect(diff.statements[2]!.replacementChain).toEqual(['q08', 'q06', 'q03']);
  });

  it('does not call a kept statement that replaced one long ago a new meaning', () => {
    const v2 = version(2, [item('q01', 'Een'), item('q06', 'Twee anders', { replaces: 'q02' })]);
    const v3 = version(3, [item('q01', 'Een'), item('q06', 'Twee anders', { replaces: 'q02' })]);
    expect(summary(v2, v3)).toEqual(['unchanged:q01>q01', 'unchanged:q06>q06']);
  });

  it('ends a replaces loop instead of walking forever, and calls the statement added', () => {
    const loop = version(9, [item('q10', 'X', { replaces: 'q11' })]);
    const other = version(8, [item('q11', 'Y', { replaces: 'q10' })]);
    expect(summary(v1, loop, [other]).filter((s) => s.includes('q10'))).toEqual(['added:->q10']);
  });

  it('puts statements struck at the start and in a row in the older order', () => {
    const v2 = version(2, [item('q03', 'Drie'), item('q05', 'Vijf')]);
    expect(summary(v1, v2)).toEqual(['struck:q01>-', 'struck:q02>-', 'unchanged:q03>q03', 'struck:q04>-', 'unchanged:q05>q05']);
  });

  it('lists dimension renames, additions and removals', () => {
    const older = version(1, [item('q01', 'Een')], [
      { id: 'a', label: { nl: 'Alfa', en: 'Alpha' } },
      { id: 'b', label: { nl: 'Beta', en: 'Beta' } },
      { id: 'c', label: { nl: 'Gamma', en: 'Gamma' } },
    ]);
    const newer = version(2, [item('q01', 'Een')], [
      { id: 'a', label: { nl: 'Alfa', en: 'Alpha' } },
      { id: 'c', label: { nl: 'Gamma nieuw', en: 'Gamma' } },
      { id: 'd', label: { nl: 'Delta', en: 'Delta' } },
    ]);
    expect(diffVersions(older, newer).dimensions.map((d) => `${d.status}:${d.id}`)).toEqual(['unchanged:a', 'removed:b', 'renamed:c', 'added:d']);
  });

  it('finds nothing between a version and itself', () => {
    const diff = diffVersions(v1, v1);
    expect(diff.counts).toEqual({ unchanged: 5, moved: 0, reworded: 0, 'new-meaning': 0, struck: 0, added: 0 });
    expect(diff.dimensions.every((d) => d.status === 'unchanged')).toBe(true);
  });
});
