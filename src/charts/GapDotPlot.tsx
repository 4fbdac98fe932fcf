import { withPMethod } from './pMethod';
import { extent } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import type { Language } from '../domain/types';
import { ChartFigure } from './ChartFigure';
import { buildGroupStyles, chartText, dodgeLabels, markIndicative, stackMarkers, statementLabel, type CommonChartProps } from './common';
import { DataTable, type DataTableColumn } from './DataTable';
import { getChartFormat } from './format';
import { Legend, layoutLegend, type LegendItem } from './Legend';
import { FlagIcon, GroupSymbol, OpenFlagIcon, lineHeightOf, round, TextLines } from './marks';
import { charsPerLine, estimateTextWidth, wrapText } from './text';
import { getChartTheme, SCALE_MAX, SCALE_MID, SCALE_MIN, SCALE_TICKS, type ChartTheme } from './theme';
import { useChartWidth } from './useChartWidth';
import { groupLegendItems } from './groupLegend';
import type { GapPoint, GapRow, GroupRef } from './model/chartData';

export interface GapDotPlotProps extends CommonChartProps {
  /** All groups, in a fixed order: it sets each group's colour and shape. */
  groups: readonly GroupRef[];
  /** Rows in display order (the caller sorts). */
  rows: readonly GapRow[];
}

const getMean = (point: GapPoint) => point.mean;

/** Perception gap: per statement every group's mean as a labelled dot on one 1–5 axis. */
export function GapDotPlot({ title, language, size = 'screen', width: fixedWidth, description, groups, rows }: GapDotPlotProps) {
  const { ref, width, isMeasured } = useChartWidth(fixedWidth);
  const theme = getChartTheme(size);
  const t = chartText(language);
  const f = getChartFormat(language);
  const layout = useMemo(() => layoutGapDotPlot(width, groups, rows, theme, language), [width, groups, rows, theme, language]);
  const { x, styles, plotLeft, plotRight, textLeft, rightLeft, legend, legendTop, axisTop, rowLayouts, height, radius } = layout;
  const s = theme.scale;
  const labelFont = theme.font.label;
  const describe =
    description ??
    t('describeGap', {
      values: rows.map((r) => t('describeGapRow', { statement: r.number ?? r.text, gap: f.mean(r.gap), flag: r.isDiscussionPoint ? `, ${t('discussionPoint').toLowerCase()}` : r.isUncertainDifference ? `, ${t('uncertainDifference').toLowerCase()}` : '' })).join('; '),
    });
  const gridTop = axisTop + labelFont * 0.6;
  const gridBottom = height - 8 * s;

  return (
    <ChartFigure kind="gap" title={title} description={describe} width={width} height={height} theme={theme} measureRef={ref} isMeasured={isMeasured}>
      <Legend layout={legend} x={textLeft} y={legendTop} theme={theme} />
      <g data-part="axis">
        {SCALE_TICKS.map((tick) => (
          <text key={tick} x={round(x(tick))} y={round(axisTop)} textAnchor="middle" fontSize={labelFont} fontWeight={600} fill={theme.ink}>
            {f.count(tick)}
          </text>
        ))}
        <text x={round(x(SCALE_MIN))} y={round(axisTop + lineHeightOf(theme, theme.font.small))} textAnchor="middle" fontSize={theme.font.small} fill={theme.inkMuted}>
          {t('scale1').toLowerCase()}
        </text>
        <text x={round(x(SCALE_MAX))} y={round(axisTop + lineHeightOf(theme, theme.font.small))} textAnchor="middle" fontSize={theme.font.small} fill={theme.inkMuted}>
          {t('scale5').toLowerCase()}
        </text>
        <text x={round(rightLeft)} y={round(axisTop)} fontSize={labelFont} fontWeight={600} fill={theme.ink}>
          {t('gap')}
        </text>
      </g>
      {rowLayouts.map(({ top, height: rowHeight }, index) =>
        index % 2 === 1 ? <rect key={`stripe-${index}`} x={textLeft - 4 * s} width={width - textLeft} y={round(top)} height={round(rowHeight)} fill={theme.paperAlt} /> : null,
      )}
      <g data-part="grid">
        {SCALE_TICKS.map((tick) => (
          <line key={tick} x1={round(x(tick))} x2={round(x(tick))} y1={round(gridTop + lineHeightOf(theme, theme.font.small))} y2={round(gridBottom)} stroke={tick === SCALE_MID ? theme.axis : theme.grid} strokeWidth={theme.stroke.thin} />
        ))}
      </g>
      {rows.map((row, index) => {
        const rowLayout = rowLayouts[index];
        if (!rowLayout) return null;
        const { top, axisY, textLines, labels, isTruncated, tooFewLines } = rowLayout;
        const [min, max] = extent(row.points, getMean);
        return (
          <g key={row.id} data-row={row.id} data-discussion-point={row.isDiscussionPoint || undefined} data-uncertain-difference={row.isUncertainDifference || undefined}>
            <g>
              {isTruncated ? <title>{statementLabel(row)}</title> : null}
              <TextLines lines={textLines} x={textLeft} y={top + 8 * s + theme.font.body} lineHeight={lineHeightOf(theme, theme.font.body)} fontSize={theme.font.body} fill={theme.ink} />
            </g>
            {tooFewLines.length > 0 ? (
              // Groups withheld on this statement (docs/analysis.md, "Too few scores"): named, no dot.
              <g data-too-few-scores>
                <title>{t('tooFewScoresGroups', { groups: (row.tooFewScores ?? []).map((m) => `${styles.get(m.groupId)?.label ?? m.groupId} (${t('tooFewScoresDk', { dk: f.count(m.dk) })})`).join(', ') })}</title>
                <TextLines lines={tooFewLines} x={textLeft} y={top + 8 * s + textLines.length * lineHeightOf(theme, theme.font.body) + theme.font.small} lineHeight={lineHeightOf(theme, theme.font.small)} fontSize={theme.font.small} fill={theme.inkMuted} />
              </g>
            ) : null}
            {row.points.length === 0 ? (
              <text x={round((plotLeft + plotRight) / 2)} y={round(axisY)} textAnchor="middle" dominantBaseline="central" fontSize={labelFont} fill={theme.inkMuted} data-no-data>
                {t('noData')}
              </text>
            ) : (
              <line x1={round(x(SCALE_MIN))} x2={round(x(SCALE_MAX))} y1={round(axisY)} y2={round(axisY)} stroke={theme.grid} strokeWidth={theme.stroke.thin} />
            )}
            {min !== undefined && max !== undefined && max > min ? (
              <line x1={round(x(min))} x2={round(x(max))} y1={round(axisY)} y2={round(axisY)} stroke={theme.axis} strokeWidth={radius * 0.7} strokeLinecap="round" data-mark="range" />
            ) : null}
            {row.chainMean !== null ? (
              <line x1={round(x(row.chainMean))} x2={round(x(row.chainMean))} y1={round(axisY - radius * 1.6)} y2={round(axisY + radius * 1.6)} stroke={theme.ink} strokeWidth={theme.stroke.thick} data-mark="chain-mean">
                <title>{`${t('chainMean')}: ${f.mean(row.chainMean)}`}</title>
              </line>
            ) : null}
            {row.points.map((point, pointIndex) => {
              const style = styles.get(point.groupId);
              const label = labels[pointIndex];
              if (!style || !label) return null;
              const cx = x(point.mean);
              return (
                <g key={point.groupId} data-point={point.groupId}>
                  <title>{`${markIndicative(style.label, style.isIndicative)}: ${f.mean(point.mean)} (${t('nDk', { n: f.count(point.n), dk: f.count(point.dk) })})`}</title>
                  {label.isLeader ? <line x1={round(cx)} x2={round(label.x)} y1={round(label.markerY)} y2={round(label.leaderEnd)} stroke={theme.axis} strokeWidth={theme.stroke.thin} /> : null}
                  {label.markerY !== axisY ? <line x1={round(cx)} x2={round(cx)} y1={round(axisY)} y2={round(label.markerY)} stroke={theme.axis} strokeWidth={theme.stroke.thin} data-mark="stack-stem" /> : null}
                  <GroupSymbol type={style.symbol} x={cx} y={label.markerY} radius={radius} fill={style.colour} outline={theme.markOutline} strokeWidth={theme.stroke.mark} />
                  <text x={round(label.x)} y={round(label.y)} textAnchor="middle" dominantBaseline="central" fontSize={labelFont} fontWeight={600} fill={theme.ink} paintOrder="stroke" stroke={theme.paper} strokeWidth={3 * s} strokeLinejoin="round" data-label>
                    {label.text}
                  </text>
                </g>
              );
            })}
            <text x={round(rightLeft)} y={round(axisY)} dominantBaseline="central" fontSize={theme.font.body} fontWeight={700} fill={theme.ink} data-gap>
              {f.mean(row.gap)}
            </text>
            {row.isDiscussionPoint ? (
              <g data-mark="discussion-point">
                <FlagIcon x={round(rightLeft)} y={axisY + theme.font.body * 0.75} size={labelFont} colour={theme.ink} strokeWidth={theme.stroke.mark} />
                <text x={rightLeft + labelFont * 0.95} y={round(axisY + theme.font.body * 0.75 + labelFont * 0.5)} dominantBaseline="central" fontSize={labelFont} fontWeight={700} fill={theme.ink}>
                  {t('discussionPoint')}
                </text>
              </g>
            ) : row.isUncertainDifference ? (
              <g data-mark="uncertain-difference">
                <OpenFlagIcon x={round(rightLeft)} y={axisY + theme.font.body * 0.75} size={labelFont} colour={theme.ink} strokeWidth={theme.stroke.mark} />
                <text x={rightLeft + labelFont * 0.95} y={round(axisY + theme.font.body * 0.75 + labelFont * 0.5)} dominantBaseline="central" fontSize={labelFont} fontStyle="italic" fill={theme.ink}>
                  {t('uncertainDifference')}
                </text>
              </g>
            ) : null}
          </g>
        );
      })}
    </ChartFigure>
  );
}

/** Marker centres at least this many radii apart (the star and the cross reach past the radius). */
const MARKER_SPACING = 2.3;

interface PlacedLabel {
  text: string;
  x: number;
  y: number;
  /** The marker's centre: on the axis, or above/below it when it stacks on an equal mean. */
  markerY: number;
  isLeader: boolean;
  leaderEnd: number;
}

function layoutGapDotPlot(width: number, groups: readonly GroupRef[], rows: readonly GapRow[], theme: ChartTheme, language: Language) {
  const t = chartText(language);
  const s = theme.scale;
  const labelFont = theme.font.label;
  const bodyFont = theme.font.body;
  const labelLh = lineHeightOf(theme, labelFont);
  const styles = buildGroupStyles(groups, theme);
  const radius = theme.markSize;

  const textLeft = 8 * s;
  const flagLabel = rows.some((r) => r.isUncertainDifference) ? Math.max(estimateTextWidth(t('uncertainDifference'), labelFont, true), estimateTextWidth(t('discussionPoint'), labelFont, true)) : estimateTextWidth(t('discussionPoint'), labelFont, true);
  const rightWidth = Math.max(flagLabel + labelFont * 1.1, estimateTextWidth(t('gap'), labelFont, true), estimateTextWidth('0,0', bodyFont, true)) + 16 * s;
  const rightLeft = width - rightWidth;
  const textWidth = Math.round(Math.max(140 * s, (width - rightWidth) * 0.38));
  const plotLeft = textLeft + textWidth + 24 * s;
  const plotRight = rightLeft - 28 * s;
  const x = scaleLinear().domain([SCALE_MIN, SCALE_MAX]).range([plotLeft, plotRight]);

  const items: LegendItem[] = groupLegendItems(groups, styles, theme);
  if (rows.some((r) => r.chainMean !== null)) {
    items.push({ key: 'chain-mean', label: t('chainMean'), swatch: (size: number) => <line x1={size / 2} x2={size / 2} y1={0} y2={size} stroke={theme.ink} strokeWidth={theme.stroke.thick} /> });
  }
  items.push({ key: 'range', label: t('minMaxLegend'), swatch: (size: number) => <line x1={0} x2={size} y1={size / 2} y2={size / 2} stroke={theme.axis} strokeWidth={radius * 0.7} strokeLinecap="round" /> });
  if (groups.some((g) => g.isIndicative)) items.push({ key: 'indicative', label: t('indicativeLegend'), swatch: () => null });
  const legend = layoutLegend(items, width - textLeft * 2, theme);
  const legendTop = 6 * s;
  const axisTop = legendTop + legend.height + 14 * s + labelFont;
  const headerBottom = axisTop + lineHeightOf(theme, theme.font.small) + 10 * s;

  const maxChars = charsPerLine(textWidth, bodyFont);
  const maxLines = theme.size === 'projector' ? 3 : 4;
  let top = headerBottom;
  const rowLayouts = rows.map((row) => {
    const wrapped = wrapText(statementLabel(row), maxChars, maxLines);
    const texts = row.points.map((p) => {
      const style = styles.get(p.groupId);
      return markIndicative(style?.shortLabel ?? p.groupId, style?.isIndicative);
    });
    const lanes = dodgeLabels(
      row.points.map((p, i) => ({ x: x(p.mean), width: estimateTextWidth(texts[i] ?? '', labelFont, true) + 6 * s })),
      4 * s,
    );
    // Lane 0 above the dot, 1 below, 2 above that, …: close dots get labels on alternate sides.
    const levelsAbove = Math.max(0, ...lanes.filter((l) => l % 2 === 0).map((l) => l / 2 + 1));
    const levelsBelow = Math.max(0, ...lanes.filter((l) => l % 2 === 1).map((l) => (l - 1) / 2 + 1));
    // Equal or near-equal means: the markers stack on the side of their label, none hides another.
    const markerYs = stackMarkers(
      row.points.map((p) => x(p.mean)),
      radius * MARKER_SPACING,
      lanes.map((l) => (l % 2 === 0 ? -1 : 1)),
    );
    const stackUp = Math.max(0, ...markerYs.map((y) => -y));
    const stackDown = Math.max(0, ...markerYs);
    const pad = 8 * s;
    const dotsHeight = radius * 2.5 + stackUp + stackDown + (levelsAbove + levelsBelow) * labelLh + 2 * 3 * s;
    const tooFew = row.tooFewScores ?? [];
    const tooFewText = tooFew.length > 0 ? t('tooFewScoresGroups', { groups: tooFew.map((m) => markIndicative(styles.get(m.groupId)?.shortLabel ?? m.groupId, styles.get(m.groupId)?.isIndicative)).join(', ') }) : '';
    const tooFewLines = tooFewText ? wrapText(tooFewText, charsPerLine(textWidth, theme.font.small), 3).lines : [];
    const textHeight = wrapped.lines.length * lineHeightOf(theme, bodyFont) + tooFewLines.length * lineHeightOf(theme, theme.font.small) + bodyFont * 0.3;
    const isFlagged = row.isDiscussionPoint || row.isUncertainDifference === true;
    const flagHeight = isFlagged ? bodyFont * 0.75 + labelFont * 1.2 + bodyFont * 0.6 : bodyFont;
    const contentHeight = Math.max(dotsHeight, textHeight, flagHeight);
    // The dots sit in the middle of the row; the gap value and flag hang from the same axis line.
    const dotsTop = top + pad + (contentHeight - dotsHeight) / 2;
    const axisY = Math.max(dotsTop + 3 * s + levelsAbove * labelLh + radius * 1.25 + stackUp, top + pad + bodyFont * 0.6);
    const below = Math.max(levelsBelow * labelLh + radius * 1.25 + 3 * s + stackDown, isFlagged ? bodyFont * 0.75 + labelFont * 1.2 : bodyFont * 0.6);
    const height = Math.max(pad * 2 + contentHeight, axisY - top + below + pad);
    const labels: PlacedLabel[] = row.points.map((p, i) => {
      const lane = lanes[i] ?? 0;
      const isAbove = lane % 2 === 0;
      const level = isAbove ? lane / 2 : (lane - 1) / 2;
      const offset = radius * 1.25 + 3 * s + labelLh * (level + 0.5);
      const y = isAbove ? axisY - stackUp - offset : axisY + stackDown + offset;
      const markerY = axisY + (markerYs[i] ?? 0);
      return { text: texts[i] ?? '', x: x(p.mean), y, markerY, isLeader: level > 0, leaderEnd: isAbove ? y + labelLh * 0.45 : y - labelLh * 0.45 };
    });
    const layout = { top, height, axisY, textLines: wrapped.lines, isTruncated: wrapped.isTruncated, labels, tooFewLines };
    top += height;
    return layout;
  });
  const height = Math.ceil(top + 8 * s);
  return { x, styles, plotLeft, plotRight, textLeft, rightLeft, legend, legendTop, axisTop, rowLayouts, height, radius };
}

/** The dot plot's table: one row per statement, a column per group (mean and n), chain mean, gap, flag. */
export function GapTable({ title, language, size = 'screen', groups, rows }: Pick<GapDotPlotProps, 'title' | 'language' | 'size' | 'groups' | 'rows'>) {
  // On a slide the table keeps what the gap is about (each group's mean, the gap, the flag, p) and
  // leaves the chain's figures to the discussion slides, which show them per point: with them it
  // was wider than the slide at 24 px (docs/presenter.md, "The gap table on the projector").
  const isProjector = size === 'projector';
  const t = chartText(language);
  const f = getChartFormat(language);
  const columns: DataTableColumn<GapRow>[] = [
    { id: 'statement', header: t('statement'), isRowHeader: true, render: statementLabel },
    ...groups.map(
      (group): DataTableColumn<GapRow> => ({
        id: `group-${group.id}`,
        header: markIndicative(group.label, group.isIndicative),
        isNumeric: true,
        render: (row) => {
          const point = row.points.find((p) => p.groupId === group.id);
          const withheld = row.tooFewScores?.find((m) => m.groupId === group.id);
          if (withheld) return t('tooFewScoresDk', { dk: f.count(withheld.dk) });
          return point ? `${f.mean(point.mean)} (${t('nValue', { n: f.count(point.n) })})` : f.mean(null);
        },
      }),
    ),
    ...(isProjector
      ? []
      : [
          { id: 'chain', header: t('chainMean'), isNumeric: true, render: (row: GapRow) => f.mean(row.chainMean) } satisfies DataTableColumn<GapRow>,
          ...(rows.some((row) => row.weightedMean !== undefined)
            ? [{ id: 'weighted', header: t('weightedMean'), isNumeric: true, render: (row: GapRow) => f.mean(row.weightedMean) } satisfies DataTableColumn<GapRow>]
            : []),
          ...(rows.some((row) => row.consensus !== undefined)
            ? [{ id: 'consensus', header: t('consensusHeader'), isNumeric: true, render: (row: GapRow) => f.mean(row.consensus) } satisfies DataTableColumn<GapRow>]
            : []),
        ]),
    { id: 'gap', header: t('gap'), isNumeric: true, render: (row) => f.mean(row.gap) },
    { id: 'flag', header: t('discussionPoint'), render: (row) => (row.isDiscussionPoint ? t('yes') : row.isUncertainDifference ? t('uncertainDifference') : t('no')) },
    ...(rows.some((row) => row.p !== undefined)
      ? [
          {
            id: 'p',
            header: t('evidenceP'),
            isNumeric: true,
            // On a slide the narrow column must not split "< 0,001" after its "<".
            render: (row: GapRow) => (row.p === undefined || row.p === null ? f.mean(null) : withPMethod(isProjector ? f.p(row.p).replace(/ /g, '\u00a0') : f.p(row.p), language, row.pBasis)),
          } satisfies DataTableColumn<GapRow>,
        ]
      : []),
  ];
  const notes = [
    groups.some((g) => g.isIndicative) ? t('indicativeLegend') : null,
    rows.some((row) => (row.tooFewScores ?? []).length > 0) ? t('tooFewScoresNote') : null,
    isProjector ? t('gapTableChainElsewhere') : null,
  ].filter((note): note is string => note !== null);
  return <DataTable caption={title} columns={columns} rows={rows} getRowKey={(row) => row.id} note={notes.length > 0 ? notes.join(isProjector ? ' · ' : ' ') : undefined} />;
}
