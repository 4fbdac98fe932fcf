import { describe, expect, it } from 'vitest';
import { copyDefaultInstrument } from '../../../src/domain/instrument/defaultInstrument';
import { addStatement, startDraft, updateStatement } from '../../../src/domain/instrument/draft';
import { checkStoredEditorDraft, editorDraftKey, storedEditorDraft } from '../../../src/domain/instrument/editorDraft';

const base = copyDefaultInstrument();
const expected = { baseVersionId: 'v-1', instrumentId: base.id };
const roundTrip = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('a kept editor draft', () => {
  it('reads back as it was kept', () => {
    let draft = startDraft(base);
    draft = updateStatement(draft, 's0', { text: { nl: 'Anders', en: 'Other' } });
    const stored = storedEditorDraft('v-1', draft, 'Najaar');
    expect(checkStoredEditorDraft(roundTrip(stored), expected)).toEqual({ ok: true, value: stored });
  });

  it('is keyed per library version or per scan', () => {
    expect(editorDraftKey({ versionId: 'abc' })).toBe('instrument:abc');
    expect(editorDraftKey({ scanId: 'xyz' })).toBe('scan:xyz');
  });

  it('is set aside when it was made from another version or questionnaire', () => {
    const stored = roundTrip(storedEditorDraft('v-0', startDraft(base), ''));
    expect(checkStoredEditorDraft(stored, expected)).toEqual({ ok: false, problem: 'other-base' });
    const otherLineage = roundTrip(storedEditorDraft('v-1', { ...startDraft(base), instrumentId: 'other' }, ''));
    expect(checkStoredEditorDraft(otherLineage, expected)).toEqual({ ok: false, problem: 'other-base' });
  });

  it('names the first wrong field of an unreadable row', () => {
    const good = roundTrip(storedEditorDraft('v-1', startDraft(base), '')) as { draft: { statements: Array<Record<string, unknown>> } };
    expect(checkStoredEditorDraft(null, expected)).toEqual({ ok: false, problem: 'unreadable', field: '' });
    expect(checkStoredEditorDraft({ ...(good as object), format: 'x' }, expected)).toEqual({ ok: false, problem: 'unreadable', field: 'format' });
    expect(checkStoredEditorDraft({ ...(good as object), versionName: 'x'.repeat(81) }, expected)).toEqual({ ok: false, problem: 'unreadable', field: 'versionName' });
    const badKind = structuredClone(good);
    badKind.draft.statements[3]!.kind = 'barometer';
    expect(checkStoredEditorDraft(badKind, expected)).toEqual({ ok: false, problem: 'unreadable', field: 'draft.statements[3].kind' });
    const twoKeys = structuredClone(good);
    twoKeys.draft.statements[1]!.key = twoKeys.draft.statements[0]!.key;
    expect(checkStoredEditorDraft(twoKeys, expected)).toEqual({ ok: false, problem: 'unreadable', field: 'draft.statements.key' });
  });

  it('never hands out a key already in the draft, whatever nextKey says', () => {
    const draft = addStatement(startDraft(base), 'leren');
    const stored = roundTrip(storedEditorDraft('v-1', { ...draft, nextKey: 2 }, '')) as object;
    const checked = checkStoredEditorDraft(stored, expected);
    expect(checked.ok && checked.value.draft.nextKey).toBe(14);
  });
});
