import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { listAgreements } from '../../storage/agreementRepository';
import { useAction } from '../../ui/failures';
import { useScanResults } from '../results';
import { useDirectorLive } from './directorLive';
import { removePhoneSummary, usePhoneSummaryOn, writePhoneSummary, type SummaryWriteResult } from './directorSummary';
import { phoneSummaryMessages } from './phoneSummaryMessages';
import './live.css';

const NO_FILTERS = {};

/**
 * The presenter's switch "Uitslag op de telefoons" (docs/live-sessions.md "The results on the
 * phones"): only while this scan's live session runs and the results are revealed. On, the phones
 * that joined read the summary of what the projector shows (the analysis without filters) and the
 * agreements, refreshed as either changes; off, or the results hidden again, it is taken away.
 */
export default function PhoneSummarySwitch({ scanId, revealed }: { scanId: string; revealed: boolean }) {
  const live = useDirectorLive();
  const running = live.scanId === scanId && live.session !== null && live.session.closedAt === null && !live.closed && live.connection !== 'tampered';
  // Without a live session nothing is read or computed here.
  return running ? <RunningSwitch scanId={scanId} sessionId={live.session!.sessionId} revealed={revealed} /> : null;
}

function RunningSwitch({ scanId, sessionId, revealed }: { scanId: string; sessionId: string; revealed: boolean }) {
  const t = useMessages(phoneSummaryMessages);
  const on = usePhoneSummaryOn(scanId, sessionId);
  // The presenter's analysis without its filters: what the room saw, under the anonymity guard.
  const results = useScanResults(scanId, NO_FILTERS);
  const stored = useLiveQuery(() => listAgreements(scanId), [scanId]);
  const action = useAction();
  const [note, setNote] = useState<SummaryWriteResult | null>(null);
  const ready = results.status === 'ready' ? results : null;
  const agreements = useMemo(() => stored?.agreements ?? null, [stored]);

  // On: follow the figures and the agreements. Hidden again: off.
  useEffect(() => {
    if (on !== true) return;
    if (!revealed) {
      void action.run(async () => setNote(await removePhoneSummary(scanId)));
      return;
    }
    if (!ready || agreements === null) return;
    void action.run(async () => setNote(await writePhoneSummary(ready.scan, ready.analysis, agreements)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- action.run is stable and `ready` is a new object on every render: the write follows the figures, the agreements and the switch
  }, [on, revealed, ready?.scan, ready?.analysis, agreements, scanId]);

  if (on === null || !revealed) return null;
  const toggle = () =>
    void action.run(async () => {
      if (on) setNote(await removePhoneSummary(scanId));
      else if (ready && agreements !== null) setNote(await writePhoneSummary(ready.scan, ready.analysis, agreements));
    });
  const problem = note === 'too-large' ? t('switchTooLarge') : note === 'unconfirmed' ? t('switchUnconfirmed') : null;
  return (
    <span className="phone-summary-switch">
      <button type="button" aria-pressed={on} onClick={toggle} disabled={action.pending || (!on && (!ready || agreements === null))} data-testid="phone-summary-switch">
        {t('switchLabel')}
      </button>
      {(problem || action.alert || (stored?.unreadable ?? 0) > 0) && (
        <span className="phone-summary-switch__problem" role="status">
          {problem}
          {(stored?.unreadable ?? 0) > 0 && ` ${t('switchUnreadable', { count: stored?.unreadable ?? 0 })}`}
          {action.alert}
        </span>
      )}
    </span>
  );
}
