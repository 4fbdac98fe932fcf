import { useLiveQuery } from 'dexie-react-hooks';
import type { Agreement, VoteRecord } from '../../domain/agreements/types';
import { listAgreements, listVotes } from '../../storage/agreementRepository';

export interface ScanAgreements {
  agreements: Agreement[];
  votes: VoteRecord[];
  /** Rows that could not be read and were left out (docs/agreements.md, "What is kept"). */
  unreadable: number;
}

/** The scan's agreements and votes from IndexedDB, kept up to date as they change; null while loading. */
export function useScanAgreements(scanId: string): ScanAgreements | null {
  return useLiveQuery(
    async () => {
      const [a, v] = await Promise.all([listAgreements(scanId), listVotes(scanId)]);
      return { agreements: a.agreements, votes: v.votes, unreadable: a.unreadable + v.unreadable };
    },
    [scanId],
    null,
  );
}
