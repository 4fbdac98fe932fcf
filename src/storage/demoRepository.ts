import { generateDemoAgreements } from '../domain/demo/demoAgreements';
import { generateDemoSeries } from '../domain/demo/generateDemoScan';
import { db } from './db';
import { changeTallies } from './tallyRepository';

/** Meta key set once the demo was written; StorageGate reads it before loading this module. */
export const DEMO_SEEDED = 'demoSeeded';

async function writeDemo(now: Date, onlyOnFirstStart: boolean): Promise<string | null> {
  // Two rounds of one series, so a new user sees change at once (docs/instrument-and-rounds.md).
  const rounds = generateDemoSeries({ now });
  const [{ scan }] = rounds;
  // Round 1's vote and agreements, with round 2's follow-ups (docs/agreements.md, "The demo").
  const { votes, agreements } = generateDemoAgreements(rounds);
  return db.transaction('rw', [db.scans, db.responses, db.meta, db.tallies, db.agreements, db.votes], async () => {
    // Checked inside the transaction, so two tabs starting at once seed one demo.
    if (onlyOnFirstStart && (await db.meta.get(DEMO_SEEDED))) return null;
    const oldDemos = await db.scans.filter((s) => s.isDemo).primaryKeys();
    for (const id of oldDemos) await db.responses.where('scanId').equals(id).delete();
    await db.agreements.where('scanId').anyOf(oldDemos).delete();
    await db.votes.where('scanId').anyOf(oldDemos).delete();
    await db.tallies.bulkDelete(oldDemos);
    await db.scans.bulkDelete(oldDemos);
    await db.scans.bulkAdd(rounds.map((round) => round.scan));
    await db.responses.bulkAdd(rounds.flatMap((round) => round.responses));
    await changeTallies([], rounds.flatMap((round) => round.responses));
    await db.votes.bulkAdd(votes);
    await db.agreements.bulkAdd(agreements);
    await db.meta.put({ key: DEMO_SEEDED, value: true });
    return scan.id;
  });
}

/** Puts the demo workshop (two rounds) in the database, replacing an earlier demo; returns round 1's id. */
export async function createDemoScan(now: Date = new Date()): Promise<string> {
  const id = await writeDemo(now, false);
  if (id === null) throw new Error('demo not written');
  return id;
}

/** First start only: a director who deleted the demo does not get it back uninvited. */
export async function seedDemoOnFirstStart(now: Date = new Date()): Promise<void> {
  await writeDemo(now, true);
}
