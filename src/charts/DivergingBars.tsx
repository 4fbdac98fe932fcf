import { scaleLinear } from 'd3-scale';
import { useId, useMemo } from 'react';
import type { Language } from '../domain/types';
import { ChartFigure } from './ChartFigure';
import { chartText, statementLabel, toSafeId, type ChartText, type CommonChartProps } from './common';
import { pickTextColour } from './contrast';
import { DataTable, type DataTableColumn } from './DataTable';
import { getChartFormat } from './format';
import { Legend, layoutLegend, type LegendItem } from './Legend';
import { HatchPattern, lineHeightOf, round, TextLines } from './marks';
import { charsPerLine, estimateTextWidth, wrapText } from './text';
import { getChartTheme, type ChartTheme } from './theme';
import { useChartWidth } from './useChartWidth';
import type { DistributionRow } from './model/chartData';

export interface DivergingBarsProps extends CommonChartProps {
  rows: readonly DistributionRow[];
  /** Labels of answers 1–5; default the instrument's scale from the chart messages. */
  scaleLabels?: readonly string[];
}

/**
 * Where a row's bar starts, left of the centre: the neutral answer is split evenly around it
 * (Observable Plot's likert-survey). The shares themselves come from the model.
 */
export function barStart(row: DistributionRow): number {
  const [s1, s2, s3] = row.shares;
  return -(s1 + s2 + s3 / 2);
}

export function defaultScaleLabels(t: ChartText): string[] {
  return [t('scale1'), t('scale2'), t('scale3'), t('scale4'), t('scale5')];
}

/** Distribution: per statement a diverging stacked bar centred on neutral, don't know apart. */
export function DivergingBars({ title, language, size = 'screen', width: fixedWidth, description, rows, scaleLabels }: DivergingBarsProps) {
  const { ref, width, isMeasured } = useChartWidth(fixedWidth);
  const theme = getChartTheme(size);
  const t = chartText(language);
  const f = getChartFormat(language);
  const patternId = toSafeId(useId());
  const layout = useMemo(() => layoutDivergingBars(width, rows, scaleLabels, theme, language, `url(#${patternId}-dk)`), [width, rows, scaleLabels, theme, language, patternId]);
  const { x, dkX, textLeft, barLeft, barRight, dkLeft, nX, legend, legendTop, axisTop, rowLayouts, height, barHeight } = layout;
  const s = theme.scale;
  const labelFont = theme.font.label;
  const describe =
    description ??
    t('describeDistribution', {
      values: rows
        .map((row) => {
          const [s1, s2, s3, s4, s5] = row.shares;
          return t('describeDistributionRow', { statement: row.number, disagree: f.percent(s1 + s2), neutral: f.percent(s3), agree: f.percent(s4 + s5), dk: f.percent(row.dkShare) });
        })
        .join('; '),
    });
  const bodyLh = lineHeightOf(theme, theme.font.body);

  return (
    <ChartFigure kind="distribution" title={title} description={describe} width={width} height={height} theme={theme} measureRef={ref} isMeasured={isMeasured}>
      <defs>
        <HatchPattern id={`${patternId}-dk`} background={theme.dontKnow} stroke={theme.hatch} spacing={6 * s} strokeWidth={1.2 * s} />
      </defs>
      <Legend layout={legend} x={textLeft} y={legendTop} theme={theme} />
      <g data-part="axis">
        {x.ticks(4).map((tick) => (
          <g key={tick}>
            <line x1={round(x(tick))} x2={round(x(tick))} y1={round(axisTop + labelFont * 0.4)} y2={round(height - 8 * s)} stroke={tick === 0 ? theme.ink : theme.grid} strokeWidth={tick === 0 ? theme.stroke.mark : theme.stroke.thin} />
            <text x={round(x(tick))} y={round(axisTop)} textAnchor="middle" fontSize={theme.font.small} fill={theme.inkMuted}>
              {f.percent(Math.abs(tick))}
            </text>
          </g>
        ))}
        <text x={round(barLeft)} y={round(axisTop - lineHeightOf(theme, theme.font.small))} fontSize={theme.font.small} fill={theme.inkMuted}>
          {`← ${t('disagree')}`}
        </text>
        <text x={round(barRight)} y={round(axisTop - lineHeightOf(theme, theme.font.small))} textAnchor="end" fontSize={theme.font.small} fill={theme.inkMuted}>
          {`${t('agree')} →`}
        </text>
        <text x={round(dkLeft)} y={round(axisTop)} fontSize={theme.font.small} fontWeight={600} fill={theme.ink}>
          {t('dontKnow')}
        </text>
        <text x={round(nX)} y={round(axisTop)} textAnchor="end" fontSize={theme.font.small} fontWeight={600} fill={theme.ink}>
          {t('n')}
        </text>
      </g>
      {rows.map((row, index) => {
        const rowLayout = rowLayouts[index];
        if (!rowLayout) return null;
        const { top, barY, lines, isTruncated, segments } = rowLayout;
        return (
          <g key={row.id} data-row={row.id}>
            <g>
              {isTruncated ? <title>{statementLabel(row)}</title> : null}
              <TextLines lines={lines} x={textLeft} y={top + theme.font.body} lineHeight={bodyLh} fontSize={theme.font.body} fill={theme.ink} />
            </g>
            {row.n === 0 ? (
              <text x={round(x(0))} y={round(barY + barHeight / 2)} textAnchor="middle" dominantBaseline="central" fontSize={labelFont} fill={theme.inkMuted} data-no-data>
                {t('noData')}
              </text>
            ) : (
              segments.map((segment) => (
                <g key={segment.answer} data-segment={segment.answer}>
                  <title>{`${segment.label}: ${f.percent(segment.share)} (${f.count(segment.count)})`}</title>
                  {segment.parts.map(([from, to], partIndex) => (
                    <rect key={partIndex} x={round(x(from))} width={round(Math.max(0, x(to) - x(from)))} y={round(barY)} height={round(barHeight)} fill={theme.likert[segment.answer - 1]} stroke={theme.paper} strokeWidth={theme.stroke.thin} />
                  ))}
                  {segment.isLabelled ? (
                    <text x={round(segment.labelX)} y={round(barY + barHeight / 2)} textAnchor="middle" dominantBaseline="central" fontSize={labelFont} fontWeight={600} fill={pickTextColour(theme.likert[segment.answer - 1] ?? theme.paper)} data-percent>
                      {f.percent(segment.share)}
                    </text>
                  ) : null}
                </g>
              ))
            )}
            {row.dkShare !== null ? (
              <g data-segment="dk">
                <title>{`${t('dontKnowLong')}: ${f.percent(row.dkShare)} (${f.count(row.dk)})`}</title>
                <rect x={round(dkLeft)} y={round(barY)} width={round(Math.max(row.dkShare > 0 ? 2 * s : 0, dkX(row.dkShare) - dkLeft))} height={round(barHeight)} fill={`url(#${patternId}-dk)`} stroke={theme.hatch} strokeWidth={theme.stroke.thin} />
                <text x={round(Math.max(dkX(row.dkShare), dkLeft + 2 * s) + 6 * s)} y={round(barY + barHeight / 2)} dominantBaseline="central" fontSize={labelFont} fill={theme.ink} data-dk>
                  {f.percent(row.dkShare)}
                </text>
              </g>
            ) : null}
            <text x={round(nX)} y={round(barY + barHeight / 2)} textAnchor="end" dominantBaseline="central" fontSize={labelFont} fill={theme.ink} data-n>
              {f.count(row.n)}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}

interface Segment {
  answer: 1 | 2 | 3 | 4 | 5;
  label: string;
  share: number;
  count: number;
  /** The neutral answer is drawn as two halves, one on each side of the centre. */
  parts: [number, number][];
  isLabelled: boolean;
  labelX: number;
}

function layoutDivergingBars(width: number, rows: readonly DistributionRow[], scaleLabels: readonly string[] | undefined, theme: ChartTheme, language: Language, dkFill: string) {
  const t = chartText(language);
  const f = getChartFormat(language);
  const s = theme.scale;
  const labelFont = theme.font.label;
  const bodyFont = theme.font.body;
  const labels = scaleLabels ?? defaultScaleLabels(t);
  const starts = rows.map(barStart);

  // Symmetric domain, wide enough for the longest side of any bar (at least ±50 %).
  const reach = Math.max(0.5, ...starts.filter((_, i) => (rows[i]?.n ?? 0) > 0).map((start) => Math.max(-start, 1 + start)));
  const domainMax = Math.min(1, Math.ceil(reach * 10) / 10);
  const dkMax = Math.max(0.2, ...rows.map((r) => r.dkShare ?? 0));

  const textLeft = 8 * s;
  const nWidth = estimateTextWidth('0000', labelFont) + 8 * s;
  const nX = width - 8 * s;
  const textWidth = Math.round(Math.max(140 * s, (width - nWidth) * 0.34));
  const barLeft = textLeft + textWidth + 20 * s;
  const dkLabelRoom = estimateTextWidth('100%', labelFont) + 10 * s;
  const gapBeforeDk = 24 * s;
  const available = nX - nWidth - barLeft - gapBeforeDk - dkLabelRoom;
  const pxPerUnit = available / (2 * domainMax + dkMax);
  const barRight = barLeft + 2 * domainMax * pxPerUnit;
  const x = scaleLinear().domain([-domainMax, domainMax]).range([barLeft, barRight]);
  const dkLeft = barRight + gapBeforeDk;
  // The don't-know bar uses the same pixels per percent as the main bars.
  const dkX = scaleLinear().domain([0, 1]).range([dkLeft, dkLeft + pxPerUnit]);

  // The legend says first that the colours are answers, so no segment reads as a score (the
  // numbers in the segments are shares of people, with a % sign).
  const items: LegendItem[] = [{ key: 'answer-colours', label: t('answerColours'), swatch: () => null }];
  items.push(...labels.slice(0, 5).map((label, i) => ({
    key: `answer-${i + 1}`,
    label,
    swatch: (size: number) => <rect width={size} height={size} fill={theme.likert[i]} stroke={theme.axis} strokeWidth={theme.stroke.thin} />,
  })));
  items.push({ key: 'dk', label: t('dontKnowLong'), swatch: (size: number) => <rect width={size} height={size} fill={dkFill} stroke={theme.hatch} strokeWidth={theme.stroke.thin} /> });
  const legend = layoutLegend(items, width - textLeft * 2, theme);
  const legendTop = 6 * s;
  const axisTop = legendTop + legend.height + 10 * s + 2 * lineHeightOf(theme, theme.font.small);

  const barHeight = Math.round(Math.max(26 * s, labelFont * 1.6));
  const bodyLh = lineHeightOf(theme, bodyFont);
  const maxChars = charsPerLine(textWidth, bodyFont);
  const maxLines = theme.size === 'projector' ? 3 : 4;
  let top = axisTop + 12 * s;
  const rowLayouts = rows.map((row, index) => {
    const wrapped = wrapText(statementLabel(row), maxChars, maxLines);
    const textHeight = wrapped.lines.length * bodyLh + bodyFont * 0.3;
    const content = Math.max(textHeight, barHeight);
    const rowHeight = content + 14 * s;
    // The bar is centred on the statement's text block.
    const barY = top + (content - barHeight) / 2;
    let position = starts[index] ?? 0;
    const segments: Segment[] = row.shares.map((share, i) => {
      const from = position;
      const to = position + share;
      position = to;
      const answer = (i + 1) as Segment['answer'];
      const parts: [number, number][] = answer === 3 && share > 0 ? [[from, from + share / 2], [from + share / 2, to]] : [[from, to]];
      const text = f.percent(share);
      const isLabelled = share > 0 && x(to) - x(from) >= estimateTextWidth(text, labelFont) + 6 * s;
      return { answer, label: labels[i] ?? String(answer), share, count: row.counts[i] ?? 0, parts, isLabelled, labelX: x((from + to) / 2) };
    });
    const layout = { top, barY, lines: wrapped.lines, isTruncated: wrapped.isTruncated, segments };
    top += rowHeight;
    return layout;
  });
  return { x, dkX, textLeft, barLeft, barRight, dkLeft, nX, legend, legendTop, axisTop, rowLayouts, height: Math.ceil(top + 8 * s), barHeight };
}

/** The distribution's table: per statement the share (and count) of each answer, don't know and n. */
export function DistributionTable({ title, language, rows, scaleLabels }: Pick<DivergingBarsProps, 'title' | 'language' | 'rows' | 'scaleLabels'>) {
  const t = chartText(language);
  const f = getChartFormat(language);
  const labels = scaleLabels ?? defaultScaleLabels(t);
  const columns: DataTableColumn<DistributionRow>[] = [
    { id: 'statement', header: t('statement'), isRowHeader: true, render: statementLabel },
    ...labels.slice(0, 5).map(
      (label, i): DataTableColumn<DistributionRow> => ({
        id: `answer-${i + 1}`,
        header: `${i + 1} ${label}`,
        isNumeric: true,
        render: (row) => (row.n > 0 ? `${f.percent(row.shares[i] ?? 0)} (${f.count(row.counts[i] ?? 0)})` : f.percent(null)),
      }),
    ),
    { id: 'dk', header: t('dontKnowLong'), isNumeric: true, render: (row) => (row.dkShare === null ? f.percent(null) : `${f.percent(row.dkShare)} (${f.count(row.dk)})`) },
    { id: 'n', header: t('n'), isNumeric: true, render: (row) => f.count(row.n) },
    { id: 'consensus', header: t('consensus'), isNumeric: true, render: (row) => f.mean(row.consensus) },
  ];
  // Scores withheld from a group (docs/analysis.md, "Too few scores") are in none of these counts.
  const note = rows.some((row) => row.hasWithheldScores) ? `${t('consensusNote')} ${t('tooFewScoresNote')}` : t('consensusNote');
  return <DataTable caption={title} columns={columns} rows={rows} getRowKey={(row) => row.id} note={note} />;
}
