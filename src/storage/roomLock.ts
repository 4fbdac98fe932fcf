// The participant-room lock of this tab (features/respond/participantRoom.ts, docs/shared-devices.md):
// per tab in sessionStorage, so a reload keeps it and it holds nothing about any participant.

const ROOM_KEY = 'ketenscan-room';

export function readRoomLock(): string | null {
  try {
    return sessionStorage.getItem(ROOM_KEY);
  } catch {
    return memoryLock;
  }
}

// Fallback when sessionStorage is blocked: the lock then lasts until a reload.
let memoryLock: string | null = null;

export function writeRoomLock(scanId: string | null): void {
  memoryLock = scanId;
  try {
    if (scanId === null) sessionStorage.removeItem(ROOM_KEY);
    else sessionStorage.setItem(ROOM_KEY, scanId);
  } catch {
    // memoryLock holds it.
  }
}
