import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { analyseScanProtected, FreeTextCollector, type AnalysisFilters, type FreeTexts, type ScanAnalysis } from '../../domain/analysis';
import { submittedInTally, type TallyRecord } from '../../domain/tallyRecord';
import type { AskedExtras } from '../../domain/extras';
import type { Scan } from '../../domain/types';
import { countSubmittedRows } from '../../storage/responseRepository';
import { readSubmittedInPages } from '../../storage/submittedPages';
import { getScan } from '../../storage/scanRepository';
import { loadScanTally } from '../../storage/tallyRepository';
import { analyseQuickly, useExactPVersion } from './exactPValues';

export type ScanResults =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'ready'; scan: Scan; analysis: ScanAnalysis; /** Submitted rows set aside as unreadable. */ unreadable: number };

/**
 * A scan and its analysis for the given filters, from the scan's stored tally (docs/scale.md):
 * a few hundred numbers, whatever the number of responses, live (a submit, an import or a live
 * answer changes the tally and the figures follow). Rows the tally does not hold are damaged
 * rows set aside (docs/storage-and-migrations.md): the index counts them without reading them.
 */
export function useScanResults(scanId: string, filters: AnalysisFilters): ScanResults {
  const data = useLiveQuery(
    async () => {
      const scan = await getScan(scanId);
      if (!scan) return false as const;
      const [tally, rows] = await Promise.all([loadScanTally(scanId), countSubmittedRows(scanId)]);
      return { scan, tally, unreadable: Math.max(0, rows - submittedInTally(tally)) };
    },
    [scanId],
    null,
  );
  // A slow exact p arrives later from a worker; the figures follow (exactPValues.ts).
  const exactPVersion = useExactPVersion();
  const analysis = useMemo(() => {
    if (!data) return null;
    return analyseQuickly(() => analyseFromTally(data.scan, data.tally, filters));
    // exactPVersion: the cache the analysis reads has an exact p that it did not have.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- exactPVersion is read through the cache, not by name: it only says the cache changed
  }, [data, filters, exactPVersion]);
  if (data === null) return { status: 'loading' };
  if (data === false || !analysis) return { status: 'missing' };
  return { status: 'ready', scan: data.scan, analysis, unreadable: data.unreadable };
}

function analyseFromTally(scan: Scan, tally: TallyRecord, filters: AnalysisFilters): ScanAnalysis {
  return analyseScanProtected({
    instrument: scan.instrument,
    organisations: scan.organisations,
    responses: [],
    tallyRecord: tally,
    settings: scan.settings,
    filters,
  });
}

/**
 * What people wrote, for the analysis' groups (the anonymity guard decides whose texts count),
 * read page by page from the responses (docs/scale.md "What people wrote"). Only views that show
 * texts call it, and only with `enabled` when a text is shown or asked for: the figures never
 * wait for this read. `asked`: the scan's extras (askedExtras); a kind of text it does not ask
 * for is never offered. null while reading, or when not enabled.
 */
export function useFreeTexts(scanId: string, analysis: ScanAnalysis | null, asked: AskedExtras, enabled = true): FreeTexts | null {
  const { comments, improvement } = asked;
  return useLiveQuery(
    async () => {
      if (!enabled || !analysis) return null;
      const collector = new FreeTextCollector(analysis, { comments, keywords: false, improvement });
      await readSubmittedInPages(scanId, (page) => collector.add(page));
      return collector.result();
    },
    // The extras by value: a new settings object with the same answers reads nothing again.
    [scanId, analysis, enabled, comments, improvement],
    null,
  );
}
