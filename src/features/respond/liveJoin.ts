import { LIVE_PHONE_PREFIX } from './liveDelivery';

/**
 * How this device joined the scan's live session, if it did. `sharedDevice`: the director
 * allowed several participants in turn; otherwise a phone that joined submits one response
 * (docs/live-sessions.md). Read by the thank-you screen and the live code, not on the way to
 * the first statement.
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
