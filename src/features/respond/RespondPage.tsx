import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect } from 'react';
import { getScan } from '../../storage/scanRepository';
import { ScanNotFound } from '../../ui/ScanNotFound';
import { useMessages } from '../../i18n/useMessages';
import { respondMessages } from './respondMessages';
import { RespondFlow } from './RespondFlow';
import { RoomExit } from './RoomExit';
import { parseStepParam } from './steps';
import { hasLiveJoin, resumeLiveDelivery } from './liveDelivery';
import { useUiStore } from '../../state/uiStore';

// Only on a phone that joined a live session: one response per phone unless the director allowed
// a shared device. Its code stays off the way to the first statement.
const OnePerPhone = lazy(() => import('../live/OnePerPhone'));

/** The participant's route: `#/s/<scan id>` (welcome) and `#/s/<scan id>/<step>`. */
export default function RespondPage({ scanId, step }: { scanId: string; step?: string | undefined }) {
  const t = useMessages(respondMessages);
  // `null` while loading, so "not found" is only said once the database has answered.
  const scan = useLiveQuery(async () => (await getScan(scanId)) ?? false, [scanId], null);
  // On a phone that joined a live session: reconnect and send what a reload or being offline held back.
  useEffect(() => resumeLiveDelivery(scanId), [scanId]);
  // A scan whose set-up names a start language opens in it (docs/instrument-and-rounds.md).
  const startLanguage = scan ? scan.settings.startLanguage : undefined;
  useEffect(() => {
    if (startLanguage) useUiStore.getState().startParticipantLanguage(startLanguage);
  }, [startLanguage]);
  if (scan === null) return null;
  let content;
  if (scan === false) content = <ScanNotFound />;
  else if (scan.status === 'closed') {
    content = (
      <section className="step">
        <h1>{t('scanClosedTitle')}</h1>
        <p>{t('scanClosedBody')}</p>
      </section>
    );
  } else {
    const flow = <RespondFlow scan={scan} urlStep={parseStepParam(step)} />;
    content = hasLiveJoin(scanId) ? (
      <Suspense fallback={null}>
        <OnePerPhone scanId={scanId}>{flow}</OnePerPhone>
      </Suspense>
    ) : (
      flow
    );
  }
  return (
    <>
      {content}
      <RoomExit scanId={scanId} exitPin={scan === false ? undefined : scan.exitPin} />
    </>
  );
}
