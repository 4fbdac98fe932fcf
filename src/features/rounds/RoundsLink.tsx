import { Link } from 'wouter';
import type { Scan } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { roundsMessages } from './roundsMessages';

/** A link to the change between rounds; shown for a scan that is one round of a series. */
export function RoundsLink({ scan, always = false }: { scan: Scan; always?: boolean }) {
  const t = useMessages(roundsMessages);
  if (!scan.series && !always) return null;
  return (
    <Link href={`/scans/${scan.id}/rounds`} className="button button--secondary">
      {t('linkToRounds')}
    </Link>
  );
}
