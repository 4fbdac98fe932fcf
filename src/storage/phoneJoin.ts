// Whether this device joined a live session for a scan: the phone's record in localStorage
// under this key (docs/live-sessions.md). The one module that names the key; phoneOutbox.ts reads
// and writes the record. Apart so the participant's route, which asks only this question, carries
// a few bytes and not the outbox.

export const LIVE_PHONE_PREFIX = 'ketenscan-live-phone:';

export function hasPhoneJoin(scanId: string): boolean {
  try {
    return localStorage.getItem(LIVE_PHONE_PREFIX + scanId) !== null;
  } catch {
    return false;
  }
}
