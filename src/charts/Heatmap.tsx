import { useMemo } from 'react';
import { shownMean } from '../domain/analysis/figures';
import type { Language } from '../domain/types';
import { ChartFigure } from './ChartFigure';
import { chartText, markIndicative, statementLabel, type CommonChartProps } from './common';
import { pickTextColour } from './contrast';
import { DataTable, type DataTableColumn } from './DataTable';
import { getChartFormat, NO_VALUE } from './format';
import { Legend, layoutLegend, type LegendItem } from './Legend';
import { lineHeightOf, round, TextLines } from './marks';
import { abbreviate, charsPerLine, wrapText } from './text';
import { divergingColour, getChartTheme, SCALE_MAX, SCALE_MIN, SCALE_TICKS, type ChartTheme } from './theme';
import { useChartWidth } from './useChartWidth';
import type { GroupRef, HeatmapRow } from './model/chartData';

export interface HeatmapProps extends CommonChartProps {
  /** Columns, in order. */
  groups: readonly GroupRef[];
  rows: readonly HeatmapRow[];
  /** Adds a chain column (the rows' `chainMean`), set apart and outlined, under this header. */
  chainLabel?: string;
}

const findCell = (row: HeatmapRow, groupId: string) => row.cells.find((cell) => cell.groupId === groupId);

/** Statements × groups, coloured around neutral, with the mean and n in every cell. */
export function Heatmap({ title, language, size = 'screen', width: fixedWidth, description, groups, rows, chainLabel }: HeatmapProps) {
  const { ref, width, isMeasured } = useChartWidth(fixedWidth);
  const theme = getChartTheme(size);
  const t = chartText(language);
  const f = getChartFormat(language);
  const layout = useMemo(() => layoutHeatmap(width, groups, rows, chainLabel, theme, language), [width, groups, rows, chainLabel, theme, language]);
  const { textLeft, columns, cellWidth, legend, legendTop, headerLines, headerTop, rowLayouts, height, tooFewLines } = layout;
  const s = theme.scale;
  const inset = theme.stroke.thick;

  return (
    <ChartFigure kind="heatmap" title={title} description={description ?? t('describeHeatmap')} width={width} height={height} theme={theme} measureRef={ref} isMeasured={isMeasured}>
      <Legend layout={legend} x={textLeft} y={legendTop} theme={theme} />
      <g data-part="header">
        {columns.map((column, index) => {
          const lines = headerLines[index];
          if (!lines) return null;
          return (
            <g key={column.id} data-header={column.id}>
              {lines.isTruncated ? <title>{column.label}</title> : null}
              <TextLines lines={lines.lines} x={column.x + cellWidth / 2} y={headerTop + theme.font.small} lineHeight={lineHeightOf(theme, theme.font.small)} fontSize={theme.font.small} anchor="middle" fontWeight={700} fill={theme.ink} />
            </g>
          );
        })}
      </g>
      {rows.map((row, rowIndex) => {
        const rowLayout = rowLayouts[rowIndex];
        if (!rowLayout) return null;
        const { top, height: rowHeight, lines, isTruncated } = rowLayout;
        return (
          <g key={row.id} data-row={row.id}>
            <g>
              {isTruncated ? <title>{statementLabel(row)}</title> : null}
              <TextLines lines={lines} x={textLeft} y={top + (rowHeight - lines.length * lineHeightOf(theme, theme.font.body)) / 2 + theme.font.body * 0.9} lineHeight={lineHeightOf(theme, theme.font.body)} fontSize={theme.font.body} fill={theme.ink} />
            </g>
            {columns.map((column) => {
              const cell: { mean: number | null; n: number | null; tooFewScores?: boolean; dk?: number } = column.isChain ? { mean: row.chainMean, n: null } : (findCell(row, column.id) ?? { mean: null, n: 0 });
              const cx = column.x + cellWidth / 2;
              const cy = top + rowHeight / 2;
              const fill = cell.mean === null ? theme.paper : divergingColour(shownMean(cell.mean), theme);
              const textColour = cell.mean === null ? theme.inkMuted : pickTextColour(fill);
              // column.label already carries the indicative mark.
              const name = column.label;
              const nText = cell.n === null ? null : t('nValue', { n: f.count(cell.n) });
              if (cell.tooFewScores) {
                // Withheld (docs/analysis.md, "Too few scores"): words, never a figure or a colour.
                const words = tooFewLines;
                return (
                  <g key={column.id} data-cell={`${row.id}:${column.id}`} data-no-data data-too-few-scores>
                    <title>{`${statementLabel(row)} — ${name}: ${t('tooFewScoresDk', { dk: f.count(cell.dk ?? 0) })}`}</title>
                    <rect x={round(column.x + inset / 2)} y={round(top + inset / 2)} width={round(cellWidth - inset)} height={round(rowHeight - inset)} fill={theme.paper} stroke={theme.axis} strokeWidth={theme.stroke.thin} strokeDasharray={`${4 * s} ${3 * s}`} data-fill={theme.paper} />
                    <TextLines lines={words} x={cx} y={cy - ((words.length - 1) * lineHeightOf(theme, theme.font.small)) / 2 + theme.font.small * 0.35} lineHeight={lineHeightOf(theme, theme.font.small)} fontSize={theme.font.small} anchor="middle" fill={theme.inkMuted} />
                  </g>
                );
              }
              return (
                <g key={column.id} data-cell={`${row.id}:${column.id}`} data-no-data={cell.mean === null || undefined}>
                  <title>{`${statementLabel(row)} — ${name}: ${cell.mean === null ? t('noData') : f.mean(cell.mean)}${nText ? ` (${nText})` : ''}`}</title>
                  <rect
                    x={round(column.x + inset / 2)}
                    y={round(top + inset / 2)}
                    width={round(cellWidth - inset)}
                    height={round(rowHeight - inset)}
                    fill={fill}
                    stroke={column.isChain ? theme.ink : cell.mean === null ? theme.axis : theme.paper}
                    strokeWidth={column.isChain ? theme.stroke.thick * 0.6 : theme.stroke.thin}
                    strokeDasharray={cell.mean === null ? `${4 * s} ${3 * s}` : undefined}
                    data-fill={fill}
                  />
                  <text x={round(cx)} y={round(nText ? cy - theme.font.small * 0.45 : cy)} textAnchor="middle" dominantBaseline="central" fontSize={theme.font.body} fontWeight={700} fill={textColour} data-value>
                    {cell.mean === null ? NO_VALUE : f.mean(cell.mean)}
                  </text>
                  {nText ? (
                    <text x={round(cx)} y={round(cy + theme.font.body * 0.65)} textAnchor="middle" dominantBaseline="central" fontSize={theme.font.small} fill={textColour} data-n>
                      {nText}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartFigure>
  );
}

interface HeatmapColumn {
  id: string;
  label: string;
  shortLabel: string;
  x: number;
  isChain: boolean;
  isIndicative: boolean;
}

function layoutHeatmap(width: number, groups: readonly GroupRef[], rows: readonly HeatmapRow[], chainLabel: string | undefined, theme: ChartTheme, language: Language) {
  const t = chartText(language);
  const f = getChartFormat(language);
  const s = theme.scale;
  const bodyFont = theme.font.body;
  const textLeft = 8 * s;
  const count = groups.length + (chainLabel ? 1 : 0);
  const chainGap = chainLabel ? 10 * s : 0;
  const textWidth = Math.round(Math.max(140 * s, (width - textLeft) * 0.34));
  const cellArea = width - textLeft - textWidth - 16 * s - chainGap - 8 * s;
  const cellWidth = Math.max(56 * s, Math.min(cellArea / Math.max(1, count), 170 * s));
  const gridLeft = textLeft + textWidth + 16 * s;
  const columns: HeatmapColumn[] = groups.map((g, i) => ({ id: g.id, label: markIndicative(g.label, g.isIndicative), shortLabel: markIndicative(g.shortLabel ?? abbreviate(g.label), g.isIndicative), x: gridLeft + i * cellWidth, isChain: false, isIndicative: g.isIndicative }));
  if (chainLabel) columns.push({ id: '__chain__', label: chainLabel, shortLabel: chainLabel, x: gridLeft + groups.length * cellWidth + chainGap, isChain: true, isIndicative: false });

  const items: LegendItem[] = SCALE_TICKS.map((tick) => ({
    key: `value-${tick}`,
    label: tick === SCALE_MIN ? `${f.count(tick)} ${t('scale1').toLowerCase()}` : tick === SCALE_MAX ? `${f.count(tick)} ${t('scale5').toLowerCase()}` : tick === 3 ? `${f.count(tick)} ${t('scale3').toLowerCase()}` : f.count(tick),
    swatch: (size: number) => <rect width={size} height={size} fill={divergingColour(tick, theme)} stroke={theme.axis} strokeWidth={theme.stroke.thin} />,
  }));
  items.push({ key: 'no-data', label: `${NO_VALUE} ${t('noDataLegend').toLowerCase()}`, swatch: (size: number) => <rect x={1} y={1} width={size - 2} height={size - 2} fill={theme.paper} stroke={theme.axis} strokeWidth={theme.stroke.thin} strokeDasharray={`${3 * s} ${2 * s}`} /> });
  const hasTooFew = rows.some((row) => row.cells.some((cell) => cell.tooFewScores));
  if (hasTooFew) items.push({ key: 'too-few-scores', label: t('tooFewScoresLegend'), swatch: (size: number) => <rect x={1} y={1} width={size - 2} height={size - 2} fill={theme.paper} stroke={theme.axis} strokeWidth={theme.stroke.thin} strokeDasharray={`${3 * s} ${2 * s}`} /> });
  const hasIndicative = groups.some((g) => g.isIndicative);
  if (hasIndicative) items.push({ key: 'indicative', label: t('indicativeLegend'), swatch: () => null });

  // Column headers must not run into each other: a name that would need a broken word or more
  // than three lines is replaced by its short label, and the legend spells it out.
  const headerFont = theme.font.small;
  const headerMaxChars = charsPerLine(cellWidth - 8 * s, headerFont, true);
  const headerLines = columns.map((c) => {
    const full = wrapText(c.label, headerMaxChars, 3, { overlong: 1.2 });
    const fits = !full.isTruncated && !full.lines.some((line) => line.endsWith('-'));
    return fits ? { ...full, isAbbreviated: false } : { ...wrapText(c.shortLabel, headerMaxChars, 3, { overlong: 1.2 }), isTruncated: true, isAbbreviated: true };
  });
  columns.forEach((c, i) => {
    if (headerLines[i]?.isAbbreviated) items.splice(items.length - (hasIndicative ? 1 : 0), 0, { key: `abbr-${c.id}`, label: `${c.shortLabel} = ${c.label}`, swatch: () => null });
  });
  const legend = layoutLegend(items, width - textLeft * 2, theme);
  const legendTop = 6 * s;
  const headerHeight = Math.max(1, ...headerLines.map((l) => l.lines.length)) * lineHeightOf(theme, headerFont) + 6 * s;
  const headerTop = legendTop + legend.height + 10 * s;

  const maxChars = charsPerLine(textWidth, bodyFont);
  const maxLines = theme.size === 'projector' ? 3 : 4;
  // "too few scores", wrapped to the cell; the row grows to hold it.
  const tooFewLines = wrapText(t('tooFewScores'), charsPerLine(cellWidth - 8 * s, theme.font.small), 3).lines;
  const cellHeight = Math.max(bodyFont + theme.font.small * 1.4 + 16 * s, hasTooFew ? tooFewLines.length * lineHeightOf(theme, theme.font.small) + 12 * s : 0);
  let top = headerTop + headerHeight;
  const rowLayouts = rows.map((row) => {
    const wrapped = wrapText(statementLabel(row), maxChars, maxLines);
    const height = Math.max(cellHeight, wrapped.lines.length * lineHeightOf(theme, bodyFont) + 12 * s);
    const layout = { top, height, lines: wrapped.lines, isTruncated: wrapped.isTruncated };
    top += height;
    return layout;
  });
  return { textLeft, columns, cellWidth, legend, legendTop, headerLines, headerTop, rowLayouts, height: Math.ceil(top + 8 * s), tooFewLines };
}

/** The heatmap's table: the same grid, two decimals, n beside each mean. */
export function HeatmapTable({ title, language, groups, rows, chainLabel }: Pick<HeatmapProps, 'title' | 'language' | 'groups' | 'rows' | 'chainLabel'>) {
  const t = chartText(language);
  const f = getChartFormat(language);
  const columns: DataTableColumn<HeatmapRow>[] = [
    { id: 'statement', header: t('statement'), isRowHeader: true, render: statementLabel },
    ...groups.map(
      (group): DataTableColumn<HeatmapRow> => ({
        id: `group-${group.id}`,
        header: markIndicative(group.label, group.isIndicative),
        isNumeric: true,
        render: (row) => {
          const cell = findCell(row, group.id);
          if (cell?.tooFewScores) return t('tooFewScoresDk', { dk: f.count(cell.dk ?? 0) });
          return cell && cell.mean !== null ? `${f.mean(cell.mean)} (${t('nValue', { n: f.count(cell.n) })})` : NO_VALUE;
        },
      }),
    ),
  ];
  if (chainLabel) columns.push({ id: 'chain', header: chainLabel, isNumeric: true, render: (row) => f.mean(row.chainMean) });
  const notes = [groups.some((g) => g.isIndicative) ? t('indicativeLegend') : null, rows.some((row) => row.cells.some((cell) => cell.tooFewScores)) ? t('tooFewScoresNote') : null].filter((note): note is string => note !== null);
  return <DataTable caption={title} columns={columns} rows={rows} getRowKey={(row) => row.id} note={notes.length > 0 ? notes.join(' ') : undefined} />;
}
