import { db } from './db';

// Durable storage: whether the browser promised to keep Ketenscan's database, how much it uses,
// and signs of a private window. Decisions and thresholds: docs/failures-and-storage.md.

/** persisted: kept until the user clears it; best-effort: may be cleared when space runs low. */
export type Persistence = 'persisted' | 'best-effort' | 'unsupported';

/** The parts of navigator.storage used here; absent outside secure contexts and in old browsers. */
export type StorageApi = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

export function browserStorage(): StorageApi | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Meta keys: the answer the browser gave when it was asked, and the scan whose creation asked. */
export const PERSISTENCE_ANSWER = 'persistenceAnswer';
export const PERSISTENCE_ASKED_FOR = 'persistenceAskedFor';

/**
 * Chromium gives an incognito window a quota of at most a few hundred MB held in memory, and
 * private windows elsewhere are similarly small, while a normal profile gets a share of the disk
 * (GBs). Below this the app says the window is probably private. A heuristic, said as "probably".
 */
export const PRIVATE_QUOTA_LIMIT = 120 * 1024 * 1024;
/** Share of the quota above which the director is warned that storage is nearly full. */
export const NEARLY_FULL_SHARE = 0.9;

export async function readPersistence(storage: StorageApi | undefined = browserStorage()): Promise<Persistence> {
  if (!storage?.persisted) return 'unsupported';
  return (await storage.persisted()) ? 'persisted' : 'best-effort';
}

/** Asks the browser to keep the data; Firefox may show a prompt, Chromium decides by itself. */
export async function requestPersistence(storage: StorageApi | undefined = browserStorage()): Promise<Persistence> {
  if (!storage?.persist) return 'unsupported';
  if (storage.persisted && (await storage.persisted())) return 'persisted';
  return (await storage.persist()) ? 'persisted' : 'best-effort';
}

/**
 * Asked once per device, when the first real (non-demo) scan is stored: the demo alone is not
 * worth a prompt, a director's own workshop is. The answer is kept so the scan's page can show it.
 * Returns null when nothing was asked.
 */
export async function askPersistenceForFirstRealScan(scanId: string, storage: StorageApi | undefined = browserStorage()): Promise<Persistence | null> {
  if (await db.meta.get(PERSISTENCE_ANSWER)) return null;
  if ((await db.scans.filter((s) => !s.isDemo).count()) === 0) return null;
  const answer = await requestPersistence(storage);
  await db.meta.bulkPut([
    { key: PERSISTENCE_ANSWER, value: answer },
    { key: PERSISTENCE_ASKED_FOR, value: scanId },
  ]);
  return answer;
}

export interface StorageReport {
  persistence: Persistence;
  /** Bytes used and available to this origin; null when the browser does not say. */
  usage: number | null;
  quota: number | null;
  isProbablyPrivate: boolean;
  isNearlyFull: boolean;
}

export async function readStorageReport(storage: StorageApi | undefined = browserStorage()): Promise<StorageReport> {
  const persistence = await readPersistence(storage);
  const estimate = storage?.estimate ? await storage.estimate() : undefined;
  const usage = estimate?.usage ?? null;
  const quota = estimate?.quota ?? null;
  return {
    persistence,
    usage,
    quota,
    isProbablyPrivate: quota !== null && quota > 0 && quota < PRIVATE_QUOTA_LIMIT,
    isNearlyFull: usage !== null && quota !== null && quota > 0 && usage / quota >= NEARLY_FULL_SHARE,
  };
}

/**
 * The storage report for a live query (features/device/StoragePanel.tsx): touching the tables
 * makes the query run again after every write, so the usage shown stays current.
 */
export async function watchStorageReport(storage: StorageApi | undefined = browserStorage()): Promise<StorageReport> {
  await Promise.all([db.scans.count(), db.responses.count()]);
  return readStorageReport(storage);
}

const isPersistence = (value: unknown): value is Persistence => value === 'persisted' || value === 'best-effort' || value === 'unsupported';

/** The browser's answer to "keep my data", when it was asked for this scan and not yet dismissed; else null. */
export async function persistenceAnswerFor(scanId: string): Promise<Persistence | null> {
  const [askedFor, answer] = await Promise.all([db.meta.get(PERSISTENCE_ASKED_FOR), db.meta.get(PERSISTENCE_ANSWER)]);
  return askedFor?.value === scanId && isPersistence(answer?.value) ? answer.value : null;
}

/** The director has read the answer: it is not shown again (the answer itself is kept, so nothing is asked twice). */
export async function dismissPersistenceAnswer(): Promise<void> {
  await db.meta.delete(PERSISTENCE_ASKED_FOR);
}
