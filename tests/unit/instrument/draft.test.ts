import { describe, expect, it } from 'vitest';
import { copyDefaultInstrument } from '../../../src/domain/instrument/defaultInstrument';
import {
  addDimension,
  addStatement,
  checkDraft,
  finishDraft,
  hasChanges,
  isReformulated,
  moveStatement,
  moveStatementTo,
  nextStatementId,
  removeDimension,
  removeStatement,
  setMeaning,
  startDraft,
  updateStatement,
} from '../../../src/domain/instrument/draft';
import { isInstrumentFrozen, knownStatementIds, nextInstrumentVersion } from '../../../src/domain/instrument/versions';

const base = copyDefaultInstrument();
const keyOf = (draft: ReturnType<typeof startDraft>, id: string) => draft.statements.find((s) => s.id === id)!.key;

describe('the instrument draft', () => {
  it('starts unchanged and saves the same statements in the same order', () => {
    const draft = startDraft(base);
    expect(hasChanges(draft, base)).toBe(false);
    expect(finishDraft(draft, 2)).toEqual({ ...base, version: 2 });
    expect(checkDraft(draft)).toEqual([]);
  });

  it('gives a new statement the next number of the whole history, never a removed one', () => {
    let draft = startDraft(base, ['q14', 'q15']);
    draft = removeStatement(draft, keyOf(draft, 'q13'));
    draft = addStatement(draft, 'leren', 'thermostat');
    const added = draft.statements.at(-1)!;
    expect(added.id).toBe('q16');
    expect(added.originId).toBeNull();
    // Empty text is not saveable.
    expect(checkDraft(draft)).toEqual([{ code: 'statement-text-empty', itemId: 'q16' }]);
    draft = updateStatement(draft, added.key, { text: { nl: 'Nieuwe stelling', en: '' } });
    expect(checkDraft(draft)).toEqual([]);
    expect(finishDraft(draft, 2).items.map((i) => i.id)).toEqual([...base.items.slice(0, 12).map((i) => i.id), 'q16']);
    expect(nextStatementId({ reservedIds: [], statements: [] })).toBe('q01');
  });

  it('asks about the meaning of a reformulated statement and gives a changed meaning a new id', () => {
    let draft = startDraft(base);
    const key = keyOf(draft, 'q05');
    draft = updateStatement(draft, key, { text: { nl: 'Per gezin is er één regisseur met doorzettingsmacht.', en: 'Each family has one coordinator.' } });
    expect(isReformulated(draft.statements.find((s) => s.key === key)!)).toBe(true);
    expect(checkDraft(draft)).toEqual([{ code: 'meaning-unanswered', itemId: 'q05' }]);

    const same = setMeaning(draft, key, 'same');
    expect(same.statements.find((s) => s.key === key)!.id).toBe('q05');
    expect(checkDraft(same)).toEqual([]);

    const changed = setMeaning(draft, key, 'changed');
    expect(changed.statements.find((s) => s.key === key)!.id).toBe('q14');
    // Asking twice does not hand out another number; going back to "same" restores the id.
    expect(setMeaning(changed, key, 'changed').statements.find((s) => s.key === key)!.id).toBe('q14');
    expect(setMeaning(changed, key, 'same').statements.find((s) => s.key === key)!.id).toBe('q05');
    // Back to the original wording: the question is gone and the id is the original again.
    const reverted = updateStatement(changed, key, { text: { ...base.items[4]!.text } });
    expect(reverted.statements.find((s) => s.key === key)).toMatchObject({ id: 'q05', meaning: null });
    expect(hasChanges(reverted, base)).toBe(false);
  });

  it('records which statement a new meaning replaced, and a later version keeps that record', () => {
    let draft = startDraft(base);
    const key = keyOf(draft, 'q05');
    draft = setMeaning(updateStatement(draft, key, { text: { nl: 'Per gezin is er één regisseur.', en: 'One coordinator per family.' } }), key, 'changed');
    const v2 = finishDraft(draft, 2);
    expect(v2.items.find((i) => i.id === 'q14')?.replaces).toBe('q05');
    expect(v2.items.find((i) => i.id === 'q01')).not.toHaveProperty('replaces');
    // Version 3 from version 2: q14 is kept as it is and still says what it replaced.
    const v3 = finishDraft(startDraft(v2), 3);
    expect(v3.items.find((i) => i.id === 'q14')?.replaces).toBe('q05');
    expect(hasChanges(startDraft(v2), v2)).toBe(false);
  });

  it('does not ask about white space only', () => {
    let draft = startDraft(base);
    draft = updateStatement(draft, keyOf(draft, 'q01'), { text: { ...base.items[0]!.text, nl: `${base.items[0]!.text.nl}  ` } });
    expect(checkDraft(draft)).toEqual([]);
  });

  it('reorders, and stops at either end', () => {
    let draft = startDraft(base);
    draft = moveStatement(draft, keyOf(draft, 'q02'), -1);
    expect(draft.statements.slice(0, 2).map((s) => s.id)).toEqual(['q02', 'q01']);
    expect(moveStatement(draft, keyOf(draft, 'q02'), -1)).toBe(draft);
    expect(moveStatement(draft, keyOf(draft, 'q13'), 1)).toBe(draft);
    expect(hasChanges(draft, base)).toBe(true);
  });

  it('moves a statement to any position in one step', () => {
    const draft = startDraft(base);
    const ids = (d: typeof draft) => d.statements.map((s) => s.id);
    const top = moveStatementTo(draft, keyOf(draft, 'q13'), 0);
    expect(ids(top)).toEqual(['q13', ...base.items.slice(0, 12).map((i) => i.id)]);
    const middle = moveStatementTo(draft, keyOf(draft, 'q02'), 4);
    expect(ids(middle).slice(0, 6)).toEqual(['q01', 'q03', 'q04', 'q05', 'q02', 'q06']);
    const down = moveStatementTo(middle, keyOf(middle, 'q05'), 1);
    expect(ids(down).slice(0, 6)).toEqual(['q01', 'q05', 'q03', 'q04', 'q02', 'q06']);
    // Beyond the ends it is clamped; the same position or an unknown key changes nothing.
    expect(ids(moveStatementTo(draft, keyOf(draft, 'q01'), 99)).at(-1)).toBe('q01');
    expect(ids(moveStatementTo(draft, keyOf(draft, 'q05'), -3))[0]).toBe('q05');
    expect(moveStatementTo(draft, keyOf(draft, 'q05'), 4)).toBe(draft);
    expect(moveStatementTo(draft, 'nope', 0)).toBe(draft);
    expect(moveStatementTo(draft, keyOf(draft, 'q05'), Number.NaN)).toBe(draft);
    // Ids and texts travel with the statement.
    expect(top.statements[0]).toBe(draft.statements[12]);
  });

  it('adds, renames and removes dimensions; one with statements stays', () => {
    let draft = startDraft(base);
    draft = addDimension(draft, { nl: 'Regie', en: '' });
    expect(draft.dimensions.at(-1)!.id).toBe('regie-2');
    expect(checkDraft(draft)).toEqual([{ code: 'dimension-without-statements', dimensionId: 'regie-2' }]);
    expect(removeDimension(draft, 'regie')).toBe(draft);
    draft = removeDimension(draft, 'regie-2');
    expect(draft.dimensions.map((d) => d.id)).toEqual(base.dimensions.map((d) => d.id));
  });
});

describe('instrument versions', () => {
  it('numbers a save one above every known version of that instrument', () => {
    expect(nextInstrumentVersion([{ id: 'a', version: 1 }, { id: 'a', version: 3 }, { id: 'b', version: 9 }], 'a')).toBe(4);
    expect(nextInstrumentVersion([], 'a')).toBe(1);
  });
  it('collects the statement ids of every version of one instrument', () => {
    const v2 = { ...base, version: 2, items: [...base.items, { ...base.items[0]!, id: 'q14' }] };
    expect(knownStatementIds([base, v2, { ...base, id: 'other', items: [{ ...base.items[0]!, id: 'x' }] }], base.id)).toHaveLength(14);
  });
  it('freezes a scan instrument from the first response on', () => {
    expect(isInstrumentFrozen(0)).toBe(false);
    expect(isInstrumentFrozen(1)).toBe(true);
  });
});
