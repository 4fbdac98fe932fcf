import { slugify } from '../scan';
import type { Dimension, Instrument, Item, ItemKind, LocalizedText } from '../types';
import { isBlank, validateInstrument, type InstrumentProblem } from './validate';

// The instrument editor's working copy and its pure operations (docs/instrument-and-rounds.md).
// Statement ids are what rounds are matched by, so the editor never invents or reuses them
// casually: a kept statement keeps its id; a new statement gets the next free number of its
// instrument's whole history; a reformulated one keeps its id only when the director says the
// meaning did not change, and otherwise gets a new id as well.

export type Meaning = 'same' | 'changed';

export interface DraftStatement {
  /** Local key for the editor's list; never stored. */
  key: string;
  /** The id the statement had in the version the draft started from; null for a new statement. */
  originId: string | null;
  /** Its text in that version, to notice a reformulation. */
  originText: LocalizedText | null;
  /** The id it gets: the origin id, or a new one (new statement, or a changed meaning). */
  id: string;
  dimension: string;
  kind: ItemKind;
  text: LocalizedText;
  /** For a reformulated statement: the director's answer to "does the meaning change?"; null while unanswered. */
  meaning: Meaning | null;
  /** The statement it replaced in an earlier version (Item.replaces), carried as it was; null: none. */
  replaces: string | null;
}

export interface InstrumentDraft {
  /** The instrument (lineage) id; saving makes a new version of it. */
  instrumentId: string;
  /** The version the draft started from. */
  baseVersion: number;
  title: LocalizedText;
  dimensions: Dimension[];
  statements: DraftStatement[];
  /** Statement ids of every known version of this instrument: never handed out again. */
  reservedIds: readonly string[];
  nextKey: number;
}

export type DraftProblem = InstrumentProblem | { code: 'meaning-unanswered'; itemId: string };

/** A draft from an instrument version; `knownIds` are statement ids of all other versions of it. */
export function startDraft(instrument: Instrument, knownIds: readonly string[] = []): InstrumentDraft {
  const statements = instrument.items.map((item, index) => ({
    key: `s${index}`,
    originId: item.id,
    originText: { ...item.text },
    id: item.id,
    dimension: item.dimension,
    kind: item.kind,
    text: { ...item.text },
    meaning: null,
    replaces: item.replaces ?? null,
  }));
  return {
    instrumentId: instrument.id,
    baseVersion: instrument.version,
    title: { ...instrument.title },
    dimensions: instrument.dimensions.map((d) => ({ id: d.id, label: { ...d.label } })),
    statements,
    reservedIds: [...new Set([...knownIds, ...instrument.items.map((i) => i.id)])],
    nextKey: statements.length,
  };
}

/** The next free statement id "qNN": one above every q-number the instrument ever used or uses now. */
export function nextStatementId(draft: Pick<InstrumentDraft, 'reservedIds' | 'statements'>): string {
  let highest = 0;
  for (const id of [...draft.reservedIds, ...draft.statements.map((s) => s.id)]) {
    const match = /^q(\d+)$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `q${String(highest + 1).padStart(2, '0')}`;
}

const sameText = (a: LocalizedText, b: LocalizedText): boolean => a.nl.trim() === b.nl.trim() && a.en.trim() === b.en.trim();

/** True when a statement kept from the base version has another text now. */
export function isReformulated(statement: DraftStatement): boolean {
  return statement.originText !== null && !sameText(statement.originText, statement.text);
}

export function addStatement(draft: InstrumentDraft, dimension: string, kind: ItemKind = 'thermometer'): InstrumentDraft {
  const statement: DraftStatement = {
    key: `s${draft.nextKey}`,
    originId: null,
    originText: null,
    id: nextStatementId(draft),
    dimension,
    kind,
    text: { nl: '', en: '' },
    meaning: null,
    replaces: null,
  };
  return { ...draft, statements: [...draft.statements, statement], nextKey: draft.nextKey + 1 };
}

export function removeStatement(draft: InstrumentDraft, key: string): InstrumentDraft {
  return { ...draft, statements: draft.statements.filter((s) => s.key !== key) };
}

/** Moves a statement up (-1) or down (+1); nothing happens at either end. */
export function moveStatement(draft: InstrumentDraft, key: string, delta: -1 | 1): InstrumentDraft {
  const index = draft.statements.findIndex((s) => s.key === key);
  const target = index + delta;
  if (index < 0 || target < 0 || target >= draft.statements.length) return draft;
  const statements = [...draft.statements];
  [statements[index], statements[target]] = [statements[target]!, statements[index]!];
  return { ...draft, statements };
}

/**
 * Moves a statement to position `index` (0-based) of the list, in one step: statement 13 to the
 * top is one action, not twelve. An index beyond either end is clamped; an unknown key changes nothing.
 */
export function moveStatementTo(draft: InstrumentDraft, key: string, index: number): InstrumentDraft {
  const from = draft.statements.findIndex((s) => s.key === key);
  if (from < 0 || !Number.isFinite(index)) return draft;
  const to = Math.min(Math.max(Math.trunc(index), 0), draft.statements.length - 1);
  if (to === from) return draft;
  const statements = draft.statements.filter((s) => s.key !== key);
  statements.splice(to, 0, draft.statements[from]!);
  return { ...draft, statements };
}

export type StatementPatch = Partial<Pick<DraftStatement, 'dimension' | 'kind' | 'text'>>;

export function updateStatement(draft: InstrumentDraft, key: string, patch: StatementPatch): InstrumentDraft {
  return {
    ...draft,
    statements: draft.statements.map((s) => {
      if (s.key !== key) return s;
      const next = { ...s, ...patch };
      // Back to the original wording: the question of meaning no longer arises.
      if (next.originId !== null && !isReformulated(next)) return { ...next, id: next.originId, meaning: null };
      return next;
    }),
  };
}

/** The director's answer for a reformulated statement: the same meaning keeps the id, a changed one gets a new id. */
export function setMeaning(draft: InstrumentDraft, key: string, meaning: Meaning): InstrumentDraft {
  const statement = draft.statements.find((s) => s.key === key);
  if (!statement || statement.originId === null) return draft;
  const others = { ...draft, statements: draft.statements.filter((s) => s.key !== key) };
  const id = meaning === 'same' ? statement.originId : statement.meaning === 'changed' ? statement.id : nextStatementId({ ...others, reservedIds: [...draft.reservedIds, statement.originId] });
  return { ...draft, statements: draft.statements.map((s) => (s.key === key ? { ...s, meaning, id } : s)) };
}

/** A new dimension named as typed; its id is a slug of the name, made unique. */
export function addDimension(draft: InstrumentDraft, label: LocalizedText): InstrumentDraft {
  const base = slugify(label.nl || label.en) || 'dimensie';
  const ids = new Set(draft.dimensions.map((d) => d.id));
  let id = base;
  for (let i = 2; ids.has(id); i++) id = `${base}-${i}`;
  return { ...draft, dimensions: [...draft.dimensions, { id, label: { ...label } }] };
}

export function renameDimension(draft: InstrumentDraft, id: string, label: LocalizedText): InstrumentDraft {
  return { ...draft, dimensions: draft.dimensions.map((d) => (d.id === id ? { ...d, label: { ...label } } : d)) };
}

/** Removes a dimension that has no statements; one with statements stays (move them first). */
export function removeDimension(draft: InstrumentDraft, id: string): InstrumentDraft {
  if (draft.statements.some((s) => s.dimension === id)) return draft;
  return { ...draft, dimensions: draft.dimensions.filter((d) => d.id !== id) };
}

const tidy = (text: LocalizedText): LocalizedText => ({ nl: text.nl.trim(), en: text.en.trim() });

/** The instrument a draft saves as, with the given version number. */
export function finishDraft(draft: InstrumentDraft, version: number): Instrument {
  const items: Item[] = draft.statements.map((s) => {
    const item: Item = { id: s.id, dimension: s.dimension, kind: s.kind, text: tidy(s.text) };
    // A changed meaning replaces the statement the draft started from; a kept statement keeps what it replaced.
    const replaces = s.originId !== null && s.id !== s.originId ? s.originId : s.replaces;
    if (replaces !== null) item.replaces = replaces;
    return item;
  });
  return { id: draft.instrumentId, version, title: tidy(draft.title), dimensions: draft.dimensions.map((d) => ({ id: d.id, label: tidy(d.label) })), items };
}

/** Everything that stops a draft from being saved: unanswered meaning questions, then the instrument rules. */
export function checkDraft(draft: InstrumentDraft): DraftProblem[] {
  const unanswered: DraftProblem[] = draft.statements
    .filter((s) => isReformulated(s) && s.meaning === null && !isBlank(s.text.nl + s.text.en))
    .map((s) => ({ code: 'meaning-unanswered', itemId: s.id }));
  return [...unanswered, ...validateInstrument(finishDraft(draft, draft.baseVersion + 1))];
}

/** Whether the draft differs from the version it started from (order, texts, kinds, dimensions, title). */
export function hasChanges(draft: InstrumentDraft, base: Instrument): boolean {
  const finished = finishDraft(draft, base.version);
  return JSON.stringify(finished) !== JSON.stringify({ ...base, title: tidy(base.title) });
}
