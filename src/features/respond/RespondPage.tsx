import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { getScan } from '../../storage/scanRepository';
import { ScanNotFound } from '../../ui/ScanNotFound';
import { useMessages } from '../../i18n/useMessages';
import { respondMessages } from './respondMessages';
import { RespondFlow } from './RespondFlow';
import { RoomExit } from './RoomExit';
import { parseStepParam } from './steps';
import { liveJoinOf, resumeLiveDelivery } from './liveDelivery';
import { listSubmittedResponses } from '../../storage/responseRepository';
import { useUiStore } from '../../state/uiStore';

/** The participant's route: `#/s/<scan id>` (welcome) and `#/s/<scan id>/<step>`. */
export default function RespondPage({ scanId, step }: { scanId: string; step?: string | undefined }) {
  const t = useMessages(respondMessages);
  // `null` while loading, so "not found" is only said once the database has answered.
  const scan = useLiveQuery(async () => (await getScan(scanId)) ?? false, [scanId], null);
  // On a phone that joined a live session: reconnect and send what a reload or being offline held back.
  useEffect(() => resumeLiveDelivery(scanId), [scanId]);
  // A phone that joined a live session without a shared device takes one participant.
  const answeredHere = useLiveQuery(async () => {
    const join = liveJoinOf(scanId);
    if (join === null || join.sharedDevice || join.joinedAt === null) return false;
    const { rows } = await listSubmittedResponses(scanId);
    return rows.some((r) => r.startedAt >= join.joinedAt!);
  }, [scanId], false);
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
  } else if (answeredHere) {
    content = (
      <section className="step" data-testid="already-answered">
        <h1>{t('alreadyAnsweredTitle')}</h1>
        <p>{t('alreadyAnsweredBody')}</p>
      </section>
    );
  } else content = <RespondFlow scan={scan} urlStep={parseStepParam(step)} />;
  return (
    <>
      {content}
      <RoomExit scanId={scanId} exitPin={scan === false ? undefined : scan.exitPin} />
    </>
  );
}
