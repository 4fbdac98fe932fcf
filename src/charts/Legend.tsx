import type { ReactNode } from 'react';
import { estimateTextWidth } from './text';
import type { ChartTheme } from './theme';
import { round } from './marks';

export interface LegendItem {
  key: string;
  label: string;
  /** Draws the swatch in a box of size × size with its top-left corner at 0,0. */
  swatch: (size: number) => ReactNode;
}

export interface LegendLayout {
  items: { item: LegendItem; x: number; y: number }[];
  height: number;
  swatchSize: number;
}

/** Legend entries flowed into rows that fit `width`, measured by character count. */
export function layoutLegend(items: readonly LegendItem[], width: number, theme: ChartTheme): LegendLayout {
  const fontSize = theme.font.label;
  const swatchSize = Math.round(fontSize * 1.1);
  const rowHeight = Math.round(fontSize * 1.8);
  const gap = fontSize * 1.5;
  const placed: LegendLayout['items'] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    // A little extra per label: '=' and capitals are wider than the average character.
    const itemWidth = swatchSize + fontSize * 0.45 + estimateTextWidth(item.label, fontSize) * 1.08;
    if (x > 0 && x + itemWidth > width) {
      row += 1;
      x = 0;
    }
    placed.push({ item, x, y: row * rowHeight });
    x += itemWidth + gap;
  }
  return { items: placed, height: items.length === 0 ? 0 : (row + 1) * rowHeight, swatchSize };
}

export function Legend({ layout, x, y, theme }: { layout: LegendLayout; x: number; y: number; theme: ChartTheme }) {
  const fontSize = theme.font.label;
  return (
    <g transform={`translate(${round(x)},${round(y)})`} data-part="legend">
      {layout.items.map(({ item, x: ix, y: iy }) => (
        <g key={item.key} transform={`translate(${round(ix)},${round(iy)})`} data-legend-item={item.key}>
          {item.swatch(layout.swatchSize)}
          <text x={layout.swatchSize + fontSize * 0.45} y={layout.swatchSize / 2} dominantBaseline="central" fontSize={fontSize} fill={theme.ink}>
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}
