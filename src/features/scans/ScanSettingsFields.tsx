import type { ReactNode } from 'react';
import type { AskedExtras } from '../../domain/extras';
import type { NewScanProblem } from '../../domain/scan';
import { SETTINGS_LIMITS } from '../../domain/settingsLimits';
import { useMessages } from '../../i18n/useMessages';
import { scanFormMessages } from './scanFormMessages';
import './manage/manage.css';

/** The settings as typed: the numbers stay text until the form is checked (a comma is allowed). */
export interface SettingsFieldsValue {
  askLevel: boolean;
  extras: AskedExtras;
  minGroupSize: string;
  gapThreshold: string;
}

/** A problem both scan forms word the same; only "too few partners" is said in each form's own way. */
export type ScanFormProblem = Exclude<NewScanProblem, 'too-few-organisations'>;
type SettingsProblem = Extract<NewScanProblem, 'min-group-size-invalid' | 'gap-threshold-invalid'>;

/** The text of a problem both forms share; a setting's bounds come from SETTINGS_LIMITS (src/domain/settingsLimits.ts). */
export function useScanFormProblemText(): (problem: ScanFormProblem) => string {
  const t = useMessages(scanFormMessages);
  return (problem) => {
    if (problem === 'gap-threshold-invalid') return t(`problem_${problem}`, SETTINGS_LIMITS.gapThreshold);
    if (problem === 'min-group-size-invalid') return t(`problem_${problem}`, SETTINGS_LIMITS.minGroupSize);
    return t(`problem_${problem}`);
  };
}

/**
 * How a scan form marks the problems it shows: `has` for `aria-invalid`, `errorId` for the
 * field's `aria-describedby`, and `fieldError`, the problem's text under the field with that id.
 * One piece for both forms and every field, so a problem is announced the same way everywhere.
 */
export function fieldProblems<P extends string>(shown: readonly string[], text: (problem: P) => string) {
  const has = (p: P) => shown.includes(p);
  return {
    has,
    errorId: (p: P) => (has(p) ? `error-${p}` : undefined),
    fieldError: (p: P) =>
      has(p) ? (
        <span id={`error-${p}`} className="field-error">
          {text(p)}
        </span>
      ) : null,
  };
}

/** The settings typed in as they are stored (a decimal comma read as a point). */
export function settingsFromFields(value: SettingsFieldsValue): { askLevel: boolean; minGroupSize: number; gapThreshold: number } {
  return { askLevel: value.askLevel, minGroupSize: Number(value.minGroupSize), gapThreshold: Number(value.gapThreshold.replace(',', '.')) };
}

const EXTRAS = ['comments', 'keywords', 'improvement'] as const;

/**
 * A scan's settings, one form for a new scan and for a scan's set-up (docs/instrument-and-rounds.md):
 * the level question, the optional extras, the minimum group size and the gap threshold, with
 * bounds from SETTINGS_LIMITS. `afterAskLevel` and `rowStart` hold what only one of the two forms
 * asks; a shown problem marks its field and is written under it.
 */
export function ScanSettingsFields({
  value,
  onChange,
  problems,
  afterAskLevel,
  rowStart,
}: {
  value: SettingsFieldsValue;
  onChange: (next: SettingsFieldsValue) => void;
  problems: readonly NewScanProblem[];
  afterAskLevel?: ReactNode;
  rowStart?: ReactNode;
}) {
  const t = useMessages(scanFormMessages);
  const problemText = useScanFormProblemText();
  const set = (change: Partial<SettingsFieldsValue>) => onChange({ ...value, ...change });
  const { has, errorId, fieldError } = fieldProblems<SettingsProblem>(problems, problemText);
  return (
    <>
      <label className="checkbox">
        <input type="checkbox" checked={value.askLevel} onChange={(e) => set({ askLevel: e.currentTarget.checked })} />
        <span>{t('fieldAskLevel')}</span>
      </label>
      {afterAskLevel}
      <fieldset className="extras-fieldset">
        <legend>{t('extrasLegend')}</legend>
        <p className="field__hint">{t('extrasHint')}</p>
        {EXTRAS.map((extra) => (
          <label key={extra} className="checkbox">
            <input type="checkbox" name={`extra-${extra}`} checked={value.extras[extra]} onChange={(e) => set({ extras: { ...value.extras, [extra]: e.currentTarget.checked } })} />
            <span>{t(`extra_${extra}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="form__row">
        {rowStart}
        <label className="field">
          <span className="field__label">{t('fieldMinGroupSize')}</span>
          <span className="field__hint">{t('fieldMinGroupSizeHint')}</span>
          <input
            type="number"
            inputMode="numeric"
            min={SETTINGS_LIMITS.minGroupSize.min}
            max={SETTINGS_LIMITS.minGroupSize.max}
            step={1}
            value={value.minGroupSize}
            onChange={(e) => set({ minGroupSize: e.currentTarget.value })}
            aria-invalid={has('min-group-size-invalid')}
            aria-describedby={errorId('min-group-size-invalid')}
          />
          {fieldError('min-group-size-invalid')}
        </label>
        <label className="field">
          <span className="field__label">{t('fieldGapThreshold')}</span>
          <span className="field__hint">{t('fieldGapThresholdHint')}</span>
          <input type="text" inputMode="decimal" value={value.gapThreshold} onChange={(e) => set({ gapThreshold: e.currentTarget.value })} aria-invalid={has('gap-threshold-invalid')} aria-describedby={errorId('gap-threshold-invalid')} />
          {fieldError('gap-threshold-invalid')}
        </label>
      </div>
    </>
  );
}
