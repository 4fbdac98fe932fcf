import { render } from '@testing-library/react';
import { Suspense } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { Answer, Response, Scan } from '../../../src/domain/types';
import RoundsPage from '../../../src/features/rounds/RoundsPage';
import { db } from '../../../src/storage/db';
import { changeTallies } from '../../../src/storage/tallyRepository';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';

// The rounds page's component tests: people who answer every statement alike, rounds stored with
// their tallies as the app stores them, and the page rendered at its address.

let counter = 0;
/** One submitted response per value, of a partner in a scan, giving that value on every statement. */
export const people = (scan: Scan, organisationId: string, values: Answer[]): Response[] =>
  values.map((v) => ({ ...makeResponse(`00000000-0000-4000-8000-${String(counter++).padStart(12, '0')}`, organisationId, null, Object.fromEntries(scan.instrument.items.map((i) => [i.id, v]))), scanId: scan.id }));

/** A fresh database with the rounds, their responses and the tallies counted from them; `more` adds rows in the same transaction. */
export async function storeRounds(scans: readonly Scan[], responses: readonly Response[], more?: () => Promise<unknown>) {
  await db.delete();
  await db.open();
  await db.transaction('rw', [db.scans, db.responses, db.tallies, db.agreements], async () => {
    await db.scans.bulkAdd([...scans]);
    await db.responses.bulkAdd([...responses]);
    await changeTallies([], [...responses]);
    await more?.();
  });
}

export function renderRounds(scanId: string) {
  const location = memoryLocation({ path: `/scans/${scanId}/rounds`, record: true });
  render(
    <Router hook={location.hook}>
      <Suspense fallback={null}>
        <RoundsPage scanId={scanId} />
      </Suspense>
    </Router>,
  );
}
