import type { ComparisonMode } from '../../domain/rounds/compareGroups';
import { LEVELS, type Level, type Scan } from '../../domain/types';
import { directorMessages } from '../../i18n/directorMessages';
import { useMessages } from '../../i18n/useMessages';
import { OrganisationOptions } from '../../ui/OrganisationOptions';
import { roundsMessages } from './roundsMessages';

/** The gap view's first choice when nothing is chosen yet: two levels where the scan asks for them, else a partner against the rest. */
export function defaultComparison(scan: Pick<Scan, 'settings' | 'organisations'>): ComparisonMode {
  return scan.settings.askLevel ? { kind: 'levels', a: 'uitvoering', b: 'management' } : { kind: 'organisation', organisationId: scan.organisations[0]?.id ?? '' };
}

/**
 * The choice of two groups (two levels, or one partner against the rest), as native selects that
 * the keyboard reaches with Tab and changes with the arrow keys; the presenter's keys leave a
 * focused select alone (usePresenterKeys.ts). `noneLabel`: a first option "no comparison" (the report).
 */
export function GroupPicker({ scan, value, onChange, noneLabel, className }: { scan: Scan; value: ComparisonMode | null; onChange: (mode: ComparisonMode | null) => void; noneLabel?: string; className?: string }) {
  const t = useMessages(roundsMessages);
  const td = useMessages(directorMessages);
  const canCompareLevels = scan.settings.askLevel;
  const kindValue = value === null ? 'none' : value.kind;
  const chooseKind = (kind: string) => {
    if (kind === 'levels') onChange({ kind: 'levels', a: 'uitvoering', b: 'management' });
    else if (kind === 'organisation') onChange({ kind: 'organisation', organisationId: scan.organisations[0]?.id ?? '' });
    else onChange(null);
  };
  const toLevel = (v: string): Level => LEVELS.find((l) => l === v) ?? 'uitvoering';
  const levelSelect = (label: string, level: Level, set: (level: Level) => void) => (
    <label className="field field--inline">
      <span className="field__label">{label}</span>
      <select aria-label={label} value={level} onChange={(e) => set(toLevel(e.currentTarget.value))}>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {td(`level_${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className={className ?? 'view-controls'}>
      {(canCompareLevels || noneLabel !== undefined) && (
        <label className="field field--inline">
          <span className="field__label">{t('modeLabel')}</span>
          <select aria-label={t('modeLabel')} value={kindValue} onChange={(e) => chooseKind(e.currentTarget.value)}>
            {noneLabel !== undefined && <option value="none">{noneLabel}</option>}
            {canCompareLevels && <option value="levels">{t('mode_levels')}</option>}
            <option value="organisation">{t('mode_organisation')}</option>
          </select>
        </label>
      )}
      {value?.kind === 'levels' && (
        <>
          {levelSelect(t('levelA'), value.a, (a) => onChange({ ...value, a }))}
          {levelSelect(t('levelB'), value.b, (b) => onChange({ ...value, b }))}
        </>
      )}
      {value?.kind === 'organisation' && (
        <label className="field field--inline">
          <span className="field__label">{t('partner')}</span>
          <select aria-label={t('partner')} value={value.organisationId} onChange={(e) => onChange({ kind: 'organisation', organisationId: e.currentTarget.value })}>
            <OrganisationOptions organisations={scan.organisations} />
          </select>
        </label>
      )}
    </div>
  );
}
