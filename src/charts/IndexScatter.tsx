import { scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import type { Language } from '../domain/types';
import { ChartFigure } from './ChartFigure';
import { buildGroupStyles, chartText, markIndicative, type CommonChartProps, type GroupStyle } from './common';
import { DataTable, type DataTableColumn } from './DataTable';
import { getChartFormat } from './format';
import { Legend, layoutLegend, type LegendItem } from './Legend';
import { GroupSymbol, lineHeightOf, round, TextLines } from './marks';
import { charsPerLine, estimateTextWidth, wrapText } from './text';
import { getChartTheme, SCALE_MAX, SCALE_MID, SCALE_MIN, SCALE_TICKS, type ChartTheme } from './theme';
import { useChartWidth } from './useChartWidth';
import type { GroupRef, IndexPoint } from './model/chartData';

export interface IndexScatterProps extends CommonChartProps {
  /** Groups (and optionally the chain) that have both indexes. */
  points: readonly IndexPoint[];
  /** The same group order as in the other charts, so each group keeps its colour and shape; default the order of `points`. */
  groups?: readonly GroupRef[];
  /** Largest side of the square plot (default 420 × the theme's scale): a slide caps it so the chart fits 1080 px. */
  maxSide?: number;
}

const getX = (p: IndexPoint) => p.thermostat;
const getY = (p: IndexPoint) => p.thermometer;

/** Thermometer against thermostat per group, with the diagonal and the four quadrants named. */
export function IndexScatter({ title, language, size = 'screen', width: fixedWidth, description, points, groups, maxSide }: IndexScatterProps) {
  const { ref, width, isMeasured } = useChartWidth(fixedWidth);
  const theme = getChartTheme(size);
  const t = chartText(language);
  const f = getChartFormat(language);
  const layout = useMemo(() => layoutScatter(width, points, groups, theme, language, maxSide), [width, points, groups, theme, language, maxSide]);
  const { x, y, plotLeft, plotTop, side, styles, labels, quadrants, legend, legendTop, height, radius } = layout;
  const s = theme.scale;
  const labelFont = theme.font.label;
  const describe = description ?? t('describeScatter', { values: points.map((p) => t('describeScatterPoint', { label: p.label, x: f.mean(getX(p)), y: f.mean(getY(p)) })).join('; ') });

  return (
    <ChartFigure kind="scatter" title={title} description={describe} width={width} height={height} theme={theme} measureRef={ref} isMeasured={isMeasured}>
      <g data-part="axes">
        {SCALE_TICKS.map((tick) => (
          <g key={tick}>
            <line x1={round(x(tick))} x2={round(x(tick))} y1={round(plotTop)} y2={round(plotTop + side)} stroke={tick === SCALE_MID ? theme.axis : theme.grid} strokeWidth={theme.stroke.thin} strokeDasharray={tick === SCALE_MID ? `${6 * s} ${4 * s}` : undefined} />
            <line x1={round(plotLeft)} x2={round(plotLeft + side)} y1={round(y(tick))} y2={round(y(tick))} stroke={tick === SCALE_MID ? theme.axis : theme.grid} strokeWidth={theme.stroke.thin} strokeDasharray={tick === SCALE_MID ? `${6 * s} ${4 * s}` : undefined} />
            <text x={round(x(tick))} y={round(plotTop + side + labelFont * 1.3)} textAnchor="middle" fontSize={labelFont} fill={theme.ink}>
              {f.count(tick)}
            </text>
            <text x={round(plotLeft - 10 * s)} y={round(y(tick))} textAnchor="end" dominantBaseline="central" fontSize={labelFont} fill={theme.ink}>
              {f.count(tick)}
            </text>
          </g>
        ))}
        <rect x={round(plotLeft)} y={round(plotTop)} width={round(side)} height={round(side)} fill="none" stroke={theme.axis} strokeWidth={theme.stroke.thin} />
        <text x={round(plotLeft + side / 2)} y={round(plotTop + side + labelFont * 1.3 + lineHeightOf(theme, labelFont) + 6 * s)} textAnchor="middle" fontSize={labelFont} fontWeight={600} fill={theme.ink} data-axis="x">
          {t('thermostatAxis')}
        </text>
        <text transform={`translate(${round(plotLeft - 10 * s - labelFont * 1.6)},${round(plotTop + side / 2)}) rotate(-90)`} textAnchor="middle" fontSize={labelFont} fontWeight={600} fill={theme.ink} data-axis="y">
          {t('thermometerAxis')}
        </text>
      </g>
      <line x1={round(x(SCALE_MIN))} y1={round(y(SCALE_MIN))} x2={round(x(SCALE_MAX))} y2={round(y(SCALE_MAX))} stroke={theme.axis} strokeWidth={theme.stroke.mark} strokeDasharray={`${2 * s} ${5 * s}`} strokeLinecap="round" data-mark="diagonal" />
      <g data-part="quadrants">
        {quadrants.map((q) => (
          <TextLines key={q.key} lines={q.lines} x={q.x} y={q.y} lineHeight={lineHeightOf(theme, theme.font.small)} fontSize={theme.font.small} anchor={q.anchor} fill={theme.inkMuted} fontWeight={600} />
        ))}
      </g>
      <g data-part="points">
        {points.map((point, index) => {
          const style = styles.get(point.id);
          const label = labels[index];
          if (!label) return null;
          const px = x(getX(point));
          const py = y(getY(point));
          return (
            <g key={point.id} data-point={point.id} data-chain={point.isChain || undefined}>
              <title>{`${markIndicative(point.label, point.isIndicative)}: ${t('thermostat').toLowerCase()} ${f.mean(getX(point))}, ${t('thermometer').toLowerCase()} ${f.mean(getY(point))} (${t('nValue', { n: f.count(point.n) })})`}</title>
              {point.isChain || !style ? (
                <g data-mark="chain-symbol">
                  <circle cx={round(px)} cy={round(py)} r={round(radius * 1.25)} fill={theme.paper} stroke={theme.ink} strokeWidth={theme.stroke.thick * 0.8} />
                  <circle cx={round(px)} cy={round(py)} r={round(radius * 0.45)} fill={theme.ink} />
                </g>
              ) : (
                <GroupSymbol type={style.symbol} x={px} y={py} radius={radius} fill={style.colour} outline={theme.markOutline} strokeWidth={theme.stroke.mark} />
              )}
              <text x={round(label.x)} y={round(label.y)} textAnchor={label.anchor} dominantBaseline="central" fontSize={labelFont} fontWeight={point.isChain ? 700 : 600} fill={theme.ink} paintOrder="stroke" stroke={theme.paper} strokeWidth={3 * s} strokeLinejoin="round" data-label>
                {label.text}
              </text>
            </g>
          );
        })}
      </g>
      <Legend layout={legend} x={8 * s} y={legendTop} theme={theme} />
    </ChartFigure>
  );
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface PlacedLabel {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Labels next to their points: the first of right, left, above, below (then further out) that
 * overlaps no placed label, no point and no obstacle (the quadrant names), and stays inside the
 * plot. Deterministic: the same points always get the same places.
 */
export function placePointLabels(items: readonly { x: number; y: number; text: string }[], fontSize: number, radius: number, bounds: Box, obstacles: readonly Box[] = []): PlacedLabel[] {
  const height = fontSize * 1.2;
  const reach = radius * 1.3;
  const marks: Box[] = items.map((p) => ({ left: p.x - reach, right: p.x + reach, top: p.y - reach, bottom: p.y + reach }));
  const placed: Box[] = [...obstacles];
  return items.map((item, index) => {
    const width = estimateTextWidth(item.text, fontSize);
    // Stars and crosses reach about 1.3 × the radius of a circle of the same area.
    const gap = radius * 1.3 + fontSize * 0.25;
    const candidates: PlacedLabel[] = [];
    for (const step of [0, 1, 2]) {
      const dy = step * height;
      candidates.push(
        { text: item.text, x: item.x + gap, y: item.y - dy, anchor: 'start' },
        { text: item.text, x: item.x - gap, y: item.y - dy, anchor: 'end' },
        { text: item.text, x: item.x, y: item.y - gap - height / 2 - dy, anchor: 'middle' },
        { text: item.text, x: item.x, y: item.y + gap + height / 2 + dy, anchor: 'middle' },
        { text: item.text, x: item.x + gap, y: item.y + dy, anchor: 'start' },
        { text: item.text, x: item.x - gap, y: item.y + dy, anchor: 'end' },
      );
    }
    const boxOf = (c: PlacedLabel): Box => {
      const left = c.anchor === 'start' ? c.x : c.anchor === 'end' ? c.x - width : c.x - width / 2;
      return { left, right: left + width, top: c.y - height / 2, bottom: c.y + height / 2 };
    };
    const fits = (c: PlacedLabel) => {
      const box = boxOf(c);
      if (box.left < bounds.left || box.right > bounds.right || box.top < bounds.top || box.bottom > bounds.bottom) return false;
      return !placed.some((p) => overlaps(p, box)) && !marks.some((m, i) => i !== index && overlaps(m, box));
    };
    const chosen = candidates.find(fits) ?? candidates[0]!;
    placed.push(boxOf(chosen));
    return chosen;
  });
}

function layoutScatter(width: number, points: readonly IndexPoint[], groups: readonly GroupRef[] | undefined, theme: ChartTheme, language: Language, maxSide?: number) {
  const t = chartText(language);
  const s = theme.scale;
  const labelFont = theme.font.label;
  const radius = theme.markSize * 1.2;
  const styles: Map<string, GroupStyle> = buildGroupStyles(groups ?? points.filter((p) => !p.isChain).map((p) => ({ id: p.id, label: p.label, shortLabel: p.shortLabel, isIndicative: p.isIndicative })), theme);

  const legendItems: LegendItem[] = [];
  for (const style of styles.values()) {
    if (!points.some((p) => p.id === style.id)) continue;
    const name = markIndicative(style.label, style.isIndicative);
    legendItems.push({
      key: style.id,
      label: style.shortLabel === style.label ? name : `${style.shortLabel} = ${name}`,
      swatch: (size: number) => <GroupSymbol type={style.symbol} x={size / 2} y={size / 2} radius={size / 2.2} fill={style.colour} outline={theme.markOutline} strokeWidth={theme.stroke.thin} />,
    });
  }
  if (points.some((p) => p.isChain)) {
    legendItems.push({
      key: 'chain',
      label: points.find((p) => p.isChain)?.label ?? t('chain'),
      swatch: (size: number) => (
        <g>
          <circle cx={size / 2} cy={size / 2} r={size / 2 - 1.5 * s} fill={theme.paper} stroke={theme.ink} strokeWidth={theme.stroke.mark} />
          <circle cx={size / 2} cy={size / 2} r={size / 6} fill={theme.ink} />
        </g>
      ),
    });
  }
  legendItems.push({ key: 'diagonal', label: t('diagonal'), swatch: (size: number) => <line x1={0} y1={size} x2={size} y2={0} stroke={theme.axis} strokeWidth={theme.stroke.mark} strokeDasharray={`${2 * s} ${4 * s}`} /> });
  if (points.some((p) => p.isIndicative)) legendItems.push({ key: 'indicative', label: t('indicativeLegend'), swatch: () => null });
  const legend = layoutLegend(legendItems, width - 16 * s, theme);

  const marginLeft = estimateTextWidth('5', labelFont) + 10 * s + labelFont * 2.4;
  const marginRight = 16 * s;
  const plotTop = 12 * s;
  const side = Math.max(200 * s, Math.min(width - marginLeft - marginRight, maxSide ?? 420 * s));
  const plotLeft = marginLeft + Math.max(0, (width - marginLeft - marginRight - side) / 2);
  const x = scaleLinear().domain([SCALE_MIN, SCALE_MAX]).range([plotLeft, plotLeft + side]);
  const y = scaleLinear().domain([SCALE_MIN, SCALE_MAX]).range([plotTop + side, plotTop]);

  const pad = 8 * s;
  const quadrantChars = charsPerLine(side / 2 - 2 * pad, theme.font.small);
  const smallLh = lineHeightOf(theme, theme.font.small);
  const wrapQuadrant = (text: string) => wrapText(text, quadrantChars, 3).lines;
  const topLeft = wrapQuadrant(t('quadrantGoodResultsWeakConditions'));
  const topRight = wrapQuadrant(t('quadrantGoodGood'));
  const bottomLeft = wrapQuadrant(t('quadrantWeakWeak'));
  const bottomRight = wrapQuadrant(t('quadrantGoodConditionsWeakResults'));
  const bottomY = (lines: string[]) => plotTop + side - pad - (lines.length - 1) * smallLh;
  const quadrants = [
    { key: 'tl', lines: topLeft, x: plotLeft + pad, y: plotTop + pad + theme.font.small, anchor: 'start' as const },
    { key: 'tr', lines: topRight, x: plotLeft + side - pad, y: plotTop + pad + theme.font.small, anchor: 'end' as const },
    { key: 'bl', lines: bottomLeft, x: plotLeft + pad, y: bottomY(bottomLeft), anchor: 'start' as const },
    { key: 'br', lines: bottomRight, x: plotLeft + side - pad, y: bottomY(bottomRight), anchor: 'end' as const },
  ];
  const quadrantBoxes: Box[] = quadrants.map((q) => {
    const w = Math.max(...q.lines.map((l) => estimateTextWidth(l, theme.font.small)));
    const top = q.y - theme.font.small;
    return { left: q.anchor === 'start' ? q.x : q.x - w, right: q.anchor === 'start' ? q.x + w : q.x, top, bottom: top + q.lines.length * smallLh };
  });
  const labels = placePointLabels(
    points.map((p) => ({ x: x(getX(p)), y: y(getY(p)), text: markIndicative(p.shortLabel ?? (p.isChain ? p.label : (styles.get(p.id)?.shortLabel ?? p.label)), p.isIndicative) })),
    labelFont,
    radius,
    { left: plotLeft + 2, right: plotLeft + side - 2, top: plotTop + 2, bottom: plotTop + side - 2 },
    quadrantBoxes,
  );


  const legendTop = plotTop + side + labelFont * 1.3 + lineHeightOf(theme, labelFont) * 2 + 10 * s;
  return { x, y, plotLeft, plotTop, side, styles, labels, quadrants, legend, legendTop, height: Math.ceil(legendTop + legend.height + 8 * s), radius };
}

/** The scatter's table: both indexes and n per group. */
export function IndexScatterTable({ title, language, points }: Pick<IndexScatterProps, 'title' | 'language' | 'points'>) {
  const t = chartText(language);
  const f = getChartFormat(language);
  const columns: DataTableColumn<IndexPoint>[] = [
    { id: 'group', header: t('group'), isRowHeader: true, render: (p) => markIndicative(p.label, p.isIndicative) },
    { id: 'thermostat', header: t('thermostat'), isNumeric: true, render: (p) => f.mean(p.thermostat) },
    { id: 'thermometer', header: t('thermometer'), isNumeric: true, render: (p) => f.mean(p.thermometer) },
    { id: 'n', header: t('n'), isNumeric: true, render: (p) => f.count(p.n) },
  ];
  return <DataTable caption={title} columns={columns} rows={points} getRowKey={(p) => p.id} note={points.some((p) => p.isIndicative) ? t('indicativeLegend') : undefined} />;
}
