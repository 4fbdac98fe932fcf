import type { KeyboardEvent, ReactNode } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { respondMessages } from './respondMessages';

interface StepNavigationProps {
  onPrevious?: () => void;
  /** The forward button is the form's submit button, so Enter in a field goes on. */
  nextLabel?: ReactNode;
  nextDisabled?: boolean;
}

export function StepNavigation({ onPrevious, nextLabel, nextDisabled }: StepNavigationProps) {
  const t = useMessages(respondMessages);
  return (
    <div className="step-nav">
      {onPrevious ? (
        <button type="button" className="button button--secondary" onClick={onPrevious}>
          <span aria-hidden="true">← </span>
          {t('previous')}
        </button>
      ) : (
        <span />
      )}
      <button type="submit" className="button button--primary" disabled={nextDisabled}>
        {nextLabel ?? (
          <>
            {t('next')}
            <span aria-hidden="true"> →</span>
          </>
        )}
      </button>
    </div>
  );
}

/**
 * Browsers do not submit a form on Enter in a radio group; participants expect it to go on.
 * Attach to a step's form as onKeyDown.
 */
export function submitOnEnterInRadio(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type === 'radio') {
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }
}
