import { db, type EditorDraftRow } from './db';

// The instrument editor's unsaved work, kept as it is typed so a reload, a closed tab or a flat
// battery loses nothing (docs/instrument-and-rounds.md, "Edit without fear"). One row per key:
// the editor chooses the key (which questionnaire or which scan it edits). The value is the
// editor's own JSON-safe state; its reader checks it and sets an unreadable one aside.

/** The kept draft under `key`, or null. */
export async function loadEditorDraft(key: string): Promise<EditorDraftRow | null> {
  return (await db.editorDrafts.get(key)) ?? null;
}

/** Keeps the editor's state under `key`, replacing what was kept before. */
export async function saveEditorDraft(key: string, value: unknown, now: Date = new Date()): Promise<void> {
  await db.editorDrafts.put({ key, value, updatedAt: now.toISOString() });
}

/** Forgets the draft under `key` (after a save, or when the director discards it). */
export async function deleteEditorDraft(key: string): Promise<void> {
  await db.editorDrafts.delete(key);
}
