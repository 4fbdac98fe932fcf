import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { readRoomLock, writeRoomLock } from '../../storage/roomLock';

// The participant's room on a shared device (docs/shared-devices.md). Once a tab shows a
// scan's questionnaire, back, forward and typed addresses keep it inside `#/s/<scan>…` until
// the director leaves on purpose (a confirmation and, when set, the scan's PIN). The lock is
// per tab in sessionStorage (src/storage/roomLock.ts), so a reload keeps it and it holds nothing
// about any participant.

const ROOM_PATH = /^\/s\/([^/]+)/;

/** The scan whose room a path belongs to, or null for the director's pages. */
export function roomScanOf(path: string): string | null {
  return ROOM_PATH.exec(path)?.[1] ?? null;
}

/** The deliberate exit: only the confirmed "leave participant mode" calls this. */
export function leaveRoom(): void {
  writeRoomLock(null);
}

const FLOOR_STATE = 'ketenscan-room-floor';

function isFloor(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as Record<string, unknown>)[FLOOR_STATE] === true;
}

/**
 * The room's floor in the page history: the entry on which the room was entered is marked,
 * and a copy of it is pushed on top. Back onto the floor pushes the copy again, so back never
 * goes below the room's first screen, however often it is pressed. (The floor is made while
 * the director's click still counts as user activation; browsers skip entries made without.)
 */
function layFloor(): void {
  history.replaceState({ ...(history.state as object | null), [FLOOR_STATE]: true }, '');
  history.pushState(null, '', location.href);
}

function onPopState(event: PopStateEvent): void {
  if (readRoomLock() !== null && isFloor(event.state)) history.pushState(null, '', location.href);
}

/**
 * Entering a room locks the tab to it; any other address while locked is replaced by the
 * room's welcome screen before a director's page can render. Returns whether the current
 * location may render.
 */
export function useParticipantRoom(): boolean {
  const [location, navigate] = useLocation();
  const roomScan = roomScanOf(location);
  const locked = readRoomLock();
  const isOutside = locked !== null && roomScan !== locked;
  useEffect(() => {
    if (roomScan !== null && locked === null) {
      writeRoomLock(roomScan);
      layFloor();
    } else if (isOutside) navigate(`/s/${locked}`, { replace: true });
  }, [roomScan, locked, isOutside, navigate]);
  useEffect(() => {
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  return !isOutside;
}
