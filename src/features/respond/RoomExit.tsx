import { useId, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { leaveRoom } from '../../app/participantRoom';
import { useMessages } from '../../i18n/useMessages';
import { writeActiveDraftId } from './activeDraft';
import { respondMessages } from './respondMessages';

interface RoomExitProps {
  scanId: string;
  /** Set by the director on the scan page; without it a confirmation alone opens the door. */
  exitPin: string | undefined;
}

/**
 * The one way from the participant's room to the director's pages: a quiet button at the foot
 * of the page, a modal confirmation whose default is to stay, and the scan's PIN when one is
 * set (docs/shared-devices.md).
 */
export function RoomExit({ scanId, exitPin }: RoomExitProps) {
  const t = useMessages(respondMessages);
  const [, navigate] = useLocation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [pin, setPin] = useState('');
  const [wrongPin, setWrongPin] = useState(false);
  const titleId = useId();
  const errorId = useId();

  const open = () => {
    setPin('');
    setWrongPin(false);
    dialogRef.current?.showModal();
  };
  const close = () => dialogRef.current?.close();

  const leave = (event: FormEvent) => {
    event.preventDefault();
    if (exitPin && pin.trim() !== exitPin) {
      setWrongPin(true);
      return;
    }
    close();
    // The participant who was answering keeps their draft, parked for the director's list.
    writeActiveDraftId(scanId, null);
    leaveRoom();
    navigate(`/scans/${scanId}`, { replace: true });
  };

  return (
    <div className="room-exit">
      <button type="button" className="link-button room-exit__open" onClick={open}>
        {t('roomExitOpen')}
      </button>
      <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId}>
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
            <button type="button" className="button button--primary" onClick={close} autoFocus>
              {t('roomExitStay')}
            </button>
            <button type="submit" className="button button--secondary">
              {t('roomExitLeave')}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
