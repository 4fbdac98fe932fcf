import { lazy, Suspense, useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { respondMessages } from './respondMessages';
import type { RoomExitDialogProps } from './RoomExitDialog';

// The dialog is rarely opened: it stays out of the participant's download until it is.
const RoomExitDialog = lazy(() => import('./RoomExitDialog'));

/**
 * The one way from the participant's room to the director's pages: a quiet button at the foot
 * of the page that opens a confirmation (and the PIN, when set). See docs/shared-devices.md.
 */
export function RoomExit(props: Omit<RoomExitDialogProps, 'onStay'>) {
  const t = useMessages(respondMessages);
  const [isOpen, setIsOpen] = useState(false);
  return (
    <div className="room-exit">
      <button type="button" className="link-button room-exit__open" onClick={() => setIsOpen(true)}>
        {t('roomExitOpen')}
      </button>
      {isOpen && (
        <Suspense fallback={null}>
          <RoomExitDialog {...props} onStay={() => setIsOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
