import { scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import type { Language } from '../domain/types';
import { ChartFigure } from './ChartFigure';
import { buildGroupStyles, chartText, dodgeLabels, markIndicative, stackMarkers, type CommonChartProps, type GroupStyle } from './common';
import { DataTable, type DataTableColumn } from './DataTable';
import { getChartFormat } from './format';
import { Legend, layoutLegend, type LegendItem } from './Legend';
import { GroupSymbol, lineHeightOf, round, TextLines } from './marks';
import { charsPerLine, estimateTextWidth, wrapText } from './text';
import type { Band } from '../domain/analysis/types';
import type { DimensionSetting, DimensionValue, GroupRef } from './model/chartData';
import { BAND_LIMITS, getChartTheme, SCALE_MAX, SCALE_MIN, SCALE_TICKS, type ChartTheme } from './theme';
import { useChartWidth } from './useChartWidth';
import { groupLegendItems } from './groupLegend';

export interface ThermostatDialProps extends CommonChartProps {
  /** All groups in a fixed order (colour and shape). */
  groups: readonly GroupRef[];
  dimensions: readonly DimensionSetting[];
  /** Name of the chain marker; default "Keten"/"Chain". */
  chainLabel?: string;
}

const getValue = (v: DimensionValue) => v.value;
const BAND_SEGMENTS: readonly [Band, number, number][] = [
  ['concern', SCALE_MIN, BAND_LIMITS.attention],
  ['attention', BAND_LIMITS.attention, BAND_LIMITS.strong],
  ['strong', BAND_LIMITS.strong, SCALE_MAX],
];

/** Thermostat per dimension: a 1–5 slider with a labelled marker per group and the chain's setting. */
export function ThermostatDial({ title, language, size = 'screen', width: fixedWidth, description, groups, dimensions, chainLabel }: ThermostatDialProps) {
  const { ref, width, isMeasured } = useChartWidth(fixedWidth);
  const theme = getChartTheme(size);
  const t = chartText(language);
  const f = getChartFormat(language);
  const chainName = chainLabel ?? t('chain');
  const layout = useMemo(() => layoutDial(width, groups, dimensions, chainName, theme, language), [width, groups, dimensions, chainName, theme, language]);
  const { x, styles, textLeft, legend, legendTop, rowLayouts, height, radius, trackHeight } = layout;
  const s = theme.scale;
  const labelFont = theme.font.label;
  const describe =
    description ??
    t('describeDial', {
      values: dimensions
        .map((d) => `${d.label}: ${[...d.values.filter((v) => v.value !== null).map((v) => `${styles.get(v.groupId)?.label ?? v.groupId} ${f.mean(v.value)}`), `${chainName} ${f.mean(d.chainValue)}`].join(', ')}`)
        .join('; '),
    });

  return (
    <ChartFigure kind="dial" title={title} description={describe} width={width} height={height} theme={theme} measureRef={ref} isMeasured={isMeasured}>
      <Legend layout={legend} x={textLeft} y={legendTop} theme={theme} />
      {dimensions.map((dimension, index) => {
        const row = rowLayouts[index];
        if (!row) return null;
        const { top, trackY, lines, labels } = row;
        const pointerTop = trackY + trackHeight + 5 * s + theme.font.small * 1.35;
        return (
          <g key={dimension.id} data-dimension={dimension.id}>
            <TextLines lines={lines} x={textLeft} y={trackY + trackHeight / 2 - ((lines.length - 1) * lineHeightOf(theme, theme.font.body)) / 2 + theme.font.body * 0.35} lineHeight={lineHeightOf(theme, theme.font.body)} fontSize={theme.font.body} fontWeight={700} fill={theme.ink} />
            {index > 0 ? <line x1={textLeft} x2={width - 8 * s} y1={round(top)} y2={round(top)} stroke={theme.grid} strokeWidth={theme.stroke.thin} /> : null}
            <g data-part="track">
              {BAND_SEGMENTS.map(([band, from, to]) => (
                <rect key={band} x={round(x(from))} width={round(x(to) - x(from))} y={round(trackY)} height={trackHeight} fill={theme.bands[band].fill} stroke={theme.axis} strokeWidth={theme.stroke.thin} />
              ))}
              {SCALE_TICKS.map((tick) => (
                <g key={tick}>
                  <line x1={round(x(tick))} x2={round(x(tick))} y1={round(trackY + trackHeight)} y2={round(trackY + trackHeight + 5 * s)} stroke={theme.axis} strokeWidth={theme.stroke.thin} />
                  <text x={round(x(tick))} y={round(trackY + trackHeight + 5 * s + theme.font.small)} textAnchor="middle" fontSize={theme.font.small} fill={theme.inkMuted}>
                    {f.count(tick)}
                  </text>
                </g>
              ))}
            </g>
            {dimension.chainValue !== null ? (
              <g data-mark="chain">
                <title>{`${chainName}: ${f.mean(dimension.chainValue)}`}</title>
                <line x1={round(x(dimension.chainValue))} x2={round(x(dimension.chainValue))} y1={round(trackY - 4 * s)} y2={round(trackY + trackHeight + 4 * s)} stroke={theme.ink} strokeWidth={theme.stroke.thick} />
                {/* An arrow under the tick numbers points up at the chain's setting. */}
                <path d={`M${round(x(dimension.chainValue))},${round(pointerTop)} l${round(-radius)},${round(radius * 1.4)} h${round(radius * 2)} Z`} fill={theme.ink} />
                <text x={round(x(dimension.chainValue))} y={round(pointerTop + radius * 1.4 + 4 * s + labelFont)} textAnchor="middle" fontSize={labelFont} fontWeight={700} fill={theme.ink} paintOrder="stroke" stroke={theme.paper} strokeWidth={3 * s} data-chain-value>
                  {t('labelValue', { label: chainName, value: f.mean(dimension.chainValue) })}
                </text>
              </g>
            ) : null}
            {dimension.values.map((v, i) => {
              const style = styles.get(v.groupId);
              const label = labels[i];
              const value = getValue(v);
              if (!style || !label || value === null) return null;
              const cx = x(value);
              const axisY = trackY + trackHeight / 2;
              const cy = label.markerY;
              return (
                <g key={v.groupId} data-point={v.groupId}>
                  <title>{`${markIndicative(style.label, style.isIndicative)}: ${f.mean(value)}`}</title>
                  {label.level > 0 ? <line x1={round(cx)} x2={round(cx)} y1={round(cy - radius)} y2={round(label.y + labelFont * 0.5)} stroke={theme.axis} strokeWidth={theme.stroke.thin} /> : null}
                  {cy !== axisY ? <line x1={round(cx)} x2={round(cx)} y1={round(axisY)} y2={round(cy)} stroke={theme.ink} strokeWidth={theme.stroke.thin} data-mark="stack-stem" /> : null}
                  <GroupSymbol type={style.symbol} x={cx} y={cy} radius={radius} fill={style.colour} outline={theme.markOutline} strokeWidth={theme.stroke.mark} />
                  <text x={round(cx)} y={round(label.y)} textAnchor="middle" fontSize={labelFont} fontWeight={600} fill={theme.ink} paintOrder="stroke" stroke={theme.paper} strokeWidth={3 * s} strokeLinejoin="round" data-label>
                    {label.text}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartFigure>
  );
}

/** Marker centres at least this many radii apart (the star and the cross reach past the radius). */
const MARKER_SPACING = 2.3;

function layoutDial(width: number, groups: readonly GroupRef[], dimensions: readonly DimensionSetting[], chainName: string, theme: ChartTheme, language: Language) {
  const t = chartText(language);
  const s = theme.scale;
  const labelFont = theme.font.label;
  const bodyFont = theme.font.body;
  const labelLh = lineHeightOf(theme, labelFont);
  const styles: Map<string, GroupStyle> = buildGroupStyles(groups, theme);
  const radius = theme.markSize * 1.1;
  const trackHeight = Math.round(radius * 1.6);

  const items: LegendItem[] = groupLegendItems(groups, styles, theme);
  items.push({ key: 'chain', label: chainName, swatch: (size: number) => <path d={`M${size / 2},0 L${size},${size} H0 Z`} fill={theme.ink} /> });
  if (groups.some((g) => g.isIndicative)) items.push({ key: 'indicative', label: t('indicativeLegend'), swatch: () => null });
  const textLeft = 8 * s;
  const legend = layoutLegend(items, width - 16 * s, theme);
  const legendTop = 6 * s;

  const textWidth = Math.round(Math.max(120 * s, (width - textLeft) * 0.24));
  const plotLeft = textLeft + textWidth + 24 * s;
  const plotRight = width - 24 * s;
  const x = scaleLinear().domain([SCALE_MIN, SCALE_MAX]).range([plotLeft, plotRight]);
  const maxChars = charsPerLine(textWidth, bodyFont);

  let top = legendTop + legend.height + 12 * s;
  const rowLayouts = dimensions.map((dimension) => {
    const lines = wrapText(dimension.label, maxChars, 3).lines;
    const texts = dimension.values.map((v) => {
      const style = styles.get(v.groupId);
      return markIndicative(style?.shortLabel ?? v.groupId, style?.isIndicative);
    });
    const present = dimension.values.map((v) => v.value !== null);
    const lanes = dodgeLabels(
      dimension.values.map((v, i) => ({ x: v.value === null ? -1e6 - i * 1e4 : x(v.value), width: estimateTextWidth(texts[i] ?? '', labelFont, true) + 6 * s })),
      4 * s,
    );
    const levels = Math.max(1, ...lanes.filter((_, i) => present[i]).map((l) => l + 1));
    // Equal or near-equal settings: the markers stack upwards, towards their labels, none hides another.
    const markerYs = stackMarkers(
      dimension.values.map((v) => (v.value === null ? null : x(v.value))),
      radius * MARKER_SPACING,
      dimension.values.map(() => -1),
    );
    const stackUp = Math.max(0, ...markerYs.map((y) => -y));
    const trackY = top + 10 * s + levels * labelLh + radius - trackHeight / 2 + 4 * s + stackUp;
    const labels = dimension.values.map((_, i) => {
      const level = lanes[i] ?? 0;
      const markerY = trackY + trackHeight / 2 + (markerYs[i] ?? 0);
      return { text: texts[i] ?? '', level, markerY, y: trackY + trackHeight / 2 - stackUp - radius - 6 * s - level * labelLh };
    });
    const below = trackHeight + 5 * s + theme.font.small * 1.35 + radius * 1.4 + 4 * s + labelLh;
    const height = Math.max(trackY - top + below + 10 * s, lines.length * lineHeightOf(theme, bodyFont) + 20 * s);
    const layout = { top, trackY, lines, labels };
    top += height;
    return layout;
  });
  return { x, styles, textLeft, legend, legendTop, rowLayouts, height: Math.ceil(top + 8 * s), radius, trackHeight };
}

/** The dials' table: dimensions × groups and the chain, two decimals. */
export function ThermostatDialTable({ title, language, groups, dimensions, chainLabel }: Pick<ThermostatDialProps, 'title' | 'language' | 'groups' | 'dimensions' | 'chainLabel'>) {
  const t = chartText(language);
  const f = getChartFormat(language);
  const columns: DataTableColumn<DimensionSetting>[] = [
    { id: 'dimension', header: t('dimension'), isRowHeader: true, render: (d) => d.label },
    ...groups.map(
      (group): DataTableColumn<DimensionSetting> => ({
        id: `group-${group.id}`,
        header: markIndicative(group.label, group.isIndicative),
        isNumeric: true,
        render: (d) => f.mean(d.values.find((v) => v.groupId === group.id)?.value ?? null),
      }),
    ),
    { id: 'chain', header: chainLabel ?? t('chain'), isNumeric: true, render: (d) => f.mean(d.chainValue) },
  ];
  return <DataTable caption={title} columns={columns} rows={dimensions} getRowKey={(d) => d.id} note={groups.some((g) => g.isIndicative) ? t('indicativeLegend') : undefined} />;
}
