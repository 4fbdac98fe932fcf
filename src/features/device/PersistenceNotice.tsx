import { useLiveQuery } from 'dexie-react-hooks';
import { useAction } from '../../ui/failures';
import { useMessages } from '../../i18n/useMessages';
import { dismissPersistenceAnswer, persistenceAnswerFor, type Persistence } from '../../storage/persistence';
import { useOffSentence } from '../../ui/origin/origin';
import { storageMessages } from './storageMessages';
import './storage.css';

const ANSWER_TEXT = {
  persisted: 'persistPersisted',
  'best-effort': 'persistBestEffort',
  unsupported: 'persistUnsupported',
} as const satisfies Record<Persistence, keyof typeof storageMessages.nl>;

/**
 * On the page of the scan whose creation asked the browser for persistent storage: the answer,
 * until the director has read it. See storage/persistence.ts.
 */
export default function PersistenceNotice({ scanId }: { scanId: string }) {
  const t = useMessages(storageMessages);
  const { run, alert } = useAction();
  // Asked on plain http, the answer is 'unsupported' because of the address: say so (docs/origins.md).
  const persistenceOff = useOffSentence('persistence');
  const answer = useLiveQuery(() => persistenceAnswerFor(scanId), [scanId]);
  if (!answer && !alert) return null;
  return (
    <>
      {answer && (
        <div className={answer === 'persisted' ? 'notice persistence-notice' : 'notice notice--warning persistence-notice'} role="status">
          <p>{answer === 'unsupported' && persistenceOff ? persistenceOff : t(ANSWER_TEXT[answer])}</p>
          <div className="button-row">
            <button type="button" className="button button--secondary" onClick={() => void run(dismissPersistenceAnswer)}>
              {t('persistDismiss')}
            </button>
          </div>
        </div>
      )}
      {alert}
    </>
  );
}
