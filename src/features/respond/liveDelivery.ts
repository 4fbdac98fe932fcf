// The only live-session code on a participant's route (kept in respond/, outside the live
// feature the size check keeps off this route): a few bytes that ask whether this device joined
// a live session for the scan, and load the delivery code (phoneSync.ts) only when it did.
// Called after a submission and when the questionnaire opens, so a response submitted offline,
// or before a reload, is delivered when the relay is reachable again (docs/live-sessions.md).

import { hasPhoneJoin as hasLiveJoin } from '../../storage/phoneJoin';

export { hasLiveJoin };
export { LIVE_PHONE_PREFIX } from '../../storage/phoneJoin';

export function resumeLiveDelivery(scanId: string): void {
  if (!hasLiveJoin(scanId)) return;
  void import('../live/phoneLoader').then((m) => m.startPhoneDeliveryLazily(scanId)).catch((error: unknown) => console.warn('live: delivery code did not load', error));
  // The thank-you screen's delivery note too, so it shows after a submission made offline.
  void import('../live/LiveDeliveryNote').catch(() => undefined);
}
