import { scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import { ChartFigure } from '../../charts/ChartFigure';
import { getChartFormat } from '../../charts/format';
import { charsPerLine, wrapText } from '../../charts/text';
import { getChartTheme, SCALE_MAX, SCALE_MIN, SCALE_TICKS, type ChartSize } from '../../charts/theme';
import { useChartWidth } from '../../charts/useChartWidth';
import type { ChangeFigure } from '../../domain/rounds/compareRounds';
import type { Language } from '../../domain/types';
import { isShownUnchanged } from './changeColumns';

export interface ChangeRow {
  key: string;
  label: string;
  figure: ChangeFigure;
}

// On the projector (docs/presenter.md, "Rounds on the slides") every text is 24 logical pixels:
// a row holds two lines of label, the change's words get the room on the right.
const LAYOUT = {
  screen: { rowHeight: 46, top: 34, lineStep: 16, labelMax: 360, changeRoom: 110, dot: 6, baseline: 4 },
  projector: { rowHeight: 76, top: 44, lineStep: 28, labelMax: 760, changeRoom: 330, dot: 10, baseline: 8 },
} as const;
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
  size = 'screen',
}: {
  rows: readonly ChangeRow[];
  title: string;
  description: string;
  language: Language;
  /** After a change that could be chance. */
  uncertainLabel: string;
  /** Instead of a change that reads 0.00 in the table ("unchanged", "no gap"). */
  unchangedLabel: string;
  /** 'projector': the presenter's slides, text at least 24 px at 1920×1080. */
  size?: ChartSize;
}) {
  const theme = getChartTheme(size);
  const { rowHeight: ROW_HEIGHT, top: TOP, lineStep, labelMax, changeRoom, dot, baseline } = LAYOUT[size];
  const format = getChartFormat(language);
  const { ref, width, isMeasured } = useChartWidth();
  const labelWidth = Math.min(labelMax, Math.max(160, width * 0.42));
  const plotLeft = labelWidth + 16;
  // Room on the right for the widest change with its words ("+0,26 kan toeval zijn"): at 110 px
  // the screen's words were cut off in the printed report.
  const plotRight = width - Math.max(changeRoom, Math.ceil(`${format.change(-0.5)} ${uncertainLabel}`.length * theme.font.small * 0.56) + 16);
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
            <text x={0} y={y - ((lines.length - 1) * lineStep) / 2 + baseline} fontSize={theme.font.small}>
              {lines.map((line, i) => (
                <tspan key={i} x={4} dy={i === 0 ? 0 : lineStep}>
                  {line}
                </tspan>
              ))}
            </text>
            {earlierMean !== null && laterMean !== null && Math.abs(laterMean - earlierMean) > 0.02 && (
              <line
                x1={x(earlierMean)}
                x2={x(laterMean) + (laterMean > earlierMean ? -(dot + 1) : dot + 1)}
                y1={y}
                y2={y}
                stroke={colour}
                strokeWidth={(isUncertain ? 2 : 3) * (size === 'projector' ? 1.5 : 1)}
                strokeDasharray={isUncertain ? '5 4' : undefined}
              />
            )}
            {earlierMean !== null && <circle cx={x(earlierMean)} cy={y} r={dot} fill={theme.paper} stroke={colour} strokeWidth={2} />}
            {laterMean !== null && <circle cx={x(laterMean)} cy={y} r={dot} fill={colour} />}
            <text x={plotRight + 12} y={y + baseline + (size === 'screen' ? 1 : 0)} fontSize={theme.font.small} fontWeight={isUncertain ? 400 : 700} fill={isUncertain ? theme.inkMuted : theme.ink}>
              {isUnchanged ? unchangedLabel : changeText}
              {isUncertain && change !== null && !isUnchanged ? ` ${uncertainLabel}` : ''}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}
