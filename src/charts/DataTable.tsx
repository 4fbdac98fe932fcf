import type { ReactNode } from 'react';
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

/** The accessible table behind every chart: caption, column and row headers, numbers aligned. */
export function DataTable<Row>({ caption, columns, rows, getRowKey, note }: DataTableProps<Row>) {
  const isInFrame = useIsInChartFrame();
  return (
    <div className="chart-table">
      <table className="data-table chart-table__table">
        <caption className={isInFrame ? 'visually-hidden' : undefined}>{caption}</caption>
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
