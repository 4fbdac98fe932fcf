import { useRef, useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { copyFieldText } from './copyText';
import { originMessages } from './originMessages';

/**
 * A link shown in a read-only field, with a button that copies it and says what happened: copied,
 * or (where the browser would not copy, as on plain http; docs/origins.md) selected for the
 * person to copy themselves.
 */
export function CopyLinkField({ label, hint, value }: { label: string; hint: string; value: string }) {
  const t = useMessages(originMessages);
  const field = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState('');

  const copy = async () => {
    if (!field.current) return;
    setOutcome('');
    setOutcome(t((await copyFieldText(field.current)) === 'copied' ? 'copied' : 'copySelected'));
  };

  return (
    <div className="copy-link">
      <label className="field">
        <span className="field__label">{label}</span>
        <span className="field__hint">{hint}</span>
        <input ref={field} type="text" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('copyLink')}
        </button>
      </div>
      <p role="status" className="status-line" data-testid="copy-outcome">
        {outcome}
      </p>
    </div>
  );
}
