import { useLiveQuery } from 'dexie-react-hooks';
import { getScan } from '../../storage/scanRepository';
import { ScanNotFound } from '../../app/ScanNotFound';
import { useMessages } from '../../i18n/useMessages';
import { respondMessages } from './respondMessages';
import { RespondFlow } from './RespondFlow';

/** The participant's route: `#/s/<scan id>`. */
export default function RespondPage({ scanId }: { scanId: string }) {
  const t = useMessages(respondMessages);
  // `null` while loading, so "not found" is only said once the database has answered.
  const scan = useLiveQuery(async () => (await getScan(scanId)) ?? false, [scanId], null);
  if (scan === null) return null;
  if (scan === false) return <ScanNotFound />;
  if (scan.status === 'closed') {
    return (
      <section className="step">
        <h1>{t('scanClosedTitle')}</h1>
        <p>{t('scanClosedBody')}</p>
      </section>
    );
  }
  return <RespondFlow scan={scan} />;
}
