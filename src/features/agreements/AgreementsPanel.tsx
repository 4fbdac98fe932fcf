import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Agreement } from '../../domain/agreements/types';
import type { Scan } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { deleteAgreement } from '../../storage/agreementRepository';
import { useAction } from '../../ui/failures';
import { AgreementForm } from './AgreementForm';
import { AgreementList } from './AgreementList';
import { agreementsMessages } from './agreementsMessages';
import { latestVote } from './ballot';
import type { ScanAgreements } from './useScanAgreements';

/**
 * The agreement form beside the list with change and delete: the presenter's "Afspraken" slide
 * (the room sees them typed) and the scan page's section use the same one. `followNew` (the
 * slide): the list scrolls to an agreement as it is added, so the room sees what was just agreed
 * (docs/agreements.md, "In the room").
 */
export function AgreementsPanel({ scan, data, now, followNew = false }: { scan: Scan; data: ScanAgreements; now?: () => Date; followNew?: boolean }) {
  const t = useMessages(agreementsMessages);
  const listRef = useRef<HTMLDivElement>(null);
  useFollowNew(listRef, data.agreements, followNew);
  const [editing, setEditing] = useState<Agreement | null>(null);
  const [status, setStatus] = useState('');
  const { run, alert } = useAction();
  const vote = latestVote(data.votes);
  return (
    <div className="agreements-panel">
      <AgreementForm
        // A new form for every agreement changed, so its fields start from that agreement.
        key={editing?.id ?? 'new'}
        scan={scan}
        vote={vote}
        agreements={data.agreements}
        editing={editing}
        now={now}
        onDone={(message) => {
          setEditing(null);
          setStatus(message);
        }}
        onCancel={editing ? () => setEditing(null) : undefined}
      />
      <div className="agreements-panel__list" ref={listRef}>
        <p role="status" className="agreements-panel__status">
          {status}
        </p>
        {alert}
        <AgreementList
          scan={scan}
          agreements={data.agreements}
          onEdit={(a) => {
            setStatus('');
            setEditing(a);
          }}
          onDelete={(a) =>
            void run(async () => {
              await deleteAgreement(a.id);
              if (editing?.id === a.id) setEditing(null);
              setStatus(t('deleted'));
            })
          }
        />
      </div>
    </div>
  );
}

/** Scrolls the list to the first agreement that was not in it before (never on the first render). */
function useFollowNew(listRef: RefObject<HTMLDivElement | null>, agreements: readonly Agreement[], enabled: boolean) {
  const known = useRef<ReadonlySet<string> | null>(null);
  useEffect(() => {
    const before = known.current;
    known.current = new Set(agreements.map((a) => a.id));
    if (!enabled || before === null) return;
    const added = agreements.find((a) => !before.has(a.id));
    if (added) listRef.current?.querySelector(`[data-agreement="${CSS.escape(added.id)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [agreements, enabled, listRef]);
}
