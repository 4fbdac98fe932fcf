import { scaleBand, scaleLinear } from 'd3-scale';
import { useId, useMemo } from 'react';
import type { Band } from '../domain/analysis/types';
import type { Language } from '../domain/types';
import { ChartFigure } from './ChartFigure';
import { chartText, markIndicative, toSafeId, type ChartText, type CommonChartProps } from './common';
import { DataTable, type DataTableColumn } from './DataTable';
import { getChartFormat, type ChartFormat } from './format';
import { Legend, layoutLegend, type LegendItem } from './Legend';
import { HatchPattern, lineHeightOf, round, TextLines } from './marks';
import { charsPerLine, estimateTextWidth, wrapText } from './text';
import type { IndexColumn } from './model/chartData';
import { BAND_LIMITS, getChartTheme, SCALE_MAX, SCALE_MIN, SCALE_TICKS, type ChartTheme } from './theme';
import { useChartWidth } from './useChartWidth';

export interface ThermometerChartProps extends CommonChartProps {
  /** In drawing order; put the chain column last. */
  columns: readonly IndexColumn[];
  /** Drawn as a dashed line across all columns. */
  chainMean: number | null;
}

const getValue = (column: IndexColumn) => column.value;
const getBand = (column: IndexColumn) => column.band;

const BAND_RANGES: Record<Band, readonly [number, number]> = {
  strong: [BAND_LIMITS.strong, SCALE_MAX],
  attention: [BAND_LIMITS.attention, BAND_LIMITS.strong],
  concern: [SCALE_MIN, BAND_LIMITS.attention],
};

export function bandLabel(band: Band, t: ChartText): string {
  return t(band === 'strong' ? 'bandStrong' : band === 'attention' ? 'bandAttention' : 'bandConcern');
}

export function bandRangeLabel(band: Band, t: ChartText, f: ChartFormat): string {
  if (band === 'strong') return t('bandStrongRange', { min: f.mean(BAND_LIMITS.strong) });
  if (band === 'attention') return t('bandAttentionRange', { min: f.mean(BAND_LIMITS.attention), max: f.mean(BAND_LIMITS.strong - 0.01) });
  return t('bandConcernRange', { max: f.mean(BAND_LIMITS.attention) });
}

/** Thermometer columns on the 1–5 scale, over the bands strong / attention / concern. */
export function ThermometerChart({ title, language, size = 'screen', width: fixedWidth, description, columns, chainMean }: ThermometerChartProps) {
  const { ref, width, isMeasured } = useChartWidth(fixedWidth);
  const theme = getChartTheme(size);
  const t = chartText(language);
  const f = getChartFormat(language);
  const patternId = toSafeId(useId());

  const layout = useMemo(() => layoutThermometer(width, columns, chainMean, theme, language), [width, columns, chainMean, theme, language]);
  const { x, y, plotLeft, plotRight, tubeWidth, bulbRadius, bandRight, legend, legendTop, height, labelTop, chainLabelY, bandLabelYs, labelLines } = layout;
  const s = theme.scale;
  const labelFont = theme.font.label;
  const describe = description ?? t('describeThermometer', { values: columns.map((c) => t('describeValue', { label: c.label, value: f.mean(c.value), n: t('nValue', { n: c.n }) })).join('; ') });

  return (
    <ChartFigure kind="thermometer" title={title} description={describe} width={width} height={height} theme={theme} measureRef={ref} isMeasured={isMeasured}>
      <defs>
        <HatchPattern id={`${patternId}-chain`} background="none" stroke={theme.paper} spacing={7 * s} strokeWidth={2.5 * s} />
      </defs>
      <g data-part="bands">
        {(['strong', 'attention', 'concern'] as const).map((band) => {
          const [from, to] = BAND_RANGES[band];
          return (
            <g key={band} data-band={band}>
              <rect x={round(plotLeft)} width={round(bandRight - plotLeft)} y={round(y(to))} height={round(y(from) - y(to))} fill={theme.bands[band].fill} />
              <text x={bandRight - 6 * s} y={round(bandLabelYs[band])} textAnchor="end" dominantBaseline="central" fontSize={labelFont} fontWeight={600} fill={theme.bands[band].text}>
                {bandLabel(band, t)}
              </text>
            </g>
          );
        })}
      </g>
      <g data-part="axis">
        {SCALE_TICKS.map((tick) => (
          <g key={tick}>
            <line x1={round(plotLeft)} x2={round(plotRight)} y1={round(y(tick))} y2={round(y(tick))} stroke={theme.grid} strokeWidth={theme.stroke.thin} />
            <text x={plotLeft - 8 * s} y={round(y(tick))} textAnchor="end" dominantBaseline="central" fontSize={labelFont} fill={theme.ink}>
              {f.count(tick)}
            </text>
          </g>
        ))}
      </g>
      <g data-part="columns">
        {columns.map((column, index) => {
          const cx = (x(column.id) ?? 0) + x.bandwidth() / 2;
          const value = getValue(column);
          const band = getBand(column);
          const colour = band ? theme.bands[band].mark : theme.noData;
          const tubeTop = y(SCALE_MAX) - tubeWidth / 2;
          const tubeBottom = y(SCALE_MIN);
          const bulbY = tubeBottom + bulbRadius * 0.75;
          const isChain = column.isChain;
          const outline = isChain ? theme.stroke.thick : theme.stroke.mark * 1.5;
          const liquidTop = value === null ? tubeBottom : y(Math.min(SCALE_MAX, Math.max(SCALE_MIN, value)));
          const label = markIndicative(column.label, column.isIndicative);
          const lines = labelLines[index] ?? [label];
          return (
            <g key={column.id} data-column={column.id} data-chain={isChain || undefined} data-no-data={value === null || undefined} data-band={band ?? undefined}>
              <title>{`${label}: ${value === null ? t('noData') : f.mean(value)} (${t('nValue', { n: f.count(column.n) })})`}</title>
              {isChain && index > 0 ? (
                <line x1={round((x(column.id) ?? 0) - (x.step() - x.bandwidth()) / 2)} x2={round((x(column.id) ?? 0) - (x.step() - x.bandwidth()) / 2)} y1={round(tubeTop)} y2={round(bulbY + bulbRadius)} stroke={theme.axis} strokeWidth={theme.stroke.thin} strokeDasharray={`${4 * s} ${4 * s}`} />
              ) : null}
              {/* The glass: a rounded tube and a bulb, white inside so the liquid level reads clearly. */}
              <rect x={round(cx - tubeWidth / 2)} y={round(tubeTop)} width={round(tubeWidth)} height={round(tubeBottom - tubeTop)} rx={round(tubeWidth / 2)} fill={theme.paper} stroke={theme.ink} strokeWidth={outline} strokeDasharray={value === null ? `${5 * s} ${4 * s}` : undefined} />
              <circle cx={round(cx)} cy={round(bulbY)} r={round(bulbRadius)} fill={value === null ? theme.paper : colour} stroke={theme.ink} strokeWidth={outline} strokeDasharray={value === null ? `${5 * s} ${4 * s}` : undefined} />
              {value !== null ? (
                <g data-mark="liquid">
                  <rect x={round(cx - tubeWidth / 2 + outline)} y={round(liquidTop)} width={round(tubeWidth - 2 * outline)} height={round(bulbY - liquidTop)} fill={colour} />
                  <circle cx={round(cx)} cy={round(bulbY)} r={round(bulbRadius - outline)} fill={colour} />
                  {isChain ? (
                    <>
                      <rect x={round(cx - tubeWidth / 2 + outline)} y={round(liquidTop)} width={round(tubeWidth - 2 * outline)} height={round(bulbY - liquidTop)} fill={`url(#${patternId}-chain)`} />
                      <circle cx={round(cx)} cy={round(bulbY)} r={round(bulbRadius - outline)} fill={`url(#${patternId}-chain)`} />
                    </>
                  ) : null}
                </g>
              ) : null}
              <text x={round(cx)} y={round(labelTop - lineHeightOf(theme, theme.font.small) - 4 * s)} textAnchor="middle" fontSize={theme.font.body} fontWeight={700} fill={theme.ink} data-value>
                {f.mean(value)}
              </text>
              {value === null ? (
                // Written up the empty tube: the column keeps its place and says why it is empty.
                <text transform={`translate(${round(cx)},${round((tubeTop + tubeBottom) / 2)}) rotate(-90)`} textAnchor="middle" dominantBaseline="central" fontSize={theme.font.small} fill={theme.ink} data-no-data-label>
                  {t('noData')}
                </text>
              ) : null}
              <text x={round(cx)} y={round(labelTop)} textAnchor="middle" fontSize={theme.font.small} fill={theme.inkMuted} data-n>
                {t('nValue', { n: f.count(column.n) })}
              </text>
              <TextLines lines={lines} x={cx} y={bulbY + bulbRadius + labelFont * 1.3} lineHeight={lineHeightOf(theme, labelFont)} fontSize={labelFont} anchor="middle" fill={theme.ink} fontWeight={isChain ? 700 : 400} />
            </g>
          );
        })}
      </g>
      {chainMean !== null ? (
        <g data-part="chain-mean">
          <line x1={round(plotLeft)} x2={round(bandRight)} y1={round(y(chainMean))} y2={round(y(chainMean))} stroke={theme.ink} strokeWidth={theme.stroke.thick * 0.8} strokeDasharray={`${10 * s} ${6 * s}`} />
          <text x={bandRight - 6 * s} y={round(chainLabelY)} textAnchor="end" fontSize={labelFont} fontWeight={700} fill={theme.ink}>
            {t('chainMeanValue', { value: f.mean(chainMean) })}
          </text>
        </g>
      ) : null}
      <Legend layout={legend} x={round(plotLeft)} y={legendTop} theme={theme} />
    </ChartFigure>
  );
}

function layoutThermometer(width: number, columns: readonly IndexColumn[], chainMean: number | null, theme: ChartTheme, language: Language) {
  const t = chartText(language);
  const f = getChartFormat(language);
  const s = theme.scale;
  const labelFont = theme.font.label;
  const bandNames = (['strong', 'attention', 'concern'] as const).map((b) => bandLabel(b, t));
  const chainLabel = chainMean === null ? '' : t('chainMeanValue', { value: f.mean(chainMean) });
  const rightMargin = Math.max(...bandNames.map((l) => estimateTextWidth(l, labelFont)), estimateTextWidth(chainLabel, labelFont)) + 16 * s;
  const plotLeft = estimateTextWidth('5', labelFont) + 16 * s;
  const bandRight = width - 4 * s;
  const plotRight = bandRight - rightMargin;

  const x = scaleBand<string>().domain(columns.map((c) => c.id)).range([plotLeft, plotRight]).paddingInner(0.3).paddingOuter(0.25);
  const tubeWidth = Math.max(10 * s, Math.min(x.bandwidth() * 0.5, 40 * s));
  const bulbRadius = tubeWidth * 0.85;

  const bodyLh = lineHeightOf(theme, theme.font.body);
  const smallLh = lineHeightOf(theme, theme.font.small);
  const top = 8 * s + bodyLh + smallLh + tubeWidth / 2 + 6 * s;
  const plotHeight = 260 * s;
  const y = scaleLinear().domain([SCALE_MIN, SCALE_MAX]).range([top + plotHeight, top]);
  const labelTop = y(SCALE_MAX) - tubeWidth / 2 - 8 * s;

  // Conservative (bold) estimate and little overflow: neighbouring column labels must not touch.
  const maxChars = charsPerLine(x.step() * 0.9, labelFont, true);
  // Names are never cut ("William Schrikker Groep" on three lines, not "William / Schrikker…"):
  // the label area grows with the longest name.
  const labelLines = columns.map((c) => wrapText(markIndicative(c.label, c.isIndicative), maxChars, Infinity, { overlong: 1.1 }).lines);
  const maxLines = Math.max(1, ...labelLines.map((l) => l.length));
  const bulbBottom = y(SCALE_MIN) + bulbRadius * 1.75;
  const labelsBottom = bulbBottom + labelFont * 0.3 + maxLines * lineHeightOf(theme, labelFont);

  // The chain-mean label sits on its line; band labels move out of its way.
  const chainLabelY = chainMean === null ? -1000 : y(chainMean) - 6 * s;
  const bandLabelYs = {} as Record<Band, number>;
  for (const band of ['strong', 'attention', 'concern'] as const) {
    const [from, to] = BAND_RANGES[band];
    const middle = y((from + to) / 2);
    const clash = Math.abs(middle - (chainLabelY - labelFont * 0.35)) < labelFont * 1.3;
    bandLabelYs[band] = clash ? (middle < y(chainMean ?? 0) ? y(to) + labelFont * 0.9 : y(from) - labelFont * 0.9) : middle;
  }

  const hasNull = columns.some((c) => c.value === null);
  const hasIndicative = columns.some((c) => c.isIndicative);
  const hasChain = columns.some((c) => c.isChain);
  const items: LegendItem[] = (['strong', 'attention', 'concern'] as const).map((band) => ({
    key: band,
    label: bandRangeLabel(band, t, f),
    swatch: (size: number) => <rect width={size} height={size} fill={theme.bands[band].fill} stroke={theme.bands[band].mark} strokeWidth={theme.stroke.mark} />,
  }));
  if (hasChain) {
    items.push({
      key: 'chain',
      label: t('chain'),
      swatch: (size: number) => (
        <g>
          <rect width={size} height={size} fill={theme.ink} />
          {[0.25, 0.5, 0.75].map((p) => (
            <line key={p} x1={size * p} y1={0} x2={0} y2={size * p} stroke={theme.paper} strokeWidth={1.5 * s} />
          ))}
        </g>
      ),
    });
  }
  if (chainMean !== null) {
    items.push({
      key: 'chain-mean',
      label: t('chainMean'),
      swatch: (size: number) => <line x1={0} x2={size} y1={size / 2} y2={size / 2} stroke={theme.ink} strokeWidth={theme.stroke.thick * 0.8} strokeDasharray={`${size / 3} ${size / 6}`} />,
    });
  }
  if (hasNull) {
    items.push({
      key: 'no-data',
      label: t('noDataLegend'),
      swatch: (size: number) => <rect x={1} y={1} width={size - 2} height={size - 2} fill={theme.paper} stroke={theme.ink} strokeWidth={theme.stroke.mark} strokeDasharray={`${3 * s} ${2 * s}`} />,
    });
  }
  if (hasIndicative) items.push({ key: 'indicative', label: t('indicativeLegend'), swatch: () => null });
  const legend = layoutLegend(items, width - plotLeft - 8 * s, theme);
  const legendTop = labelsBottom + 14 * s;
  const height = Math.ceil(legendTop + legend.height + 8 * s);
  return { x, y, plotLeft, plotRight, bandRight, tubeWidth, bulbRadius, legend, legendTop, height, labelTop, chainLabelY, bandLabelYs, labelLines };
}

/** The thermometer's table alternative: the same columns, two decimals, band and n. */
export function ThermometerTable({ title, language, columns }: Pick<ThermometerChartProps, 'title' | 'language' | 'columns'>) {
  const t = chartText(language);
  const f = getChartFormat(language);
  const tableColumns: DataTableColumn<IndexColumn>[] = [
    { id: 'group', header: t('group'), isRowHeader: true, render: (c) => markIndicative(c.label, c.isIndicative) },
    { id: 'value', header: t('index'), isNumeric: true, render: (c) => f.mean(c.value) },
    { id: 'band', header: t('band'), render: (c) => { const band = getBand(c); return band ? bandLabel(band, t) : t('noData'); } },
    { id: 'n', header: t('n'), isNumeric: true, render: (c) => f.count(c.n) },
  ];
  return <DataTable caption={title} columns={tableColumns} rows={columns} getRowKey={(c) => c.id} note={columns.some((c) => c.isIndicative) ? t('indicativeLegend') : undefined} />;
}
