import { useId, useState, type FormEvent } from 'react';
import { isValidExitPin } from '../../domain/scan';
import type { Scan } from '../../domain/types';
import { useAction } from '../../ui/failures';
import { useMessages } from '../../i18n/useMessages';
import { setExitPin } from '../../storage/scanRepository';
import { kioskMessages } from './kioskMessages';

type Status = { text: string; kind: 'ok' | 'error' } | null;

/** The director sets or removes the PIN that guards leaving participant mode on this device. */
export function ExitPinSetting({ scan }: { scan: Scan }) {
  const t = useMessages(kioskMessages);
  const [pin, setPin] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const { run, alert } = useAction();
  const inputId = useId();
  const statusId = useId();

  const save = async (next: string | null) => {
    if (next !== null && !isValidExitPin(next)) {
      setStatus({ text: t('pinInvalid'), kind: 'error' });
      return;
    }
    setStatus(null);
    await run(async () => {
      await setExitPin(scan.id, next);
      setPin('');
      setStatus({ text: next === null ? t('pinCleared') : t('pinSaved'), kind: 'ok' });
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(pin.trim());
  };

  return (
    <form className="exit-pin" onSubmit={submit} noValidate aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{t('pinTitle')}</h2>
      <p className="hint">{t('pinIntro')}</p>
      {scan.exitPin && <p>{t('pinActive')}</p>}
      <label className="field" htmlFor={inputId}>
        <span className="field__label">{t('pinLabel')}</span>
      </label>
      <div className="exit-pin__row">
        <input
          id={inputId}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={pin}
          maxLength={8}
          aria-invalid={status?.kind === 'error'}
          aria-describedby={status ? statusId : undefined}
          onChange={(e) => setPin(e.target.value)}
        />
        <button type="submit" className="button button--secondary">
          {t('pinSave')}
        </button>
        {scan.exitPin && (
          <button type="button" className="button button--secondary" onClick={() => void save(null)}>
            {t('pinClear')}
          </button>
        )}
      </div>
      {alert}
      {status && (
        <p id={statusId} className={status.kind === 'error' ? 'field-error' : 'notice'} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </form>
  );
}
