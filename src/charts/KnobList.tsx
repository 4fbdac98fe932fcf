import { useId } from 'react';
import type { Language } from '../domain/types';
import { chartText, statementLabel, toSafeId, type ChartText } from './common';
import { DataTable, type DataTableColumn } from './DataTable';
import { getChartFormat } from './format';
import { useIsInChartFrame } from './frameContext';
import type { KnobReason, KnobRow } from './model/chartData';
import type { ChartSize } from './theme';
import './charts.css';

export interface KnobListProps {
  title: string;
  language: Language;
  size?: ChartSize;
  /** Ranked knobs (rank 1 first); the caller leaves out those without a rank. */
  knobs: readonly KnobRow[];
  /** Show only the first few (presenter slides). */
  maxItems?: number;
}

export function knobReasonText(reason: KnobReason, t: ChartText): string {
  switch (reason) {
    case 'low':
      return t('knobWhyLow');
    case 'gap':
      return t('knobWhyGap');
    case 'both':
      return t('knobWhyBoth');
    case 'gapChance':
      return t('knobWhyGapChance');
    case 'lowGapChance':
      return t('knobWhyLowGapChance');
    case 'attention':
      return t('knobWhyAttention');
    case 'strong':
      return t('knobWhyStrong');
    case 'none':
      return t('knobWhyNone');
  }
}


/** The ranked thermostat statements ("knobs"), as an ordered HTML list. */
export function KnobList({ title, language, size = 'screen', knobs, maxItems }: KnobListProps) {
  const t = chartText(language);
  const f = getChartFormat(language);
  const isInFrame = useIsInChartFrame();
  const captionId = `${toSafeId(useId())}-caption`;
  const shown = maxItems === undefined ? knobs : knobs.slice(0, maxItems);
  return (
    <figure className={`chart chart--knobs knob-list--${size}`} data-chart="knobs" aria-labelledby={captionId}>
      <figcaption id={captionId} className={isInFrame ? 'visually-hidden' : 'chart__caption'}>
        {title}
      </figcaption>
      <ol className={`knob-list knob-list--${size}`}>
        {shown.map((knob) => (
          <li key={knob.id} className="knob-list__item" data-knob={knob.id}>
            <span className="knob-list__rank" aria-hidden="true">
              {knob.rank}
            </span>
            <p className="knob-list__text">{statementLabel(knob)}</p>
            <p className="knob-list__meta">
              {`${knob.dimension} · `}
              {t('knobFigures', { mean: f.mean(knob.chainMean), gap: f.mean(knob.gap) })}
            </p>
            <p className="knob-list__why">
              {`${t('why')}: ${knobReasonText(knob.reason, t)}`}
              {knob.isDiscussionPoint ? (
                <span className="knob-list__flag" data-discussion-point>
                  <svg width="1em" height="1em" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <line x1="2" y1="1" x2="2" y2="15" stroke="currentColor" strokeWidth="2" />
                    <path d="M2,1 L14,4.5 L2,8 Z" fill="currentColor" />
                  </svg>
                  {t('discussionPoint')}
                </span>
              ) : null}
            </p>
          </li>
        ))}
      </ol>
    </figure>
  );
}

/** The knobs as a table (rank, statement, theme, chain mean, gap, priority, why). */
export function KnobTable({ title, language, knobs, maxItems }: Pick<KnobListProps, 'title' | 'language' | 'knobs' | 'maxItems'>) {
  const t = chartText(language);
  const f = getChartFormat(language);
  const rows = maxItems === undefined ? knobs : knobs.slice(0, maxItems);
  const columns: DataTableColumn<KnobRow>[] = [
    { id: 'rank', header: t('rank'), isNumeric: true, render: (knob) => (knob.rank === null ? f.mean(null) : f.count(knob.rank)) },
    { id: 'statement', header: t('statement'), isRowHeader: true, render: statementLabel },
    { id: 'dimension', header: t('dimension'), render: (knob) => knob.dimension },
    { id: 'mean', header: t('chainMean'), isNumeric: true, render: (knob) => f.mean(knob.chainMean) },
    { id: 'gap', header: t('gap'), isNumeric: true, render: (knob) => f.mean(knob.gap) },
    { id: 'priority', header: t('priority'), isNumeric: true, render: (knob) => f.mean(knob.priority) },
    { id: 'why', header: t('why'), render: (knob) => knobReasonText(knob.reason, t) + (knob.isDiscussionPoint ? ` (${t('discussionPoint').toLowerCase()})` : '') },
  ];
  return <DataTable caption={title} columns={columns} rows={rows} getRowKey={(knob) => knob.id} />;
}
