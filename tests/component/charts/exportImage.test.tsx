import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computePngGeometry, renderPng, serializeSvg, toFileName } from '../../../src/charts/exportImage';
import { GapDotPlot } from '../../../src/charts/GapDotPlot';
import { getChart } from './helpers';

afterEach(() => vi.unstubAllGlobals());

function renderChart() {
  const { container } = render(
    <GapDotPlot title="Verschillen" language="nl" width={700} groups={[{ id: 'a', label: 'Politie', isIndicative: false }, { id: 'b', label: 'Gemeente', isIndicative: false }]} rows={[{ id: 'q1', number: 1, text: 'Stelling', points: [{ groupId: 'a', mean: 2, n: 3, dk: 0 }, { groupId: 'b', mean: 4, n: 5, dk: 0 }], chainMean: 3, gap: 2, isDiscussionPoint: true, isUncertainDifference: false, p: null, weightedMean: null, consensus: null }]} />,
  );
  return getChart(container);
}

function parse(markup: string): SVGSVGElement {
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  return doc.documentElement as unknown as SVGSVGElement;
}

describe('serializeSvg', () => {
  it('makes a standalone SVG with width, height, viewBox, namespace and a white background', () => {
    const svg = renderChart();
    const { markup, width, height } = serializeSvg(svg);
    expect(markup.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const doc = parse(markup);
    expect(doc.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(width).toBe(700);
    expect(height).toBe(Number(svg.getAttribute('height')));
    expect(doc.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
    expect(doc.getAttribute('style')).not.toContain('max-width');
    const backdrop = Array.from(doc.children).find((c) => c.tagName === 'rect')!;
    expect(backdrop.getAttribute('fill')).toBe('#ffffff');
    expect(backdrop.getAttribute('width')).toBe('700');
    expect(doc.querySelector('title')?.textContent).toBe('Verschillen');
    expect(doc.querySelector('parsererror')).toBeNull();
  });

  it('adds the heading above the chart and grows the image by its height', () => {
    const svg = renderChart();
    const plain = serializeSvg(svg);
    const withHeading = serializeSvg(svg, { heading: 'Perceptieverschillen, workshop 22 november' });
    expect(withHeading.height).toBeGreaterThan(plain.height);
    const doc = parse(withHeading.markup);
    expect(doc.querySelector('[data-part="export-heading"]')?.textContent).toBe('Perceptieverschillen, workshop 22 november');
    const moved = Array.from(doc.children).find((c) => c.tagName === 'g' && c.getAttribute('transform')?.startsWith('translate(0,'));
    expect(moved?.querySelector('[data-row="q1"]')).not.toBeNull();
    // The original chart is untouched.
    expect(svg.querySelector('[data-part="export-heading"]')).toBeNull();
  });

  it('inlines computed styles of class-styled elements', () => {
    const svg = renderChart();
    const styled = svg.querySelector('[data-row="q1"] text')!;
    styled.setAttribute('class', 'from-stylesheet');
    const style = document.createElement('style');
    style.textContent = '.from-stylesheet { font-weight: 700; }';
    document.head.appendChild(style);
    const doc = parse(serializeSvg(svg).markup);
    const copy = doc.querySelector('[data-row="q1"] text')!;
    expect(copy.getAttribute('class')).toBeNull();
    expect(copy.getAttribute('style')).toMatch(/font-weight:\s*700/);
    style.remove();
  });

  it('keeps an element\'s own inline style over its class style, and sets styles without writing a style attribute as text', () => {
    const svg = renderChart();
    const styled = svg.querySelector('[data-row="q1"] text') as SVGTextElement;
    styled.setAttribute('class', 'from-stylesheet');
    styled.style.fontWeight = '400';
    const style = document.createElement('style');
    style.textContent = '.from-stylesheet { font-weight: 700; font-style: italic; }';
    document.head.appendChild(style);
    // Under the app's CSP a style attribute written as text is refused; CSSOM is allowed.
    const setAttribute = vi.spyOn(Element.prototype, 'setAttribute');
    const doc = parse(serializeSvg(svg).markup);
    expect(setAttribute.mock.calls.filter(([name]) => name === 'style')).toEqual([]);
    const copy = doc.querySelector('[data-row="q1"] text')!;
    expect(copy.getAttribute('style')).toMatch(/font-weight:\s*400/);
    expect(copy.getAttribute('style')).toMatch(/font-style:\s*italic/);
    style.remove();
  });
});

describe('PNG export', () => {
  it('fits the chart centred in 1920×1080, or doubles its size', () => {
    expect(computePngGeometry(800, 600, 'fullHd')).toEqual({ canvasWidth: 1920, canvasHeight: 1080, drawX: 240, drawY: 0, drawWidth: 1440, drawHeight: 1080 });
    expect(computePngGeometry(1600, 400, 'fullHd')).toEqual({ canvasWidth: 1920, canvasHeight: 1080, drawX: 0, drawY: 300, drawWidth: 1920, drawHeight: 480 });
    expect(computePngGeometry(800, 600, 'double')).toMatchObject({ canvasWidth: 1600, canvasHeight: 1200, drawWidth: 1600, drawHeight: 1200 });
  });

  it('draws the serialised SVG on a white canvas of the target size and encodes a PNG', async () => {
    const svg = renderChart();
    const sources: string[] = [];
    class LoadingImage {
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      set src(url: string) {
        sources.push(url);
        queueMicrotask(() => this.onload?.());
      }
    }
    vi.stubGlobal('Image', LoadingImage);
    const calls: string[] = [];
    const context = {
      fillStyle: '',
      fillRect: (...args: number[]) => calls.push(`fillRect ${args.join(',')} ${context.fillStyle}`),
      drawImage: (_image: unknown, ...args: number[]) => calls.push(`drawImage ${args.join(',')}`),
    };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as unknown as CanvasRenderingContext2D);
    const sizes: string[] = [];
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (this: HTMLCanvasElement, callback: BlobCallback) {
      sizes.push(`${this.width}x${this.height}`);
      callback(new Blob(['png'], { type: 'image/png' }));
    });
    const blob = await renderPng(svg, 'double');
    expect(blob.type).toBe('image/png');
    const height = Number(svg.getAttribute('height'));
    expect(sizes).toEqual([`1400x${height * 2}`]);
    expect(calls).toEqual([`fillRect 0,0,1400,${height * 2} #ffffff`, `drawImage 0,0,1400,${height * 2}`]);
    expect(sources[0]!.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(sources[0]!)).toContain('Verschillen');
  });

  it('reports a picture that does not load', async () => {
    class FailingImage {
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      set src(_url: string) {
        queueMicrotask(() => this.onerror?.());
      }
    }
    vi.stubGlobal('Image', FailingImage);
    await expect(renderPng(renderChart(), 'fullHd')).rejects.toMatchObject({ code: 'image-load-failed' });
  });
});

describe('toFileName', () => {
  it('makes a safe, readable file name', () => {
    expect(toFileName('Thermometer × thermostaat: ketenindex', 'png', '@2x')).toBe('thermometer-thermostaat-ketenindex@2x.png');
    expect(toFileName('Één café', 'svg')).toBe('een-cafe.svg');
    expect(toFileName('***', 'svg')).toBe('grafiek.svg');
  });
});
