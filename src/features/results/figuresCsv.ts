import { pMethodLabel } from '../../charts/pMethod';
import { getChartFormat } from '../../charts/format';
import { chartText } from '../../charts/common';
import { buildDimensionSettings, buildIndexColumns, type ChartLabels } from '../../charts/model/chartData';
import type { Band, ScanAnalysis, StatementAnalysis } from '../../domain/analysis';
import { guardCsvText, toCsv } from '../../domain/exchange/csv';
import type { ItemKind, Language, Scan } from '../../domain/types';

// The figures as the results views show them, one row per statement × group and the chain, then
// the indexes (docs/analysis.md, "Rounding: one number per figure"). Every figure is written by
// the one formatter of the views (src/charts/format.ts) in the director's language, so the CSV
// reads the same strings as the charts, tables, slides and report. It is built from the protected
// analysis the views use, so it holds nothing the anonymity guard keeps off the screen. Column
// names are fixed English snake_case, as in the other CSV exports; Dutch files use ";" between
// cells, since their figures carry a decimal comma (what a Dutch spreadsheet expects).

export const FIGURES_CSV_COLUMNS = [
  'figure',
  'statement_number',
  'statement_id',
  'statement_text',
  'kind',
  'dimension',
  'group',
  'n',
  'dont_know',
  'mean',
  'band',
  'weighted_mean',
  'consensus',
  'gap',
  'p',
  'p_method',
  'verdict',
] as const;

type Column = (typeof FIGURES_CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

export function figuresCsvSeparator(language: Language): ',' | ';' {
  return language === 'nl' ? ';' : ',';
}

export function buildFiguresCsv(scan: Pick<Scan, 'instrument'>, analysis: ScanAnalysis, language: Language, labels: ChartLabels): string {
  const format = getChartFormat(language);
  const t = chartText(language);
  const bandWord = (band: Band | null): string =>
    band === 'strong' ? t('bandStrong') : band === 'attention' ? t('bandAttention') : band === 'concern' ? t('bandConcern') : '';
  const verdict = (statement: StatementAnalysis): string =>
    statement.gapClass === 'discussionPoint' ? t('discussionPoint') : statement.gapClass === 'uncertainDifference' ? t('uncertainDifference') : '';
  const kindWord = (kind: ItemKind): string => t(kind);
  const groupName = (index: number): string => {
    const group = analysis.groups[index];
    if (!group) return '';
    return guardCsvText(group.source.kind === 'organisation' ? group.source.name : labels.pooledGroup);
  };
  const dimensionLabel = (id: string): string => {
    const dimension = scan.instrument.dimensions.find((d) => d.id === id);
    return guardCsvText(dimension ? labels.localize(dimension.label) : id);
  };

  const rows: Row[] = [];
  for (const statement of analysis.statements) {
    const position = scan.instrument.items.findIndex((item) => item.id === statement.itemId);
    const item = scan.instrument.items[position];
    const head: Row = {
      figure: 'statement',
      statement_number: String(position + 1),
      statement_id: guardCsvText(statement.itemId),
      statement_text: guardCsvText(item ? labels.localize(item.text) : statement.itemId),
      kind: kindWord(statement.kind),
      dimension: dimensionLabel(statement.dimensionId),
    };
    statement.cells.forEach((cell, index) => {
      // A withheld cell says so, as the views do (docs/analysis.md, "Too few scores"): no n, no mean.
      if (cell.tooFewScores) rows.push({ ...head, group: groupName(index), dont_know: format.count(cell.dk), mean: t('tooFewScores') });
      else rows.push({ ...head, group: groupName(index), n: format.count(cell.n), dont_know: format.count(cell.dk), mean: format.mean(cell.mean) });
    });
    rows.push({
      ...head,
      group: guardCsvText(labels.chain),
      n: format.count(statement.n),
      dont_know: format.count(statement.dk),
      mean: format.mean(statement.chainMean),
      band: bandWord(statement.band),
      weighted_mean: format.mean(statement.weightedMean),
      consensus: format.mean(statement.consensus),
      gap: format.mean(statement.gap),
      p: statement.kruskalWallis ? format.p(statement.kruskalWallis.p) : '',
      // How p was found, as the views say it beside p (docs/analysis.md, "Which p-value").
      p_method: pMethodLabel(language, statement.kruskalWallis),
      verdict: verdict(statement),
    });
  }

  // The indexes as the thermometer (and thermostat) columns show them: n is the respondents behind the value.
  for (const kind of ['thermometer', 'thermostat'] as const) {
    for (const column of buildIndexColumns(analysis, kind, labels)) {
      rows.push({ figure: 'index', kind: kindWord(kind), group: guardCsvText(column.label), n: format.count(column.n), mean: format.mean(column.value), band: bandWord(column.band) });
    }
  }
  // The thermostat per dimension, as the dial shows it.
  for (const dimension of buildDimensionSettings(analysis, scan.instrument, 'thermostat', labels)) {
    dimension.values.forEach((value, index) => {
      rows.push({ figure: 'dimension_index', kind: kindWord('thermostat'), dimension: guardCsvText(dimension.label), group: groupName(index), mean: format.mean(value.value) });
    });
    rows.push({ figure: 'dimension_index', kind: kindWord('thermostat'), dimension: guardCsvText(dimension.label), group: guardCsvText(labels.chain), mean: format.mean(dimension.chainValue) });
  }

  return toCsv(
    FIGURES_CSV_COLUMNS,
    rows.map((row) => FIGURES_CSV_COLUMNS.map((column) => row[column] ?? '')),
    figuresCsvSeparator(language),
  );
}
