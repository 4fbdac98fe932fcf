import { db } from './db';
import { unsavedChanges } from './unsavedChanges';

/**
 * Opens the device's database before any page reads it (src/app/StorageGate.tsx), and finishes
 * what an earlier visit left: a tab closed mid-write noted its last draft change aside
 * (docs/failures-and-storage.md, "The last keystroke"), replayed before any page reads the
 * drafts. `seedDemo`: a director's first start on this device also gets the demo scan; a
 * participant's never does (the caller decides from the address).
 */
export async function openStorage(seedDemo: boolean): Promise<void> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) {
    throw Object.assign(new Error('indexedDB is not available'), { name: 'MissingAPIError' });
  }
  await db.open();
  // Loaded only when needed.
  if (unsavedChanges().length > 0) {
    const { replayUnsavedChanges } = await import('./responseRepository');
    await replayUnsavedChanges().catch(() => undefined);
  }
  // The demo generator is only needed once per device: load it only when it has not run yet.
  if (seedDemo && !(await db.meta.get('demoSeeded'))) {
    const { seedDemoOnFirstStart } = await import('./demoRepository');
    await seedDemoOnFirstStart();
  }
}
