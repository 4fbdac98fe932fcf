import { ITEM_KINDS, type Dimension, type LocalizedText } from '../types';
import type { DraftStatement, InstrumentDraft } from './draft';
import { VERSION_NAME_MAX } from './versions';

// What the instrument editor keeps of its unsaved work in the table `editorDrafts`
// (docs/instrument-and-rounds.md, "Edit without fear"), and the check of such a row when it is
// read back. A kept draft is the editor's own JSON; a row that is not one, or that was made from
// another version than the one the editor opens now, is set aside, never used and never a crash.

export const EDITOR_DRAFT_FORMAT = 'ketenscan-editor-draft';

export interface StoredEditorDraft {
  format: typeof EDITOR_DRAFT_FORMAT;
  version: 1;
  /** The version id (versionIdOf) of the version the draft started from. */
  baseVersionId: string;
  draft: InstrumentDraft;
  /** What was typed in "Naam van deze versie"; '' when nothing. */
  versionName: string;
}

/** The key of the kept draft: per library version, or per scan's questionnaire. */
export const editorDraftKey = (target: { versionId: string } | { scanId: string }): string =>
  'scanId' in target ? `scan:${target.scanId}` : `instrument:${target.versionId}`;

export function storedEditorDraft(baseVersionId: string, draft: InstrumentDraft, versionName: string): StoredEditorDraft {
  return { format: EDITOR_DRAFT_FORMAT, version: 1, baseVersionId, draft, versionName };
}

export type EditorDraftCheck =
  | { ok: true; value: StoredEditorDraft }
  /** Not a draft this editor can read; `field` names the first wrong field. */
  | { ok: false; problem: 'unreadable'; field: string }
  /** A readable draft of another version (the scan's questionnaire changed meanwhile). */
  | { ok: false; problem: 'other-base' };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is LocalizedText => isRecord(value) && typeof value.nl === 'string' && typeof value.en === 'string';
const isStringOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isString = (value: unknown): value is string => typeof value === 'string';
const isDimension = (value: unknown): value is Dimension => isRecord(value) && typeof value.id === 'string' && isText(value.label);

/** The first wrong field of a statement, or null. */
function statementProblem(value: unknown): string | null {
  if (!isRecord(value)) return '';
  if (typeof value.key !== 'string' || value.key === '') return 'key';
  if (!isStringOrNull(value.originId)) return 'originId';
  if (value.originText !== null && !isText(value.originText)) return 'originText';
  if ((value.originId === null) !== (value.originText === null)) return 'originText';
  if (typeof value.id !== 'string') return 'id';
  if (typeof value.dimension !== 'string') return 'dimension';
  if (!(ITEM_KINDS as readonly unknown[]).includes(value.kind)) return 'kind';
  if (!isText(value.text)) return 'text';
  if (value.meaning !== null && value.meaning !== 'same' && value.meaning !== 'changed') return 'meaning';
  if (!isStringOrNull(value.replaces)) return 'replaces';
  return null;
}

/**
 * Checks a kept editor draft against the version the editor opens now (`expected`): its shape,
 * and that it was made from that very version of that questionnaire. A valid draft comes back with
 * `nextKey` above every key in it, so a statement added after restoring never takes a used key.
 */
export function checkStoredEditorDraft(value: unknown, expected: { baseVersionId: string; instrumentId: string }): EditorDraftCheck {
  const wrong = (field: string): EditorDraftCheck => ({ ok: false, problem: 'unreadable', field });
  if (!isRecord(value)) return wrong('');
  if (value.format !== EDITOR_DRAFT_FORMAT) return wrong('format');
  if (value.version !== 1) return wrong('version');
  if (typeof value.baseVersionId !== 'string' || value.baseVersionId === '') return wrong('baseVersionId');
  if (typeof value.versionName !== 'string' || value.versionName.length > VERSION_NAME_MAX) return wrong('versionName');
  const draft = value.draft;
  if (!isRecord(draft)) return wrong('draft');
  if (typeof draft.instrumentId !== 'string' || draft.instrumentId === '') return wrong('draft.instrumentId');
  if (typeof draft.baseVersion !== 'number' || !Number.isInteger(draft.baseVersion)) return wrong('draft.baseVersion');
  if (!isText(draft.title)) return wrong('draft.title');
  if (!Array.isArray(draft.dimensions)) return wrong('draft.dimensions');
  const badDimension = draft.dimensions.findIndex((d) => !isDimension(d));
  if (badDimension >= 0) return wrong(`draft.dimensions[${badDimension}]`);
  if (!Array.isArray(draft.statements)) return wrong('draft.statements');
  for (const [index, statement] of draft.statements.entries()) {
    const field = statementProblem(statement);
    if (field !== null) return wrong(`draft.statements[${index}]${field ? `.${field}` : ''}`);
  }
  const statements = draft.statements as DraftStatement[];
  if (new Set(statements.map((s) => s.key)).size !== statements.length) return wrong('draft.statements.key');
  if (!Array.isArray(draft.reservedIds) || !draft.reservedIds.every(isString)) return wrong('draft.reservedIds');
  if (typeof draft.nextKey !== 'number' || !Number.isInteger(draft.nextKey) || draft.nextKey < 0) return wrong('draft.nextKey');
  if (value.baseVersionId !== expected.baseVersionId || draft.instrumentId !== expected.instrumentId) return { ok: false, problem: 'other-base' };

  const highestKey = Math.max(-1, ...statements.map((s) => Number(/^s(\d+)$/.exec(s.key)?.[1] ?? -1)));
  const checked: InstrumentDraft = {
    instrumentId: draft.instrumentId,
    baseVersion: draft.baseVersion,
    title: draft.title,
    dimensions: draft.dimensions as Dimension[],
    statements,
    reservedIds: draft.reservedIds,
    nextKey: Math.max(draft.nextKey, highestKey + 1),
  };
  return { ok: true, value: { format: EDITOR_DRAFT_FORMAT, version: 1, baseVersionId: value.baseVersionId, draft: checked, versionName: value.versionName } };
}
