import { Link } from 'wouter';
import type { Scan } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { roundsLinkMessages } from './roundsLinkMessages';

/**
 * The link to the change between rounds: always on the scan page (where scans are linked as
 * rounds), on the results page only for a scan in a series. Two groups within one scan are
 * compared in the results' perception-gap view itself.
 */
export function RoundsLink({ scan, always = false }: { scan: Scan; always?: boolean }) {
  const t = useMessages(roundsLinkMessages);
  if (!scan.series && !always) return null;
  return (
    <Link href={`/scans/${scan.id}/rounds`} className="button button--secondary">
      {t('linkToRounds')}
    </Link>
  );
}
