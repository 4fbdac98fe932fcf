// A hop between the participant's route and the delivery code: the dynamic import in
// respond/liveDelivery.ts then lists only this file to preload, not the dozen chunks of the live code,
// which keeps what every participant downloads as small as it was (docs/live-sessions.md).
export async function startPhoneDeliveryLazily(scanId: string): Promise<void> {
  const { startPhoneDelivery } = await import('./phoneSync');
  startPhoneDelivery(scanId);
}
