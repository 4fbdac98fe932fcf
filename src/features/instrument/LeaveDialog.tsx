import { useEffect, useId, useRef } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { instrumentMessages } from './instrumentMessages';

export interface LeaveDialogProps {
  onStay: () => void;
  onKeep: () => void;
  onDiscard: () => void;
  /** Why keeping the draft failed, said in the dialog; null when it did not. */
  problem: string | null;
  busy: boolean;
}

/**
 * The question before leaving the editor with unsaved changes: a modal <dialog> (focus stays in
 * it, Escape stays), labelled by its title and described by its text. Staying is the default.
 */
export function LeaveDialog({ onStay, onKeep, onDiscard, problem, busy }: LeaveDialogProps) {
  const t = useMessages(instrumentMessages);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const stayRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const dialog = dialogRef.current;
    // A browser without modal dialogs still shows it (open), only without the backdrop.
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    stayRef.current?.focus();
    return () => {
      if (typeof dialog?.close === 'function') dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
    >
      <h2 id={titleId}>{t('leaveTitle')}</h2>
      <p id={bodyId}>{t('leaveBody')}</p>
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button ref={stayRef} type="button" className="button button--primary" onClick={onStay}>
          {t('leaveStay')}
        </button>
        <button type="button" className="button button--secondary" onClick={onKeep} disabled={busy}>
          {t('leaveKeep')}
        </button>
        <button type="button" className="button button--danger" onClick={onDiscard} disabled={busy}>
          {t('leaveDiscard')}
        </button>
      </div>
    </dialog>
  );
}
