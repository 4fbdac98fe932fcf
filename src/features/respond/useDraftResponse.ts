import { useCallback, useEffect, useRef, useState } from 'react';
import type { Answer, Level, Response, Scan } from '../../domain/types';
import {
  findLatestDraft,
  recordAnswer,
  recordComment,
  recordImprovement,
  recordKeywords,
  recordOrganisation,
  recordPosition,
  startResponse,
} from '../../storage/responseRepository';
import { readActiveDraftId, writeActiveDraftId } from './activeDraft';

export type DraftPhase =
  | { kind: 'loading' }
  | { kind: 'new' }
  | { kind: 'resume-choice'; draft: Response }
  | { kind: 'answering' };

/**
 * The participant's draft as local state, written through to IndexedDB on every change.
 * Local state keeps typing smooth; the write-through keeps nothing from being lost.
 */
export function useDraftResponse(scan: Scan) {
  const [phase, setPhase] = useState<DraftPhase>({ kind: 'loading' });
  const [draft, setDraft] = useState<Response | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  const draftRef = useRef<Response | null>(null);
  draftRef.current = draft;

  useEffect(() => {
    let cancelled = false;
    findLatestDraft(scan.id).then(
      (found) => {
        if (cancelled) return;
        if (!found) setPhase({ kind: 'new' });
        else if (readActiveDraftId(scan.id) === found.id) {
          setDraft(found);
          setPhase({ kind: 'answering' });
        } else setPhase({ kind: 'resume-choice', draft: found });
      },
      () => !cancelled && setSaveFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [scan.id]);

  const persist = useCallback((write: Promise<void>) => {
    write.then(
      () => setSaveFailed(false),
      () => setSaveFailed(true),
    );
  }, []);

  const update = useCallback(
    (change: (d: Response) => Response, write: (id: string) => Promise<void>) => {
      const current = draftRef.current;
      if (!current) return;
      const next = change(current);
      draftRef.current = next;
      setDraft(next);
      persist(write(current.id));
    },
    [persist],
  );

  const begin = useCallback(
    async (organisationId: string, level: Level | null) => {
      const created = await startResponse(scan, organisationId, level);
      writeActiveDraftId(scan.id, created.id);
      draftRef.current = created;
      setDraft(created);
      setPhase({ kind: 'answering' });
    },
    [scan],
  );

  const resume = useCallback(
    (found: Response) => {
      writeActiveDraftId(scan.id, found.id);
      setDraft(found);
      setPhase({ kind: 'answering' });
    },
    [scan.id],
  );

  const startAfresh = useCallback(() => {
    writeActiveDraftId(scan.id, null);
    draftRef.current = null;
    setDraft(null);
    setPhase({ kind: 'new' });
  }, [scan.id]);

  const setAnswer = useCallback(
    (itemId: string, answer: Answer | null) =>
      update(
        (d) => {
          const answers = { ...d.answers };
          if (answer === null) delete answers[itemId];
          else answers[itemId] = answer;
          return { ...d, answers };
        },
        (id) => recordAnswer(id, itemId, answer),
      ),
    [update],
  );

  const setComment = useCallback(
    (itemId: string, comment: string) =>
      update((d) => ({ ...d, comments: { ...d.comments, [itemId]: comment } }), (id) => recordComment(id, itemId, comment)),
    [update],
  );

  const setKeywords = useCallback(
    (keywords: string[]) => update((d) => ({ ...d, keywords }), (id) => recordKeywords(id, keywords)),
    [update],
  );

  const setImprovement = useCallback(
    (improvement: string) => update((d) => ({ ...d, improvement }), (id) => recordImprovement(id, improvement)),
    [update],
  );

  const setOrganisation = useCallback(
    (organisationId: string, level: Level | null) =>
      update((d) => ({ ...d, organisationId, level }), (id) => recordOrganisation(id, organisationId, level)),
    [update],
  );

  const goTo = useCallback(
    (position: number) => update((d) => ({ ...d, position }), (id) => recordPosition(id, position)),
    [update],
  );

  const finish = useCallback(() => {
    writeActiveDraftId(scan.id, null);
  }, [scan.id]);

  return { phase, draft, saveFailed, begin, resume, startAfresh, setAnswer, setComment, setKeywords, setImprovement, setOrganisation, goTo, finish };
}

export type DraftController = ReturnType<typeof useDraftResponse>;
