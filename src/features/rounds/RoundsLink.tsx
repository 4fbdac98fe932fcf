import { Link } from 'wouter';
import type { Scan } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { roundsMessages } from './roundsMessages';

/** The link to comparing: the change between rounds (always on the scan page), or two groups within the scan. */
export function RoundsLink({ scan, always = false }: { scan: Scan; always?: boolean }) {
  const t = useMessages(roundsMessages);
  return (
    <Link href={`/scans/${scan.id}/rounds`} className="button button--secondary">
      {scan.series || always ? t('linkToRounds') : t('linkToGroups')}
    </Link>
  );
}
