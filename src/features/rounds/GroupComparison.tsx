import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { DataTable } from '../../charts/DataTable';
import { getChartFormat } from '../../charts/format';
import type { ScanAnalysis } from '../../domain/analysis';
import { compareGroupsInScan, type ComparisonMode } from '../../domain/rounds/compareGroups';
import { CHANGE_EVIDENCE_P } from '../../domain/rounds/compareRounds';
import { LEVELS, type Level, type Scan } from '../../domain/types';
import { useLocalize, useMessages } from '../../i18n/useMessages';
import { directorMessages } from '../../i18n/directorMessages';
import { selectLanguage, useUiStore } from '../../state/uiStore';
import { ChangeChart, type ChangeRow } from './ChangeChart';
import { changeColumns, comparisonChanceSentence, countChangeTests } from './changeColumns';
import { roundsMessages } from './roundsMessages';
import { loadScanTally } from '../../storage/tallyRepository';
import { chartMessages } from '../../charts/chartMessages';
import './groupComparison.css';
import { OrganisationOptions } from '../../ui/OrganisationOptions';
import { Link } from 'wouter';
import { withComparisonParam } from './comparisonParam';
import { stageMessages } from './stageMessages';

/**
 * Two groups of one scan side by side, in the perception-gap view, under the anonymity guard of
 * compareGroupsInScan (docs/instrument-and-rounds.md, "Comparing two groups within one scan").
 * Withheld while a filter on people is set: the comparison chooses its own people, and set
 * against filtered figures the two could be subtracted.
 */
export default function GroupComparison({ scan, analysis }: { scan: Scan; analysis: ScanAnalysis }) {
  const t = useMessages(roundsMessages);
  const td = useMessages(directorMessages);
  const tc = useMessages(chartMessages);
  const ts = useMessages(stageMessages);
  const localize = useLocalize();
  const language = useUiStore(selectLanguage);
  const format = getChartFormat(language);
  const canCompareLevels = scan.settings.askLevel;
  const [chosenKind, setKind] = useState<ComparisonMode['kind']>(canCompareLevels ? 'levels' : 'organisation');
  const kind = canCompareLevels ? chosenKind : 'organisation';
  const [levelA, setLevelA] = useState<Level>('uitvoering');
  const [levelB, setLevelB] = useState<Level>('management');
  const [organisationId, setOrganisationId] = useState(scan.organisations[0]?.id ?? '');
  // From the scan's stored tally: every figure of the comparison is a count (docs/scale.md "Rounds").
  const tally = useLiveQuery(() => loadScanTally(scan.id), [scan.id], null);
  const min = scan.settings.minGroupSize;
  const { levels, organisationIds, kinds } = analysis.filters;
  const isFilteredOnPeople = levels !== null || organisationIds !== null;
  const mode: ComparisonMode = kind === 'levels' ? { kind, a: levelA, b: levelB } : { kind, organisationId };
  const result = useMemo(
    () => (tally && !isFilteredOnPeople ? compareGroupsInScan(scan, tally, kind === 'levels' ? { kind, a: levelA, b: levelB } : { kind, organisationId }) : null),
    [tally, isFilteredOnPeople, scan, kind, levelA, levelB, organisationId],
  );
  const organisationName = scan.organisations.find((o) => o.id === organisationId)?.name ?? '';
  const nameA = kind === 'levels' ? td(`level_${levelA}`) : organisationName;
  const nameB = kind === 'levels' ? td(`level_${levelB}`) : t('restOf');
  const levelSelect = (label: string, value: Level, onChange: (level: Level) => void) => (
    <label className="field field--inline">
      <span className="field__label">{label}</span>
      <select aria-label={label} value={value} onChange={(e) => onChange(LEVELS.find((l) => l === e.currentTarget.value) ?? 'uitvoering')}>
        {LEVELS.map((level) => (
          <option key={level} value={level}>
            {td(`level_${level}`)}
          </option>
        ))}
      </select>
    </label>
  );

  let body = null;
  if (isFilteredOnPeople) body = <p className="notice">{t('groupsWithheldFilters')}</p>;
  else if (result && !result.ok) body = <p className="notice">{t(`refused_${result.reason}`, { min })}</p>;
  else if (result?.ok) {
    // A filter on statement kind only narrows the statements, as it does for the gap chart.
    const statements = kinds === null ? result.statements : result.statements.filter((s) => kinds.includes(s.item.kind));
    const rows: ChangeRow[] = statements.map((s) => ({ key: s.itemId, label: `${scan.instrument.items.indexOf(s.item) + 1}. ${localize(s.item.text)}`, figure: s.figure }));
    const columns = changeColumns(t, format, { earlier: t('colA', { name: nameA }), later: t('colB', { name: nameB }), change: t('colDifference') }, 'gap', language);
    const chanceSentence = comparisonChanceSentence(t, language, countChangeTests(statements.map((s) => s.figure)), 'gap');
    const title = t('groupsChartTitle', { a: nameA, b: nameB });
    body = (
      <>
        <p className="group-comparison__respondents">{t('groupsRespondents', { a: nameA, b: nameB, countA: result.respondentsA, countB: result.respondentsB })}</p>
        {result.excludedOrganisationIds.length > 0 && <p className="notice notice--warning">{t('groupsExcluded', { count: result.excludedOrganisationIds.length, min })}</p>}
        <p className="hint group-comparison__legend">{t('groupsLegend', { a: nameA, b: nameB })}</p>
        <ChartFrame
          title={title}
          language={language}
          fileName="ketenscan-twee-groepen"
          key={JSON.stringify(mode)}
          table={<DataTable caption={t('groupsTableCaption', { a: nameA, b: nameB })} columns={columns} rows={rows} getRowKey={(r) => r.key} note={t('groupsUncertainNote', { zero: format.mean(0), alpha: format.mean(CHANGE_EVIDENCE_P) })} />}
        >
          <ChangeChart rows={rows} title={title} description={t('groupsChartDescription', { a: nameA, b: nameB })} language={language} uncertainLabel={tc('couldBeChance')} unchangedLabel={t('noGap')} />
        </ChartFrame>
        {chanceSentence && (
          <p className="hint" data-testid="groups-chance-note">
            {chanceSentence}
          </p>
        )}
        {/* The report takes this choice from the address, beside the filters (docs/instrument-and-rounds.md, "In the presenter and the report"). */}
        <p>
          <Link href={`/scans/${scan.id}/report?${withComparisonParam(window.location.search, mode)}`}>{ts('toReport')}</Link>
        </p>
      </>
    );
  }

  return (
    <section className="group-comparison" aria-labelledby="groups-title">
      <h3 id="groups-title">{t('groupsTitle')}</h3>
      <p>{t('groupsIntro', { min })}</p>
      <div className="view-controls">
        {canCompareLevels && (
          <label className="field field--inline">
            <span className="field__label">{t('modeLabel')}</span>
            <select aria-label={t('modeLabel')} value={kind} onChange={(e) => setKind(e.currentTarget.value === 'levels' ? 'levels' : 'organisation')}>
              <option value="levels">{t('mode_levels')}</option>
              <option value="organisation">{t('mode_organisation')}</option>
            </select>
          </label>
        )}
        {kind === 'levels' ? (
          <>
            {levelSelect(t('levelA'), levelA, setLevelA)}
            {levelSelect(t('levelB'), levelB, setLevelB)}
          </>
        ) : (
          <label className="field field--inline">
            <span className="field__label">{t('partner')}</span>
            <select aria-label={t('partner')} value={organisationId} onChange={(e) => setOrganisationId(e.currentTarget.value)}>
              <OrganisationOptions organisations={scan.organisations} />
            </select>
          </label>
        )}
      </div>
      {body}
    </section>
  );
}
