import type { AskedExtras } from '../../../domain/extras';
import { useMessages } from '../../../i18n/useMessages';
import { setupMessages } from './setupMessages';
import './manage.css';

const EXTRAS = ['comments', 'keywords', 'improvement'] as const;

/** The three optional extras as checkboxes, for a new scan and for a scan's set-up (docs/instrument-and-rounds.md). */
export function ExtrasFieldset({ value, onChange }: { value: AskedExtras; onChange: (next: AskedExtras) => void }) {
  const t = useMessages(setupMessages);
  return (
    <fieldset className="extras-fieldset">
      <legend>{t('extrasLegend')}</legend>
      <p className="field__hint">{t('extrasHint')}</p>
      {EXTRAS.map((extra) => (
        <label key={extra} className="checkbox">
          <input type="checkbox" name={`extra-${extra}`} checked={value[extra]} onChange={(e) => onChange({ ...value, [extra]: e.currentTarget.checked })} />
          <span>{t(`extra_${extra}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
