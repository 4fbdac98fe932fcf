import { useRef, useState } from 'react';
import type { AnalysisFilters } from '../../domain/analysis';
import { LEVELS, type ItemKind, type Level, type Scan } from '../../domain/types';
import { useMessages } from '../../i18n/useMessages';
import { directorMessages } from '../../i18n/directorMessages';
import { resultsMessages } from './resultsMessages';

interface ResultsFiltersProps {
  scan: Scan;
  filters: AnalysisFilters;
  onChange: (filters: AnalysisFilters) => void;
}

type KindChoice = 'both' | ItemKind;

export function ResultsFilters({ scan, filters, onChange }: ResultsFiltersProps) {
  const t = useMessages(resultsMessages);
  const td = useMessages(directorMessages);
  const level = filters.levels?.[0] ?? '';
  const kind: KindChoice = filters.kinds?.length === 1 ? (filters.kinds[0] ?? 'both') : 'both';
  const selected = new Set(filters.organisationIds ?? scan.organisations.map((o) => o.id));

  const toggleOrganisation = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    const all = scan.organisations.every((o) => next.has(o.id));
    // Keep at least one: an empty selection would mean "no filter" to the engine.
    if (next.size === 0) return;
    onChange({ ...filters, organisationIds: all ? undefined : scan.organisations.filter((o) => next.has(o.id)).map((o) => o.id) });
  };

  const isFiltered = Boolean(filters.levels?.length || filters.organisationIds?.length || filters.kinds?.length);
  // Open or closed is the director's choice, not a consequence of the filters: clearing the
  // last filter must not fold the panel away under her hands.
  const [isOpen, setOpen] = useState(isFiltered);
  const summaryRef = useRef<HTMLElement>(null);
  const reset = () => {
    onChange({});
    // The reset button disappears with the last filter: keep the keyboard focus in the panel.
    summaryRef.current?.focus();
  };

  return (
    <details className="results-filters" open={isOpen} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary ref={summaryRef}>{t('filtersTitle')}</summary>
      <div className="results-filters__body">
        {scan.settings.askLevel && (
          <label className="field">
            <span className="field__label">{t('filterLevel')}</span>
            <select value={level} onChange={(e) => onChange({ ...filters, levels: e.target.value ? [e.target.value as Level] : undefined })}>
              <option value="">{t('filterAllLevels')}</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {td(`level_${l}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span className="field__label">{t('filterKind')}</span>
          <select value={kind} onChange={(e) => onChange({ ...filters, kinds: e.target.value === 'both' ? undefined : [e.target.value as ItemKind] })}>
            <option value="both">{t('filterBothKinds')}</option>
            <option value="thermometer">{t('filterThermometer')}</option>
            <option value="thermostat">{t('filterThermostat')}</option>
          </select>
        </label>
        <fieldset className="results-filters__organisations">
          <legend>{t('filterOrganisations')}</legend>
          {scan.organisations.map((o) => (
            <label key={o.id} className="checkbox">
              <input type="checkbox" checked={selected.has(o.id)} onChange={() => toggleOrganisation(o.id)} />
              <span>{o.name}</span>
            </label>
          ))}
        </fieldset>
        {isFiltered && (
          <button type="button" className="button button--secondary" onClick={reset}>
            {t('filterReset')}
          </button>
        )}
      </div>
    </details>
  );
}
