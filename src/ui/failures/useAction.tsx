import { useCallback, useRef, useState, type ReactNode } from 'react';
import { classifyFailure, describeErrorDetail, type Failure } from './failure';
import { FailureAlert } from './FailureAlert';

type Task = () => unknown;

export interface ActionHandle {
  /** Runs the task; a throw or rejection becomes a shown failure. Resolves true on success. */
  run: (task: Task) => Promise<boolean>;
  pending: boolean;
  failure: Failure | null;
  /** The role="alert" message of the last failure, or null: render it next to the controls. */
  alert: ReactNode;
  dismiss: () => void;
}

/**
 * The one way a director's action reports failure: every handler that writes, reads or saves a
 * file runs inside `run`, so nothing fails without a word. One handle per area of a page; a new
 * run clears the previous failure. See docs/failures-and-storage.md.
 */
export function useAction(): ActionHandle {
  const [shown, setShown] = useState<{ failure: Failure; detail: string } | null>(null);
  const [pending, setPending] = useState(false);
  const lastTask = useRef<Task | null>(null);

  const run = useCallback(async (task: Task) => {
    lastTask.current = task;
    setShown(null);
    setPending(true);
    try {
      await task();
      return true;
    } catch (error) {
      setShown({ failure: classifyFailure(error), detail: describeErrorDetail(error) });
      return false;
    } finally {
      setPending(false);
    }
  }, []);

  const dismiss = useCallback(() => setShown(null), []);
  const retry = useCallback(() => {
    if (lastTask.current) void run(lastTask.current);
  }, [run]);

  const alert = shown ? <FailureAlert failure={shown.failure} detail={shown.detail} onDismiss={dismiss} onRetry={retry} /> : null;
  return { run, pending, failure: shown?.failure ?? null, alert, dismiss };
}
