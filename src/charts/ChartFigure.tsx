import { useId, type ReactNode } from 'react';
import { toSafeId } from './common';
import { useIsInChartFrame } from './frameContext';
import type { ChartTheme } from './theme';
import './charts.css';

interface ChartFigureProps {
  title: string;
  description: string;
  width: number;
  height: number;
  theme: ChartTheme;
  /** The wrapper whose width the chart follows (from useChartWidth). */
  measureRef: (element: HTMLDivElement | null) => void;
  children: ReactNode;
  /** A short name of the chart type, for styling and tests. */
  kind: string;
  /** False while the wrapper's width is unknown (useChartWidth): the SVG is drawn once, at the right width. */
  isMeasured?: boolean;
}

/**
 * The shell of every SVG chart: a <figure> with the title as caption, and an <svg role="img">
 * named by its own <title> and described by a <desc>, on a white background so that an export
 * looks like the screen.
 */
export function ChartFigure({ title, description, width, height, theme, measureRef, children, kind, isMeasured = true }: ChartFigureProps) {
  const id = toSafeId(useId());
  const isInFrame = useIsInChartFrame();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const captionId = `${id}-caption`;
  return (
    <figure className={`chart chart--${kind} chart--${theme.size}`} data-chart={kind} aria-labelledby={captionId}>
      <figcaption id={captionId} className={isInFrame ? 'visually-hidden' : 'chart__caption'}>
        {title}
      </figcaption>
      <div ref={measureRef} className="chart__canvas">
        {isMeasured && (
          <svg
            role="img"
            aria-labelledby={titleId}
            aria-describedby={descId}
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            fontFamily={theme.font.family}
            fontSize={theme.font.label}
            fill={theme.ink}
            style={{ display: 'block', maxWidth: '100%', height: 'auto', fontVariantNumeric: 'tabular-nums' }}
          >
            <title id={titleId}>{title}</title>
            <desc id={descId}>{description}</desc>
            <rect width={width} height={height} fill={theme.paper} />
            {children}
          </svg>
        )}
      </div>
    </figure>
  );
}
