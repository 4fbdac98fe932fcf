import { useEffect, useId, useState, type ReactNode } from 'react';
import { useIsInChartFrame } from './frameContext';
import './charts.css';

export interface DataTableColumn<Row> {
  id: string;
  header: string;
  /** Numbers are right-aligned in tabular figures. */
  isNumeric?: boolean;
  /** The cell that names the row: rendered as <th scope="row">. */
  isRowHeader?: boolean;
  render: (row: Row) => ReactNode;
}

export interface DataTableProps<Row> {
  caption: string;
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  getRowKey: (row: Row, index: number) => string;
  /** A note under the table (e.g. what "*" means). */
  note?: string;
}

/**
 * Whether the element scrolls sideways. A wide table (many partners) scrolls inside its wrapper;
 * only then is the wrapper a named, focusable region, so keyboard users can scroll it (WCAG 2.1.1,
 * axe "scrollable-region-focusable") without a tab stop on every table that fits.
 */
function useScrollsSideways(): [(element: HTMLDivElement | null) => void, boolean] {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    // Called once on observe and on every size change of the wrapper or its table.
    const observer = new ResizeObserver(() => setScrolls(element.scrollWidth > element.clientWidth + 1));
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, scrolls];
}

/** The accessible table behind every chart: caption, column and row headers, numbers aligned. */
export function DataTable<Row>({ caption, columns, rows, getRowKey, note }: DataTableProps<Row>) {
  const isInFrame = useIsInChartFrame();
  const captionId = useId();
  const [ref, scrolls] = useScrollsSideways();
  return (
    <div className="chart-table" ref={ref} {...(scrolls ? { role: 'region', tabIndex: 0, 'aria-labelledby': captionId } : {})}>
      <table className="data-table chart-table__table">
        <caption id={captionId} className={isInFrame ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col" className={column.isNumeric ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={getRowKey(row, index)}>
              {columns.map((column) =>
                column.isRowHeader ? (
                  <th key={column.id} scope="row" className={column.isNumeric ? 'num' : undefined}>
                    {column.render(row)}
                  </th>
                ) : (
                  <td key={column.id} className={column.isNumeric ? 'num' : undefined}>
                    {column.render(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {note ? <p className="chart-table__note">{note}</p> : null}
    </div>
  );
}
