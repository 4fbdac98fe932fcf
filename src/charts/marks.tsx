import { symbol, type SymbolType } from 'd3-shape';
import type { ReactNode } from 'react';
import type { ChartTheme } from './theme';

// Small SVG building blocks shared by the charts. d3-shape only computes path strings.

/** A group marker: the group's shape, filled with its colour, with a dark outline. */
export function GroupSymbol({ type, x, y, radius, fill, outline, strokeWidth }: { type: SymbolType; x: number; y: number; radius: number; fill: string; outline: string; strokeWidth: number }) {
  // Equal areas, so no shape looks more important than another.
  const path = symbol(type, Math.PI * radius * radius)() ?? '';
  return <path d={path} transform={`translate(${round(x)},${round(y)})`} fill={fill} stroke={outline} strokeWidth={strokeWidth} data-mark="group-symbol" />;
}

/** Diagonal hatching: the chain's marks and the don't-know share, recognisable without colour. */
export function HatchPattern({ id, background, stroke, spacing, strokeWidth }: { id: string; background: string; stroke: string; spacing: number; strokeWidth: number }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={spacing} height={spacing} patternTransform="rotate(45)">
      <rect width={spacing} height={spacing} fill={background} />
      <line x1={0} y1={0} x2={0} y2={spacing} stroke={stroke} strokeWidth={strokeWidth} />
    </pattern>
  );
}

/** A flag (pole and pennant) marking a discussion point; always drawn beside its text label. */
export function FlagIcon({ x, y, size, colour, strokeWidth }: { x: number; y: number; size: number; colour: string; strokeWidth: number }) {
  return (
    <g transform={`translate(${round(x)},${round(y)})`} data-mark="flag-icon" aria-hidden="true">
      <line x1={0} y1={0} x2={0} y2={size} stroke={colour} strokeWidth={strokeWidth} />
      <path d={`M0,0 L${round(size * 0.8)},${round(size * 0.25)} L0,${round(size * 0.5)} Z`} fill={colour} />
    </g>
  );
}

/**
 * The mark of an uncertain difference: an open flag with a dashed pole, so it differs from the
 * discussion point's filled flag by shape, not by colour (docs/analysis.md).
 */
export function OpenFlagIcon({ x, y, size, colour, strokeWidth }: { x: number; y: number; size: number; colour: string; strokeWidth: number }) {
  return (
    <g transform={`translate(${round(x)},${round(y)})`} data-mark="open-flag-icon" aria-hidden="true">
      <line x1={0} y1={0} x2={0} y2={size} stroke={colour} strokeWidth={strokeWidth} strokeDasharray={`${round(size / 6)} ${round(size / 8)}`} />
      <path d={`M0,0 L${round(size * 0.8)},${round(size * 0.25)} L0,${round(size * 0.5)} Z`} fill="none" stroke={colour} strokeWidth={strokeWidth} strokeLinejoin="round" />
    </g>
  );
}

/** Multi-line text: one <tspan> per line, the first on `y` (its baseline). */
export function TextLines({ lines, x, y, lineHeight, fontSize, anchor = 'start', fill, fontWeight, children }: {
  lines: readonly string[];
  x: number;
  y: number;
  lineHeight: number;
  fontSize: number;
  anchor?: 'start' | 'middle' | 'end';
  fill: string;
  fontWeight?: number;
  children?: ReactNode;
}) {
  return (
    <text x={round(x)} y={round(y)} fontSize={fontSize} textAnchor={anchor} fill={fill} fontWeight={fontWeight}>
      {children}
      {lines.map((line, i) => (
        <tspan key={i} x={round(x)} dy={i === 0 ? 0 : round(lineHeight)}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** Coordinates to 0.1 px: smaller SVGs and stable snapshots, no visible difference. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export function lineHeightOf(theme: ChartTheme, fontSize: number): number {
  return fontSize * theme.font.lineHeight;
}
