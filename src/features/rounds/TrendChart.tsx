import { scaleLinear, scalePoint } from 'd3-scale';
import { ChartFigure } from '../../charts/ChartFigure';
import { getChartFormat } from '../../charts/format';
import { charsPerLine, wrapText } from '../../charts/text';
import { getChartTheme, SCALE_MAX, SCALE_MIN, SCALE_TICKS, type ChartSize } from '../../charts/theme';
import { useChartWidth } from '../../charts/useChartWidth';
import type { ChangeFigure } from '../../domain/rounds/compareRounds';
import type { TrendLine } from '../../domain/rounds/seriesTrend';
import type { Language } from '../../domain/types';
import { isShownUnchanged } from './changeColumns';

export interface TrendRow {
  key: string;
  /** "3. Per gezin is …": the statement as the panel's heading. */
  label: string;
  /** The line with labelled steps: the chain, or the chosen partner. */
  line: TrendLine;
  /** With a partner chosen: the chain, drawn thin beside it for reference (no labels). */
  reference?: TrendLine;
}

// The colours of the change chart: a change beyond chance dark and solid, one that could be
// chance grey and dashed, and always labelled, so colour never carries the verdict alone.
const CERTAIN = '#1d3557';
const UNCERTAIN = '#6b7684';
const REFERENCE = '#8a94a3';

/**
 * Small multiples: one panel per statement, the rounds along x and the 1–5 scale on a shared y.
 * Each consecutive change is a segment: solid with its change where the test finds it unlikely to
 * be chance, dashed with the change and "?" where it could be chance (docs/instrument-and-rounds.md,
 * "All rounds: the trend"). A round without a figure is a gap: no point, no segment across it.
 * Panels fill the width in columns and stack into one column on a phone.
 */
export function TrendChart({
  rows,
  rounds,
  title,
  description,
  language,
  size = 'screen',
  width: fixedWidth,
  roundLabel,
  uncertainMark,
  unchangedLabel,
  isPartner,
  compact = false,
}: {
  rows: readonly TrendRow[];
  /** The series' round numbers, in order: the x axis. */
  rounds: readonly number[];
  title: string;
  description: string;
  language: Language;
  size?: ChartSize;
  width?: number;
  /** The tick under a round ("R2"). */
  roundLabel: (round: number) => string;
  /** After a change that could be chance ("?"); the legend says what it means. */
  uncertainMark: string;
  /** A change that reads 0.00. */
  unchangedLabel: string;
  /** The labelled line is a partner's: drawn with squares, the chain thin beside it. */
  isPartner: boolean;
  /** A slide: half the plot's height, so six panels fit in two rows of the 1920 × 1080 stage. */
  compact?: boolean;
}) {
  const theme = getChartTheme(size);
  const format = getChartFormat(language);
  const { ref, width, isMeasured } = useChartWidth(fixedWidth);
  const k = theme.scale;
  const minPanel = 300 * k;
  const columns = Math.max(1, Math.min(rows.length, Math.floor(width / minPanel)));
  const panelWidth = width / columns;
  const gutter = 14 * k;
  const lineHeight = theme.font.label * theme.font.lineHeight;
  const maxChars = charsPerLine(panelWidth - gutter - 8, theme.font.label, true);
  const wrapped = rows.map((row) => wrapText(row.label, maxChars).lines);
  const titleLines = Math.max(1, ...wrapped.map((lines) => lines.length));
  const headerHeight = titleLines * lineHeight + 10 * k;
  const plotHeight = (compact ? 65 : 130) * k;
  const axisWidth = 18 * k + theme.font.small * 0.6;
  const footer = theme.font.small + 14 * k;
  const panelHeight = headerHeight + 12 * k + plotHeight + footer + 14 * k;
  const height = Math.ceil(rows.length / columns) * panelHeight;
  const y = scaleLinear().domain([SCALE_MIN, SCALE_MAX]).range([plotHeight, 0]);
  const x = scalePoint<number>()
    .domain(rounds.map((_, i) => i))
    .range([axisWidth + 24 * k, panelWidth - gutter - 30 * k]);

  const segment = (line: TrendLine, i: number, top: number, labelled: boolean, key: string) => {
    const a = line.points[i]?.mean ?? null;
    const b = line.points[i + 1]?.mean ?? null;
    const step: ChangeFigure | null = line.steps[i] ?? null;
    if (a === null || b === null || step === null) return null;
    const x1 = x(i)!;
    const x2 = x(i + 1)!;
    const y1 = top + y(a);
    const y2 = top + y(b);
    const isUnchanged = isShownUnchanged(step.change, format);
    const isUncertain = step.isUncertain && !isUnchanged;
    const colour = !labelled ? REFERENCE : isUncertain ? UNCERTAIN : CERTAIN;
    const text = isUnchanged ? unchangedLabel : `${format.change(step.change)}${isUncertain ? ` ${uncertainMark}` : ''}`;
    // Above the segment's middle, or below it where the top of the plot is in the way.
    const midY = (y1 + y2) / 2;
    const labelY = midY - 10 * k < top + theme.font.small ? midY + theme.font.small + 8 * k : midY - 8 * k;
    return (
      <g key={key} data-step={i} data-uncertain={labelled ? isUncertain : undefined} data-reference={labelled ? undefined : true}>
        <line x1={x1} x2={x2} y1={y1} y2={y2} stroke={colour} strokeWidth={labelled ? (isUncertain ? 2 : 3) * k : 1.5 * k} strokeDasharray={isUncertain ? `${6 * k} ${4 * k}` : undefined} />
        {labelled && (
          <text x={(x1 + x2) / 2} y={labelY} textAnchor="middle" fontSize={theme.font.small} fontWeight={isUncertain ? 400 : 700} fill={isUncertain ? theme.inkMuted : theme.ink} paintOrder="stroke" stroke={theme.paper} strokeWidth={3}>
            {text}
          </text>
        )}
      </g>
    );
  };

  const points = (line: TrendLine, top: number, labelled: boolean, key: string) =>
    line.points.map((point, i) => {
      if (point?.mean === null || point?.mean === undefined) return null;
      const cx = x(i)!;
      const cy = top + y(point.mean);
      const colour = labelled ? CERTAIN : REFERENCE;
      const r = (labelled ? 6 : 4) * k;
      return labelled && isPartner ? (
        <rect key={`${key}${i}`} x={cx - r} y={cy - r} width={2 * r} height={2 * r} fill={colour} data-round={i} />
      ) : (
        <circle key={`${key}${i}`} cx={cx} cy={cy} r={r} fill={labelled ? colour : theme.paper} stroke={colour} strokeWidth={2 * k} data-round={labelled ? i : undefined} />
      );
    });

  return (
    <ChartFigure title={title} description={description} width={width} height={height} theme={theme} measureRef={ref} kind="round-trend" isMeasured={isMeasured}>
      {rows.map((row, index) => {
        const left = (index % columns) * panelWidth;
        const panelTop = Math.floor(index / columns) * panelHeight;
        const top = panelTop + headerHeight + 12 * k;
        return (
          <g key={row.key} transform={`translate(${left},0)`} data-statement={row.key}>
            <text y={panelTop + theme.font.label} fontSize={theme.font.label} fontWeight={700}>
              {wrapped[index]!.map((line, i) => (
                <tspan key={i} x={4} dy={i === 0 ? 0 : lineHeight}>
                  {line}
                </tspan>
              ))}
            </text>
            {SCALE_TICKS.map((tick) => (
              <g key={tick}>
                <line x1={axisWidth} x2={panelWidth - gutter} y1={top + y(tick)} y2={top + y(tick)} stroke={theme.grid} strokeWidth={k} />
                <text x={axisWidth - 6 * k} y={top + y(tick) + theme.font.small * 0.35} textAnchor="end" fontSize={theme.font.small} fill={theme.inkMuted}>
                  {tick}
                </text>
              </g>
            ))}
            {rounds.map((round, i) => (
              <text key={round} x={x(i)} y={top + plotHeight + theme.font.small + 8 * k} textAnchor="middle" fontSize={theme.font.small} fill={theme.inkMuted}>
                {roundLabel(round)}
              </text>
            ))}
            {row.reference && rounds.slice(1).map((_, i) => segment(row.reference!, i, top, false, `ref${i}`))}
            {row.reference && points(row.reference, top, false, 'ref')}
            {rounds.slice(1).map((_, i) => segment(row.line, i, top, true, `step${i}`))}
            {points(row.line, top, true, 'pt')}
          </g>
        );
      })}
    </ChartFigure>
  );
}
