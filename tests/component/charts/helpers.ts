import { within } from '@testing-library/react';

/**
 * Markup of a chart's <svg> for snapshots: numbers rounded to whole pixels (so sub-pixel layout
 * changes do not churn snapshots) and React's generated ids renamed in order of appearance.
 */
export function normaliseSvg(svg: Element): string {
  const ids = new Map<string, string>();
  const html = svg.outerHTML;
  for (const match of html.matchAll(/id="([^"]+)"/g)) {
    const id = match[1]!;
    if (!ids.has(id)) ids.set(id, `id${ids.size}`);
  }
  let result = html;
  for (const [id, replacement] of ids) result = result.split(id).join(replacement);
  return result
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n))))
    .replace(/></g, '>\n<');
}

/** The one <svg role="img"> of a rendered chart. */
export function getChart(container: HTMLElement): SVGSVGElement {
  const svg = container.querySelector('svg[role="img"]');
  if (!(svg instanceof SVGSVGElement)) throw new Error('no chart svg');
  return svg;
}

/** Texts of all <text> elements (tspans joined by a space), in document order. */
export function svgTexts(root: Element): string[] {
  return Array.from(root.querySelectorAll('text')).map((text) => {
    const spans = Array.from(text.querySelectorAll('tspan'));
    return spans.length > 0 ? spans.map((s) => s.textContent ?? '').join(' ') : (text.textContent ?? '');
  });
}

/** Cell texts of a table body, row by row. */
export function tableRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent ?? ''));
}
