import { useState } from 'react';
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
 * (the room sees them typed) and the scan page's section use the same one.
 */
export function AgreementsPanel({ scan, data, now }: { scan: Scan; data: ScanAgreements; now?: () => Date }) {
  const t = useMessages(agreementsMessages);
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
      <div className="agreements-panel__list">
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
