import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { leaveRoom } from './participantRoom';
import { useMessages } from '../../i18n/useMessages';
import { useUiStore } from '../../state/uiStore';
import { writeActiveDraftId } from '../../storage/activeDraft';
import { respondMessages } from './respondMessages';

export interface RoomExitDialogProps {
  scanId: string;
  /** Set by the director on the scan page; without it a confirmation alone opens the door. */
  exitPin: string | undefined;
  /** Called when the dialog closes without leaving. */
  onStay: () => void;
}

/**
 * The modal confirmation behind RoomExit: its default is to stay, and it asks for the scan's PIN
 * when one is set (docs/shared-devices.md). Loaded only when someone presses the exit button.
 */
export default function RoomExitDialog({ scanId, exitPin, onStay }: RoomExitDialogProps) {
  const t = useMessages(respondMessages);
  const [, navigate] = useLocation();
  const forgetParticipantLanguage = useUiStore((s) => s.forgetParticipantLanguage);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [pin, setPin] = useState('');
  const [wrongPin, setWrongPin] = useState(false);
  const titleId = useId();
  const errorId = useId();

  const stayRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    // Staying is the default, also when a PIN field comes first.
    stayRef.current?.focus();
  }, []);
  const close = () => dialogRef.current?.close();

  const leave = (event: FormEvent) => {
    event.preventDefault();
    if (exitPin && pin.trim() !== exitPin) {
      setWrongPin(true);
      return;
    }
    close();
    // A participant who was answering keeps their draft; it is listed on the director's page.
    writeActiveDraftId(scanId, null);
    forgetParticipantLanguage();
    leaveRoom();
    navigate(`/scans/${scanId}`, { replace: true });
  };

  return (
      <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId} onClose={onStay}>
        <form onSubmit={leave} noValidate>
          <h2 id={titleId}>{t('roomExitTitle')}</h2>
          <p>{t('roomExitBody')}</p>
          {exitPin && (
            <label className="field">
              <span className="field__label">{t('roomExitPin')}</span>
              <input
                type="password"
                inputMode="numeric"
                autoComplete="off"
                value={pin}
                aria-invalid={wrongPin}
                aria-describedby={wrongPin ? errorId : undefined}
                onChange={(e) => {
                  setPin(e.target.value);
                  setWrongPin(false);
                }}
              />
              {wrongPin && (
                <span id={errorId} className="field-error" role="alert">
                  {t('roomExitWrongPin')}
                </span>
              )}
            </label>
          )}
          <div className="button-row">
            <button ref={stayRef} type="button" className="button button--primary" onClick={close}>
              {t('roomExitStay')}
            </button>
            <button type="submit" className="button button--secondary">
              {t('roomExitLeave')}
            </button>
          </div>
        </form>
      </dialog>
  );
}
