// Saving a chart as an image, entirely in the browser: the SVG is serialised with the styles
// it needs inlined, then downloaded as .svg, or drawn on a canvas and downloaded as .png.
// Nothing is fetched: the charts use system fonts and no external images.

import { ChartExportError } from './exportErrors';
import { charsPerLine, wrapText } from './text';
import { downloadBlob } from '../ui/download';

// The error type lives in its own small file: ChartFrame checks it without loading this module,
// which is imported only when a chart is saved (docs/budgets.md, the results page's first frame).
export { ChartExportError, type ChartExportErrorCode } from './exportErrors';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface SvgExportOptions {
  /** Drawn as a heading above the chart, so a slide or report shows what the image is. */
  heading?: string;
  /** Fill behind everything; default white. */
  background?: string;
}

export interface SerializedSvg {
  markup: string;
  width: number;
  height: number;
}

/** Computed properties copied inline for elements styled by a class (a stylesheet does not travel with the file). */
const INLINED_PROPERTIES = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'visibility'] as const;

/** The size of an <svg>: its width/height attributes, else its viewBox, else its box on screen. */
export function measureSvg(svg: SVGSVGElement): { width: number; height: number } {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  if (width > 0 && height > 0) return { width, height };
  const viewBox = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  if (viewBox.length === 4 && (viewBox[2] ?? 0) > 0 && (viewBox[3] ?? 0) > 0) return { width: viewBox[2]!, height: viewBox[3]! };
  const box = svg.getBoundingClientRect();
  return { width: Math.max(1, Math.round(box.width)), height: Math.max(1, Math.round(box.height)) };
}

function inlineClassStyles(source: Element, target: Element): void {
  if (source.hasAttribute('class') && typeof getComputedStyle === 'function') {
    const computed = getComputedStyle(source);
    // Through CSSOM, not setAttribute('style', …): the app's Content-Security-Policy
    // (style-src 'self', docs/offline-and-security.md) refuses style attributes written as
    // text, but allows properties set one by one. The element's own inline style wins.
    const style = (target as Element & ElementCSSInlineStyle).style;
    for (const name of INLINED_PROPERTIES) {
      const value = computed.getPropertyValue(name);
      if (value !== '' && style.getPropertyValue(name) === '') style.setProperty(name, value);
    }
    target.removeAttribute('class');
  }
  const sourceChildren = Array.from(source.children);
  const targetChildren = Array.from(target.children);
  sourceChildren.forEach((child, i) => {
    const copy = targetChildren[i];
    if (copy) inlineClassStyles(child, copy);
  });
}

/**
 * A standalone SVG document of the chart: explicit width, height and viewBox, a white
 * background, class styles inlined, and optionally a heading band on top.
 */
export function serializeSvg(svg: SVGSVGElement, options: SvgExportOptions = {}): SerializedSvg {
  const { width, height: chartHeight } = measureSvg(svg);
  const background = options.background ?? '#ffffff';
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineClassStyles(svg, clone);

  const fontSize = Number(svg.getAttribute('font-size')) || 14;
  const fontFamily = svg.getAttribute('font-family') ?? 'system-ui, sans-serif';
  const doc = svg.ownerDocument;
  let headingHeight = 0;
  if (options.heading) {
    const headingSize = Math.round(fontSize * 1.4);
    const padding = Math.round(fontSize * 0.8);
    const lines = wrapText(options.heading, charsPerLine(width - 2 * padding, headingSize * 1.05), 3).lines;
    const lineHeight = Math.round(headingSize * 1.25);
    headingHeight = padding * 2 + lines.length * lineHeight;
    const body = doc.createElementNS(SVG_NS, 'g');
    body.setAttribute('transform', `translate(0,${headingHeight})`);
    // Title and description stay first (they describe the whole file); the drawing moves down.
    for (const child of Array.from(clone.childNodes)) {
      if (child instanceof Element && (child.tagName === 'title' || child.tagName === 'desc' || child.tagName === 'defs')) continue;
      body.appendChild(child);
    }
    clone.appendChild(body);
    const text = doc.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(padding));
    text.setAttribute('y', String(padding + headingSize));
    text.setAttribute('font-size', String(headingSize));
    text.setAttribute('font-weight', '700');
    text.setAttribute('data-part', 'export-heading');
    lines.forEach((line, i) => {
      const span = doc.createElementNS(SVG_NS, 'tspan');
      span.setAttribute('x', String(padding));
      span.setAttribute('dy', i === 0 ? '0' : String(lineHeight));
      span.textContent = line;
      text.appendChild(span);
    });
    clone.appendChild(text);
  }
  const height = chartHeight + headingHeight;

  const backdrop = doc.createElementNS(SVG_NS, 'rect');
  backdrop.setAttribute('width', String(width));
  backdrop.setAttribute('height', String(height));
  backdrop.setAttribute('fill', background);
  const firstDrawn = Array.from(clone.children).find((c) => c.tagName !== 'title' && c.tagName !== 'desc' && c.tagName !== 'defs');
  clone.insertBefore(backdrop, firstDrawn ?? null);

  // The namespace comes from the serialiser; an xmlns attribute as well would be declared twice.
  clone.removeAttribute('xmlns');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.setAttribute('font-family', fontFamily);
  // Screen-only sizing (max-width, height: auto) must not shrink the file. cssText, a CSSOM
  // setter, replaces the whole inline style without tripping the CSP (see above).
  clone.style.cssText = 'font-variant-numeric: tabular-nums';
  let xml = new XMLSerializer().serializeToString(clone);
  if (!/^<svg[^>]*\sxmlns="/.test(xml)) xml = xml.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
  return { markup, width, height };
}

/** 'fullHd': a 1920×1080 slide, the chart fitted and centred; 'double': twice the on-screen size. */
export type PngTarget = 'fullHd' | 'double';

export interface PngGeometry {
  canvasWidth: number;
  canvasHeight: number;
  drawX: number;
  drawY: number;
  drawWidth: number;
  drawHeight: number;
}

export const FULL_HD = { width: 1920, height: 1080 } as const;

export function computePngGeometry(width: number, height: number, target: PngTarget): PngGeometry {
  if (target === 'double') {
    return { canvasWidth: Math.round(width * 2), canvasHeight: Math.round(height * 2), drawX: 0, drawY: 0, drawWidth: Math.round(width * 2), drawHeight: Math.round(height * 2) };
  }
  const scale = Math.min(FULL_HD.width / width, FULL_HD.height / height);
  const drawWidth = Math.round(width * scale);
  const drawHeight = Math.round(height * scale);
  return { canvasWidth: FULL_HD.width, canvasHeight: FULL_HD.height, drawX: Math.round((FULL_HD.width - drawWidth) / 2), drawY: Math.round((FULL_HD.height - drawHeight) / 2), drawWidth, drawHeight };
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new ChartExportError('image-load-failed'));
    image.src = url;
  });
}

/** Draws the chart on a canvas of the target size (white background) and encodes it as PNG. */
export async function renderPng(svg: SVGSVGElement, target: PngTarget, options: SvgExportOptions = {}): Promise<Blob> {
  const { markup, width, height } = serializeSvg(svg, options);
  const geometry = computePngGeometry(width, height, target);
  // A data: URL rather than a blob: URL keeps the canvas untainted in every browser.
  const image = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`);
  const canvas = document.createElement('canvas');
  canvas.width = geometry.canvasWidth;
  canvas.height = geometry.canvasHeight;
  const context = canvas.getContext('2d');
  if (!context) throw new ChartExportError('no-canvas');
  context.fillStyle = options.background ?? '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, geometry.drawX, geometry.drawY, geometry.drawWidth, geometry.drawHeight);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new ChartExportError('encode-failed');
  return blob;
}

/** A safe file name from a chart title: letters, digits and dashes. */
export function toFileName(base: string, extension: 'svg' | 'png', suffix = ''): string {
  const stem =
    base
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'grafiek';
  return `${stem}${suffix}.${extension}`;
}

export function downloadSvg(svg: SVGSVGElement, fileName: string, options: SvgExportOptions = {}): void {
  const { markup } = serializeSvg(svg, options);
  downloadBlob(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }), toFileName(fileName, 'svg'));
}

export async function downloadPng(svg: SVGSVGElement, fileName: string, target: PngTarget, options: SvgExportOptions = {}): Promise<void> {
  const blob = await renderPng(svg, target, options);
  downloadBlob(blob, toFileName(fileName, 'png', target === 'double' ? '@2x' : '-1920x1080'));
}
