import { commonMessages } from '../../i18n/commonMessages';
import { useMessages } from '../../i18n/useMessages';
import './failures.css';
import type { Failure } from './failure';
import { FAILURE_MESSAGE, failureMessages } from './failureMessages';

interface FailureAlertProps {
  failure: Failure;
  detail: string;
  onDismiss: () => void;
  onRetry: () => void;
}

/**
 * A failed action, said out loud: the translated message, the technical line for whoever helps,
 * and what can be done right here. Retrying cannot help for something that is gone, and a closed
 * database needs a reload, so those offer what can help instead.
 */
export function FailureAlert({ failure, detail, onDismiss, onRetry }: FailureAlertProps) {
  const t = useMessages(failureMessages);
  const tc = useMessages(commonMessages);
  return (
    <div className="notice notice--error failure-alert" role="alert" data-failure={failure}>
      <p>{t(FAILURE_MESSAGE[failure])}</p>
      <p className="failure-alert__detail">{tc('detail', { detail })}</p>
      <div className="button-row">
        {failure === 'database-closed' ? (
          <button type="button" className="button button--primary" onClick={() => location.reload()}>
            {tc('reload')}
          </button>
        ) : (
          failure !== 'not-found' && (
            <button type="button" className="button button--secondary" onClick={onRetry}>
              {tc('retry')}
            </button>
          )
        )}
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          {t('dismiss')}
        </button>
      </div>
    </div>
  );
}
