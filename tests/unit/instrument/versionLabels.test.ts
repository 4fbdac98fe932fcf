import { describe, expect, it } from 'vitest';
import { DEFAULT_INSTRUMENT } from '../../../src/domain/instrument/defaultInstrument';
import { versionLabelOf, versionLabels } from '../../../src/domain/instrument/versionLabels';
import { SNAPSHOT_SAVED_AT, versionIdOf } from '../../../src/domain/instrument/versions';
import type { Instrument } from '../../../src/domain/types';

const version = (n: number, versionId: string, extra: Partial<Instrument> & { savedAt?: string } = {}) => ({ ...DEFAULT_INSTRUMENT, version: n, versionId, ...extra });

describe('labels of questionnaire versions', () => {
  it('calls a version by its name, or by its number, and adds nothing when nothing is ambiguous', () => {
    const labels = versionLabels([version(2, 'a-1', { versionName: '  Najaar 2027 ', savedAt: '2027-01-02T10:00:00.000Z' }), version(3, 'b-2', { savedAt: '2027-02-02T10:00:00.000Z' })]);
    expect(labels.get('a-1')).toEqual({ name: 'Najaar 2027', version: 2, savedAt: null, idPart: null });
    expect(labels.get('b-2')).toEqual({ name: null, version: 3, savedAt: null, idPart: null });
  });

  it('tells two "version 4"s of one questionnaire apart by their save date', () => {
    const here = version(4, 'aaaaaaaa-1111', { savedAt: '2027-03-01T09:00:00.000Z' });
    const there = version(4, 'bbbbbbbb-2222', { savedAt: '2027-03-05T09:00:00.000Z' });
    const labels = versionLabels([here, there]);
    expect(labels.get('aaaaaaaa-1111')).toEqual({ name: null, version: 4, savedAt: '2027-03-01T09:00:00.000Z', idPart: null });
    expect(labels.get('bbbbbbbb-2222')).toEqual({ name: null, version: 4, savedAt: '2027-03-05T09:00:00.000Z', idPart: null });
  });

  it('adds the start of the id when the save day is the same too, long enough to differ', () => {
    const a = version(4, 'abcdef12-0000', { savedAt: '2027-03-01T09:00:00.000Z' });
    const b = version(4, 'abcdef99-0000', { savedAt: '2027-03-01T15:00:00.000Z' });
    const labels = versionLabels([a, b]);
    expect(labels.get('abcdef12-0000')?.idPart).toBe('abcdef1');
    expect(labels.get('abcdef99-0000')?.idPart).toBe('abcdef9');
    expect(labels.get('abcdef12-0000')?.savedAt).toBe('2027-03-01T09:00:00.000Z');
  });

  it('never tells versions apart by the placeholder time of a version known only from a scan (1 January 1970)', () => {
    const fromScan = version(4, 'abcdef12-0000', { savedAt: SNAPSHOT_SAVED_AT });
    const saved = version(4, 'fedcba98-0000', { savedAt: '2027-03-01T09:00:00.000Z' });
    const labels = versionLabels([fromScan, saved]);
    expect(labels.get('abcdef12-0000')).toEqual({ name: null, version: 4, savedAt: null, idPart: null });
    expect(labels.get('fedcba98-0000')?.savedAt).toBe('2027-03-01T09:00:00.000Z');
    // Two versions from scans: no date to tell them by, so the start of their ids does.
    const twoFromScans = versionLabels([fromScan, version(4, 'fedcba98-0000', { savedAt: SNAPSHOT_SAVED_AT })]);
    expect(twoFromScans.get('abcdef12-0000')).toEqual({ name: null, version: 4, savedAt: null, idPart: 'abcdef' });
    expect(twoFromScans.get('fedcba98-0000')?.idPart).toBe('fedcba');
  });

  it('treats a shared name, and a name that reads as another version\'s number, as ambiguous', () => {
    const named = versionLabels([version(2, 'n-1', { versionName: 'Voorjaar', savedAt: '2027-01-01T00:00:00.000Z' }), version(3, 'n-2', { versionName: 'voorjaar', savedAt: '2027-02-01T00:00:00.000Z' })]);
    expect(named.get('n-1')?.savedAt).toBe('2027-01-01T00:00:00.000Z');
    expect(named.get('n-2')?.savedAt).toBe('2027-02-01T00:00:00.000Z');
    const numberName = versionLabels([version(5, 'x-1', { versionName: 'versie 3', savedAt: '2027-01-01T00:00:00.000Z' }), version(3, 'x-2', { savedAt: '2027-02-01T00:00:00.000Z' })]);
    expect(numberName.get('x-1')?.savedAt).not.toBeNull();
    expect(numberName.get('x-2')?.savedAt).not.toBeNull();
  });

  it('does not compare versions of different questionnaires', () => {
    const other = { ...version(4, 'o-1'), id: 'other-questionnaire' };
    const labels = versionLabels([version(4, 'q-1', { savedAt: '2027-01-01T00:00:00.000Z' }), other]);
    expect(labels.get('q-1')).toEqual({ name: null, version: 4, savedAt: null, idPart: null });
    expect(labels.get('o-1')).toEqual({ name: null, version: 4, savedAt: null, idPart: null });
  });

  it('counts a version once, by its id, taking the save date from the library row', () => {
    const row = version(4, 'same', { savedAt: '2027-01-01T00:00:00.000Z' });
    const snapshot = version(4, 'same');
    const other = version(4, 'other');
    const labels = versionLabels([snapshot, row, other]);
    expect(labels.size).toBe(2);
    expect(labels.get('same')?.savedAt).toBe('2027-01-01T00:00:00.000Z');
    // Two snapshots without a save date and the same number: only the id tells them apart.
    const snapshots = versionLabels([version(4, 'f00d-1'), version(4, 'beef-2')]);
    expect(snapshots.get('f00d-1')).toEqual({ name: null, version: 4, savedAt: null, idPart: 'f00d1' });
    expect(snapshots.get('beef-2')).toEqual({ name: null, version: 4, savedAt: null, idPart: 'beef2' });
  });

  it('uses the content id of an old version without its legacy prefix', () => {
    const legacy = { ...DEFAULT_INSTRUMENT, version: 4 };
    const labels = versionLabels([legacy, version(4, 'zzzzzz-1')]);
    expect(labels.get(versionIdOf(legacy))?.idPart).toBe(versionIdOf(legacy).slice('legacy-'.length, 'legacy-'.length + 6));
    expect(versionLabelOf(legacy, [])).toEqual({ name: null, version: 4, savedAt: null, idPart: null });
  });
});
