import { useLiveQuery } from 'dexie-react-hooks';
import type { Scan } from '../../domain/types';
import { getScan } from '../../storage/scanRepository';

/**
 * The scan record alone (title, organisations, settings): one small read, enough for the results
 * page's frame (heading, filters, tabs), which shows before the responses are read and analysed
 * (docs/budgets.md, "the first frame first"). Undefined while reading, null when there is no
 * readable scan with this id. Live, so a renamed or deleted scan shows at once.
 */
export function useScanRecord(scanId: string): Scan | null | undefined {
  return useLiveQuery(async () => (await getScan(scanId)) ?? null, [scanId]);
}
