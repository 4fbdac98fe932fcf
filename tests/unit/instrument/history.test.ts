import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, HISTORY_LIMIT, recordStep, redo, sealHistory, undo } from '../../../src/domain/instrument/history';

type Step = string;

describe('the editor history', () => {
  it('undoes and redoes steps in order, naming the step each time', () => {
    let h = createHistory<string, Step>('a');
    expect(canUndo(h)).toBe(false);
    h = recordStep(h, 'ab', 'add b');
    h = recordStep(h, 'abc', 'add c');
    expect(h.present.value).toBe('abc');
    const first = undo(h);
    expect(first.undone).toBe('add c');
    expect(first.history.present.value).toBe('ab');
    const second = undo(first.history);
    expect(second.undone).toBe('add b');
    expect(second.history.present.value).toBe('a');
    expect(canUndo(second.history)).toBe(false);
    expect(canRedo(second.history)).toBe(true);
    const again = redo(second.history);
    expect(again.redone).toBe('add b');
    expect(again.history.present.value).toBe('ab');
    expect(redo(again.history).history.present.value).toBe('abc');
  });

  it('has nothing to undo or redo at its ends', () => {
    const h = createHistory<string, Step>('a');
    expect(undo(h)).toEqual({ history: h, undone: null });
    expect(redo(h)).toEqual({ history: h, redone: null });
  });

  it('makes consecutive typing in one field one step, and a step elsewhere ends it', () => {
    let h = createHistory<string, Step>('');
    h = recordStep(h, 'H', 'type', 'field-1');
    h = recordStep(h, 'He', 'type', 'field-1');
    h = recordStep(h, 'Hey', 'type', 'field-1');
    expect(h.past).toHaveLength(1);
    expect(undo(h).history.present.value).toBe('');
    h = recordStep(h, 'Hey!', 'type', 'field-2');
    expect(h.past).toHaveLength(2);
    expect(undo(h).history.present.value).toBe('Hey');
  });

  it('starts a new step after sealing, and after an undo', () => {
    let h = createHistory<string, Step>('');
    h = recordStep(h, 'a', 'type', 'f');
    h = sealHistory(h);
    h = recordStep(h, 'ab', 'type', 'f');
    expect(h.past).toHaveLength(2);
    const { history } = undo(h);
    const typed = recordStep(history, 'ax', 'type', 'f');
    expect(typed.past.map((e) => e.value)).toEqual(['', 'a']);
    // A new step drops what could be redone.
    expect(canRedo(typed)).toBe(false);
  });

  it('ignores a step that changes nothing, and keeps at most the limit of steps', () => {
    let h = createHistory<number, Step>(0);
    expect(recordStep(h, 0, 'same')).toBe(h);
    for (let i = 1; i <= HISTORY_LIMIT + 5; i++) h = recordStep(h, i, `to ${i}`);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]!.value).toBe(5);
  });
});
