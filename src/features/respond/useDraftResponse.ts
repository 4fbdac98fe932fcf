import { useCallback, useEffect, useRef, useState } from 'react';
import { applyDraftChange, type DraftChange } from '../../domain/draft';
import { decideResume } from '../../domain/resume';
import type { Level, Response, Scan } from '../../domain/types';
import { listDrafts, parkDrafts, startResponse, SubmissionError, updateDraft } from '../../storage/responseRepository';
import { forgetChange, rememberChange } from '../../storage/unsavedChanges';
import { readActiveDraftId, writeActiveDraftId } from '../../storage/activeDraft';

export type DraftPhase =
  | { kind: 'loading' }
  | { kind: 'new' }
  | { kind: 'resume-choice'; draft: Response }
  | { kind: 'answering' };

/**
 * The participant's draft as local state, written through to IndexedDB on every change.
 * Local state keeps typing smooth; the write-through keeps nothing from being lost. Both sides
 * apply a change with the one domain rule, `applyDraftChange`.
 */
export function useDraftResponse(scan: Scan) {
  const [phase, setPhase] = useState<DraftPhase>({ kind: 'loading' });
  const [draft, setDraft] = useState<Response | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  // Every setDraft below sets this too, so handlers read the draft without waiting for a render.
  const draftRef = useRef<Response | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const decision = decideResume(await listDrafts(scan.id), readActiveDraftId(scan.id), new Date());
      // Stale and superseded drafts are set aside for the director before anything is shown.
      await parkDrafts(decision.park.map((d) => d.id));
      if (cancelled) return;
      if (decision.own) {
        draftRef.current = decision.own;
        setDraft(decision.own);
        setPhase({ kind: 'answering' });
      } else if (decision.offer) setPhase({ kind: 'resume-choice', draft: decision.offer });
      else setPhase({ kind: 'new' });
    })().catch(() => {
      if (!cancelled) {
        setSaveFailed(true);
        setPhase({ kind: 'new' });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [scan.id]);

  const apply = useCallback((change: DraftChange) => {
    const current = draftRef.current;
    if (!current) return;
    const now = new Date();
    const next = applyDraftChange(current, change, now);
    draftRef.current = next;
    setDraft(next);
    // Noted synchronously first, so a tab closed before the write lands loses nothing.
    const n = rememberChange(current.id, change, now);
    updateDraft(current.id, change, now).then(
      () => {
        forgetChange(current.id, n);
        setSaveFailed(false);
      },
      (error: unknown) => {
        // A draft submitted or removed meanwhile takes no more changes; anything else is retried on the next start.
        if (error instanceof SubmissionError) forgetChange(current.id, n);
        setSaveFailed(true);
      },
    );
  }, []);

  const begin = useCallback(
    async (organisationId: string, level: Level | null) => {
      const created = await startResponse(scan, organisationId, level);
      writeActiveDraftId(scan.id, created.id);
      draftRef.current = created;
      setDraft(created);
      setPhase({ kind: 'answering' });
      return created;
    },
    [scan],
  );

  const resume = useCallback(
    (found: Response) => {
      writeActiveDraftId(scan.id, found.id);
      draftRef.current = found;
      setDraft(found);
      setPhase({ kind: 'answering' });
    },
    [scan.id],
  );

  /**
   * "I am a new participant" (or the questionnaire was left idle too long): the draft is parked
   * and never offered again here.
   */
  const startAfresh = useCallback(
    async (offered: Response) => {
      writeActiveDraftId(scan.id, null);
      draftRef.current = null;
      setDraft(null);
      setPhase({ kind: 'new' });
      try {
        await parkDrafts([offered.id]);
      } catch {
        setSaveFailed(true);
      }
    },
    [scan.id],
  );

  const finish = useCallback(() => {
    writeActiveDraftId(scan.id, null);
    draftRef.current = null;
  }, [scan.id]);

  return { phase, draft, saveFailed, begin, resume, startAfresh, apply, finish };
}

export type DraftController = ReturnType<typeof useDraftResponse>;
