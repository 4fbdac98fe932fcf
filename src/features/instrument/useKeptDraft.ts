import { useCallback, useEffect, useRef, useState } from 'react';
import { checkStoredEditorDraft, type EditorDraftCheck, type StoredEditorDraft } from '../../domain/instrument/editorDraft';
import { classifyFailure, type Failure } from '../../ui/failures';
import { deleteEditorDraft, loadEditorDraft, saveEditorDraft } from '../../storage/editorDrafts';

// The editor's unsaved work, kept as it is typed (docs/instrument-and-rounds.md, "Edit without
// fear"): written to `editorDrafts` a moment after the last change, at once when the page is
// hidden or closed (pagehide, visibilitychange) and when the editor goes, and read back when the
// editor opens again. Writes run one after another, so a late write never lands after a delete.

/** How long after the last change the draft is written. */
export const KEEP_DELAY_MS = 400;

export type KeptDraftStart =
  | { status: 'loading' }
  | {
      status: 'ready';
      /** The kept draft to continue from, with the time it was kept; null: start from the version. */
      restored: { value: StoredEditorDraft; updatedAt: string } | null;
      /** A kept row that could not be used (it is set aside under `set-aside:<key>`), or a failed read. */
      setAside: Exclude<EditorDraftCheck, { ok: true }> | null;
      readFailure: Failure | null;
    };

export interface KeptDraft {
  start: KeptDraftStart;
  /** Keeps `value` soon (null: nothing to keep, the kept row is deleted). */
  keep: (value: StoredEditorDraft | null) => void;
  /** Writes what waits now; resolves false when the write failed. */
  flush: () => Promise<boolean>;
  /** Deletes the kept draft (after a save, or a discard); resolves false when that failed. */
  forget: () => Promise<boolean>;
  /** When the draft was last written, ISO; null before the first write. */
  keptAt: string | null;
  /** The last write's failure; null once a write succeeds. */
  writeFailure: Failure | null;
}

export function useKeptDraft(key: string, expected: { baseVersionId: string; instrumentId: string }): KeptDraft {
  const [start, setStart] = useState<KeptDraftStart>({ status: 'loading' });
  const [keptAt, setKeptAt] = useState<string | null>(null);
  const [writeFailure, setWriteFailure] = useState<Failure | null>(null);
  const pending = useRef<{ value: StoredEditorDraft | null } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const alive = useRef(true);

  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const row = await loadEditorDraft(key);
        if (!current) return;
        if (row === null) return setStart({ status: 'ready', restored: null, setAside: null, readFailure: null });
        const checked = checkStoredEditorDraft(row.value, expected);
        if (checked.ok) return setStart({ status: 'ready', restored: { value: checked.value, updatedAt: row.updatedAt }, setAside: null, readFailure: null });
        // Set aside, not thrown away: whoever helps can still read it from the database.
        await saveEditorDraft(`set-aside:${key}`, row.value);
        await deleteEditorDraft(key);
        if (current) setStart({ status: 'ready', restored: null, setAside: checked, readFailure: null });
      } catch (error) {
        if (current) setStart({ status: 'ready', restored: null, setAside: null, readFailure: classifyFailure(error) });
      }
    })();
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once per key
  }, [key]);

  const run = useCallback(
    (op: () => Promise<void>, onSuccess?: () => void): Promise<boolean> => {
      const result = queue.current.then(async () => {
        try {
          await op();
          if (alive.current) {
            setWriteFailure(null);
            onSuccess?.();
          }
          return true;
        } catch (error) {
          if (alive.current) setWriteFailure(classifyFailure(error));
          return false;
        }
      });
      queue.current = result;
      return result;
    },
    [],
  );

  const flush = useCallback((): Promise<boolean> => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const waiting = pending.current;
    pending.current = null;
    if (waiting === null) return queue.current.then(() => true);
    const now = new Date();
    return waiting.value === null
      ? run(() => deleteEditorDraft(key))
      : run(
          () => saveEditorDraft(key, waiting.value, now),
          () => setKeptAt(now.toISOString()),
        );
  }, [key, run]);

  const keep = useCallback(
    (value: StoredEditorDraft | null) => {
      pending.current = { value };
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), KEEP_DELAY_MS);
    },
    [flush],
  );

  const forget = useCallback((): Promise<boolean> => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    return run(
      () => deleteEditorDraft(key),
      () => setKeptAt(null),
    );
  }, [key, run]);

  useEffect(() => {
    alive.current = true;
    const onHide = () => void flush();
    const onVisibility = () => document.visibilityState === 'hidden' && void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      // The editor goes (another page, the saved panel): what waits is written now.
      void flush();
      alive.current = false;
    };
  }, [flush]);

  return { start, keep, flush, forget, keptAt, writeFailure };
}
