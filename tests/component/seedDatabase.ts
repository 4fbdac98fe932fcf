import type { Response, Scan } from '../../src/domain/types';
import { db } from '../../src/storage/db';

/** A fresh database holding one scan and its responses (copies: tests may change their own). */
export async function seedDatabase(scan: Scan, responses: readonly Response[]): Promise<void> {
  await db.delete();
  await db.open();
  await db.scans.add(structuredClone(scan));
  await db.responses.bulkAdd(structuredClone([...responses]));
}
