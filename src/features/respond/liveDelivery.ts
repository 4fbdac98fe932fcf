// The only live-session code on a participant's route (kept in respond/, outside the live
// feature the size check keeps off this route): a few bytes that ask whether this device joined
// a live session for the scan, and load the delivery code (phoneSync.ts) only when it did.
// Called after a submission and when the questionnaire opens, so a response submitted offline,
// or before a reload, is delivered when the relay is reachable again (docs/live-sessions.md).

export const LIVE_PHONE_PREFIX = 'ketenscan-live-phone:';

export function hasLiveJoin(scanId: string): boolean {
  try {
    return localStorage.getItem(LIVE_PHONE_PREFIX + scanId) !== null;
  } catch {
    return false;
  }
}

/**
 * How this device joined the scan's live session, if it did. `sharedDevice`: the director
 * allowed several participants in turn; otherwise a phone that joined submits one response.
 */
export function liveJoinOf(scanId: string): { sharedDevice: boolean; joinedAt: string | null } | null {
  try {
    const text = localStorage.getItem(LIVE_PHONE_PREFIX + scanId);
    if (text === null) return null;
    const value = JSON.parse(text) as { sharedDevice?: unknown; joinedAt?: unknown };
    return { sharedDevice: value.sharedDevice === true, joinedAt: typeof value.joinedAt === 'string' ? value.joinedAt : null };
  } catch {
    return null;
  }
}

export function resumeLiveDelivery(scanId: string): void {
  if (!hasLiveJoin(scanId)) return;
  void import('../live/phoneLoader').then((m) => m.startPhoneDeliveryLazily(scanId)).catch((error: unknown) => console.warn('live: delivery code did not load', error));
  // The thank-you screen's delivery note too, so it shows after a submission made offline.
  void import('../live/LiveDeliveryNote').catch(() => undefined);
}
