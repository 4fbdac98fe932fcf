import { scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import { ChartFigure } from '../../charts/ChartFigure';
import { getChartFormat } from '../../charts/format';
import { charsPerLine, wrapText } from '../../charts/text';
import { getChartTheme, SCALE_MAX, SCALE_MIN, SCALE_TICKS } from '../../charts/theme';
import { useChartWidth } from '../../charts/useChartWidth';
import type { ChangeFigure } from '../../domain/rounds/compareRounds';
import type { Language } from '../../domain/types';
import { isShownUnchanged } from './changeColumns';

export interface ChangeRow {
  key: string;
  label: string;
  figure: ChangeFigure;
}

const ROW_HEIGHT = 46;
const TOP = 34;
const CERTAIN = '#1d3557';
const UNCERTAIN = '#6b7684';

/** One row per statement: the earlier mean (open) and the later mean (filled), an arrow between them. */
export function ChangeChart({
  rows,
  title,
  description,
  language,
  uncertainLabel,
  unchangedLabel,
}: {
  rows: readonly ChangeRow[];
  title: string;
  description: string;
  language: Language;
  /** After a change that could be chance. */
  uncertainLabel: string;
  /** Instead of a change that reads 0.00 in the table ("unchanged", "no gap"). */
  unchangedLabel: string;
}) {
  const theme = getChartTheme('screen');
  const format = getChartFormat(language);
  const { ref, width, isMeasured } = useChartWidth();
  const labelWidth = Math.min(360, Math.max(160, width * 0.42));
  const plotLeft = labelWidth + 16;
  const plotRight = width - 110;
  const x = useMemo(() => scaleLinear().domain([SCALE_MIN, SCALE_MAX]).range([plotLeft, plotRight]), [plotLeft, plotRight]);
  const height = TOP + rows.length * ROW_HEIGHT + 8;
  const maxChars = charsPerLine(labelWidth, theme.font.small);

  return (
    <ChartFigure title={title} description={description} width={width} height={height} theme={theme} measureRef={ref} kind="round-change" isMeasured={isMeasured}>
      {SCALE_TICKS.map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={height - 8} stroke={theme.grid} />
          <text x={x(tick)} y={TOP - 12} textAnchor="middle" fontSize={theme.font.small} fill={theme.inkMuted}>
            {tick}
          </text>
        </g>
      ))}
      {rows.map((row, index) => {
        const y = TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2;
        const { earlierMean, laterMean, change, isUncertain } = row.figure;
        const colour = isUncertain ? UNCERTAIN : CERTAIN;
        const lines = wrapText(row.label, maxChars, 2).lines;
        const isUnchanged = isShownUnchanged(change, format);
        const changeText = change === null || isUnchanged ? '' : format.change(change);
        return (
          <g key={row.key} data-statement={row.key} data-uncertain={isUncertain}>
            <title>{row.label}</title>
            <text x={0} y={y - (lines.length - 1) * 8 + 4} fontSize={theme.font.small}>
              {lines.map((line, i) => (
                <tspan key={i} x={4} dy={i === 0 ? 0 : 16}>
                  {line}
                </tspan>
              ))}
            </text>
            {earlierMean !== null && laterMean !== null && Math.abs(laterMean - earlierMean) > 0.02 && (
              <line
                x1={x(earlierMean)}
                x2={x(laterMean) + (laterMean > earlierMean ? -7 : 7)}
                y1={y}
                y2={y}
                stroke={colour}
                strokeWidth={isUncertain ? 2 : 3}
                strokeDasharray={isUncertain ? '5 4' : undefined}
              />
            )}
            {earlierMean !== null && <circle cx={x(earlierMean)} cy={y} r={6} fill={theme.paper} stroke={colour} strokeWidth={2} />}
            {laterMean !== null && <circle cx={x(laterMean)} cy={y} r={6} fill={colour} />}
            <text x={plotRight + 12} y={y + 5} fontSize={theme.font.small} fontWeight={isUncertain ? 400 : 700} fill={isUncertain ? theme.inkMuted : theme.ink}>
              {isUnchanged ? unchangedLabel : changeText}
              {isUncertain && change !== null && !isUnchanged ? ` ${uncertainLabel}` : ''}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}
