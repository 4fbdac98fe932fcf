import { db } from './db';
import { unsavedChanges } from './unsavedChanges';

/**
 * Opens the device's database before any page reads it (src/app/StorageGate.tsx), and finishes
 * what an earlier visit left: a tab closed mid-write noted its last draft change aside
 * (docs/failures-and-storage.md, "The last keystroke"), replayed before any page reads the
 * drafts. A director's first start on this device also gets the demo scan.
 */
export async function openStorage(): Promise<void> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) {
    throw Object.assign(new Error('indexedDB is not available'), { name: 'MissingAPIError' });
  }
  await db.open();
  // Loaded only when needed.
  if (unsavedChanges().length > 0) {
    const { replayUnsavedChanges } = await import('./responseRepository');
    await replayUnsavedChanges().catch(() => undefined);
  }
  // The demo generator is only needed once per device: load it only when it has not run yet,
  // and never for a participant: a phone opening a join link or a questionnaire gets no demo
  // scan (nor its code) — it would only be one more scan on a phone that came to answer one.
  // The key is demoRepository.ts's DEMO_SEEDED, written out: importing it would load the demo.
  if (!isParticipantEntry(location.hash) && !(await db.meta.get('demoSeeded'))) {
    const { seedDemoOnFirstStart } = await import('./demoRepository');
    await seedDemoOnFirstStart();
  }
}

/** A join link (`#/j/…`, `#/join/…`) or a participant's room (`#/s/…`). */
function isParticipantEntry(hash: string): boolean {
  return /^#\/(j|join|s)\//.test(hash);
}
