import { checkStoredResponse, keepReadable } from '../domain/storedRecords';
import type { Response } from '../domain/types';
import { db } from './db';

// A scan's submitted responses, read a page at a time (docs/scale.md "What people wrote"): what
// people wrote is gathered page by page and each page is dropped after use, so the texts of a
// 100,000-response scan never hold every response in memory at once. Director only: the
// participant's route never imports this module.

/** Responses per read; a page of 2,000 is about half a megabyte. */
export const SUBMITTED_PAGE_SIZE = 2_000;

/**
 * Calls `onPage` with each page of the scan's readable submitted responses, in index order, all
 * read in one read-only transaction (one consistent picture). Unreadable rows are set aside as
 * everywhere (storedRecords.ts) and counted in the result.
 */
export function readSubmittedInPages(
  scanId: string,
  onPage: (rows: readonly Response[]) => void,
  pageSize: number = SUBMITTED_PAGE_SIZE,
): Promise<{ pages: number; unreadable: number }> {
  return db.transaction('r', db.responses, async () => {
    let pages = 0;
    let unreadable = 0;
    for (let offset = 0; ; offset += pageSize) {
      const page = await db.responses.where('[scanId+status]').equals([scanId, 'submitted']).offset(offset).limit(pageSize).toArray();
      if (page.length === 0) break;
      pages++;
      const checked = keepReadable(page, checkStoredResponse);
      unreadable += checked.unreadable;
      onPage(checked.rows);
      if (page.length < pageSize) break;
    }
    return { pages, unreadable };
  });
}
