// The editor's undo/redo history (docs/instrument-and-rounds.md, "Edit without fear"): pure, so
// the rules are tested without a browser. Every editing step records the new value with a
// description of the step, which the editor announces when the step is undone or redone.
// Consecutive typing in one field is one step: a step with the same `group` as the one before it
// replaces that step's value instead of adding a step, until something else happens in between
// (another step, an undo, or `sealHistory` when the field loses focus).

export interface HistoryEntry<T, S> {
  readonly value: T;
  /** The step that produced this value; null for the starting value. */
  readonly step: S | null;
}

export interface History<T, S> {
  readonly past: readonly HistoryEntry<T, S>[];
  readonly present: HistoryEntry<T, S>;
  readonly future: readonly HistoryEntry<T, S>[];
  /** The coalescing group of the present step; null when the next step starts a new one. */
  readonly group: string | null;
}

/** How many steps back undo reaches; older steps are dropped. */
export const HISTORY_LIMIT = 200;

export function createHistory<T, S>(value: T): History<T, S> {
  return { past: [], present: { value, step: null }, future: [], group: null };
}

/**
 * Records a step. A step whose value is the present value itself changes nothing. With a `group`
 * equal to the present step's, the present step takes the new value (typing goes on).
 */
export function recordStep<T, S>(history: History<T, S>, value: T, step: S, group: string | null = null): History<T, S> {
  if (value === history.present.value) return history;
  if (group !== null && group === history.group && history.past.length > 0) {
    return { ...history, present: { value, step }, future: [], group };
  }
  const past = [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: { value, step }, future: [], group };
}

/** Ends the present typing group: the next keystroke in the same field is a new step. */
export function sealHistory<T, S>(history: History<T, S>): History<T, S> {
  return history.group === null ? history : { ...history, group: null };
}

export const canUndo = (history: History<unknown, unknown>): boolean => history.past.length > 0;
export const canRedo = (history: History<unknown, unknown>): boolean => history.future.length > 0;

/** Steps back; `undone` is the step that was taken back (null when there was nothing to undo). */
export function undo<T, S>(history: History<T, S>): { history: History<T, S>; undone: S | null } {
  const previous = history.past.at(-1);
  if (!previous) return { history, undone: null };
  return {
    history: { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], group: null },
    undone: history.present.step,
  };
}

/** Steps forward again; `redone` is the step that was done again (null when there was nothing to redo). */
export function redo<T, S>(history: History<T, S>): { history: History<T, S>; redone: S | null } {
  const next = history.future[0];
  if (!next) return { history, redone: null };
  return {
    history: { past: [...history.past, history.present], present: next, future: history.future.slice(1), group: null },
    redone: next.step,
  };
}
