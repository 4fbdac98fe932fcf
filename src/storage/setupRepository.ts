import type { Organisation, ScanSettings } from '../domain/types';
import { db } from './db';
import { RecordNotFoundError } from './errors';
import { changeTallies } from './tallyRepository';

// Writes of a scan's set-up (docs/instrument-and-rounds.md, "Scan set-up"). Kept out of
// scanRepository, which is on the participant's route.

export async function updateScanSetup(scanId: string, fields: { title: string; date: string; settings: ScanSettings }): Promise<void> {
  if ((await db.scans.update(scanId, { title: fields.title.trim(), date: fields.date, settings: fields.settings })) === 0) throw new RecordNotFoundError('scan', scanId);
}

/** Stores the organisation list after an add, rename or removal (the domain rules checked it). */
export async function saveOrganisations(scanId: string, organisations: Organisation[]): Promise<void> {
  if ((await db.scans.update(scanId, { organisations })) === 0) throw new RecordNotFoundError('scan', scanId);
}

/** Merge: every response of `fromId` (drafts included) moves to `intoId`, and the list is stored, in one transaction. */
export async function mergeOrganisationInto(scanId: string, fromId: string, organisations: Organisation[], intoId: string): Promise<number> {
  return db.transaction('rw', db.scans, db.responses, db.tallies, async () => {
    // The tally moves with the answers (docs/scale.md): out under the old organisation, in under the new.
    const before = await db.responses.where('[scanId+organisationId]').equals([scanId, fromId]).toArray();
    const moved = await db.responses.where('[scanId+organisationId]').equals([scanId, fromId]).modify({ organisationId: intoId });
    await changeTallies(before, before.map((response) => ({ ...response, organisationId: intoId })));
    if ((await db.scans.update(scanId, { organisations })) === 0) throw new RecordNotFoundError('scan', scanId);
    return moved;
  });
}
