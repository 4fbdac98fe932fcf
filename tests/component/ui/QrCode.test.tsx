import { render } from '@testing-library/react';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QrCode } from '../../../src/ui/QrCode';

/** Rasterises the drawn modules and reads them back with the same decoder the director's camera uses. */
function decodeDrawnQr(container: HTMLElement): string | null {
  const svg = container.querySelector('svg')!;
  const size = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
  const d = svg.querySelector('path')!.getAttribute('d')!;
  const scale = 6;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const match of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    const x0 = Number(match[1]) * scale;
    const y0 = Number(match[2]) * scale;
    for (let y = y0; y < y0 + scale; y++) for (let x = x0; x < x0 + scale; x++) pixels.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
  }
  return jsQR(pixels, width, width)?.data ?? null;
}

describe('QrCode', () => {
  it('draws a code that decodes to the same text, accents included', () => {
    const text = 'KS1:["3f0c…",{"improvement":"Eén plan per gezin — ‘samen’ ü"}]';
    const { container, getByRole } = render(<QrCode text={text} label="QR-code met uw antwoorden" />);
    expect(getByRole('img', { name: 'QR-code met uw antwoorden' })).toBeInTheDocument();
    expect(decodeDrawnQr(container)).toBe(text);
  });
});
