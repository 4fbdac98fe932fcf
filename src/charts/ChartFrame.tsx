import { useId, useRef, useState, type ReactNode } from 'react';
import type { Language } from '../domain/types';
import { chartText, toSafeId, type ChartText } from './common';
import { ChartExportError } from './exportErrors';
import type { PngTarget } from './exportImage';
import { ChartFrameContext } from './frameContext';
import './charts.css';

export interface ChartFrameProps {
  /** The heading above the chart; also the heading drawn into exported images. */
  title: string;
  language: Language;
  /** The chart (one of the chart components). */
  children: ReactNode;
  /** Its table alternative (the matching …Table component). */
  table: ReactNode;
  /** Base name of saved files; default the title. */
  fileName?: string;
  headingLevel?: 2 | 3 | 4;
  /** A sentence under the heading: what the chart shows. */
  intro?: ReactNode;
  /** Off for HTML-only views (the knob list): no SVG to save. */
  canExport?: boolean;
  initialView?: 'chart' | 'table';
}

type ExportAction = 'svg' | PngTarget;

function describeExportError(error: unknown, t: ChartText): string {
  if (error instanceof ChartExportError) {
    switch (error.code) {
      case 'no-canvas':
        return t('exportError_noCanvas');
      case 'image-load-failed':
        return t('exportError_imageLoad');
      case 'encode-failed':
        return t('exportError_encode');
    }
  }
  return t('exportError_unknown', { detail: error instanceof Error ? error.message : String(error) });
}

/**
 * A chart with its heading, a "show as table" toggle and buttons to save it as SVG or PNG
 * (1920×1080 for a slide, or twice the on-screen size). The chart stays mounted while the table
 * shows, so saving works from either view.
 */
export function ChartFrame({ title, language, children, table, fileName, headingLevel = 2, intro, canExport = true, initialView = 'chart' }: ChartFrameProps) {
  const t = chartText(language);
  const headingId = toSafeId(useId());
  const contentId = `${headingId}-content`;
  const chartRef = useRef<HTMLDivElement>(null);
  const [isTable, setIsTable] = useState(initialView === 'table');
  const [busy, setBusy] = useState<ExportAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const Heading = `h${headingLevel}` as const;

  async function save(action: ExportAction) {
    const svg = chartRef.current?.querySelector('svg[role="img"]');
    if (!(svg instanceof SVGSVGElement)) return;
    setError(null);
    setBusy(action);
    try {
      const base = fileName ?? title;
      // Loaded on the first save, not with the chart: most visits save nothing, and the results
      // page's first chart should not wait for it (docs/budgets.md).
      const { downloadPng, downloadSvg } = await import('./exportImage');
      if (action === 'svg') downloadSvg(svg, base, { heading: title });
      else await downloadPng(svg, base, action, { heading: title });
    } catch (e) {
      setError(t('exportFailed', { detail: describeExportError(e, t) }));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="chart-frame" aria-labelledby={headingId}>
      {/* The table switch sits beside the heading and the save buttons under the chart, so the
          chart starts on the first screen of the results page at 1280×800 (issue 25). */}
      <div className="chart-frame__header">
        <Heading id={headingId} className="chart-frame__heading">
          {title}
        </Heading>
        {/* The label says what a press does; a label that changes must not also be a toggle
            (aria-pressed), or a screen reader would announce "show as chart, pressed". */}
        <button type="button" className="button button--secondary chart-frame__switch" aria-controls={contentId} onClick={() => setIsTable((v) => !v)}>
          {isTable ? t('showAsChart') : t('showAsTable')}
        </button>
      </div>
      {intro ? <p className="chart-frame__intro">{intro}</p> : null}
      {error ? (
        <p role="alert" className="notice notice--error chart-frame__error">
          {error}
        </p>
      ) : null}
      <ChartFrameContext.Provider value={{ isInFrame: true }}>
        <div id={contentId} className="chart-frame__content">
          <div ref={chartRef} hidden={isTable} className="chart-frame__chart">
            {children}
          </div>
          {isTable ? <div className="chart-frame__table">{table}</div> : null}
        </div>
      </ChartFrameContext.Provider>
      {canExport ? (
        <div className="chart-frame__toolbar" role="group" aria-label={t('exportToolbar')}>
          <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void save('svg')}>
            {t('saveSvg')}
          </button>
          <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void save('fullHd')}>
            {t('savePngFullHd')}
          </button>
          <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void save('double')}>
            {t('savePngDouble')}
          </button>
          <span className="visually-hidden" aria-live="polite">
            {busy ? t('exporting') : ''}
          </span>
        </div>
      ) : null}
    </section>
  );
}
