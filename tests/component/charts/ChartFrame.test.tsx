import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChartFrame } from '../../../src/charts/ChartFrame';
import { DataTable } from '../../../src/charts/DataTable';
import type { IndexColumn } from '../../../src/charts/model/chartData';
import { ThermometerChart, ThermometerTable } from '../../../src/charts/ThermometerChart';

const columns: IndexColumn[] = [
  { id: 'a', label: 'Politie', value: 3.5, band: 'attention', n: 6, isChain: false, isIndicative: false },
  { id: '__chain__', label: 'Keten', value: 3.5, band: 'attention', n: 6, isChain: true, isIndicative: false },
];

function renderFrame(language: 'nl' | 'en' = 'nl') {
  return render(
    <ChartFrame title="Thermometer" language={language} table={<ThermometerTable title="Thermometer" language={language} columns={columns} />}>
      <ThermometerChart title="Thermometer" language={language} columns={columns} chainMean={3.5} />
    </ChartFrame>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('DataTable', () => {
  it('has a caption, column headers, row headers and right-aligned numbers', () => {
    render(
      <DataTable
        caption="Cijfers"
        columns={[
          { id: 'name', header: 'Groep', isRowHeader: true, render: (r: { name: string; n: number }) => r.name },
          { id: 'n', header: 'n', isNumeric: true, render: (r: { name: string; n: number }) => r.n },
        ]}
        rows={[{ name: 'Politie', n: 4 }]}
        getRowKey={(r) => r.name}
      />,
    );
    const table = screen.getByRole('table', { name: 'Cijfers' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.getAttribute('scope'))).toEqual(['col', 'col']);
    expect(within(table).getByRole('rowheader', { name: 'Politie' })).toHaveAttribute('scope', 'row');
    expect(within(table).getByRole('cell', { name: '4' })).toHaveClass('num');
  });
});

describe('ChartFrame', () => {
  it('shows the title as a heading and keeps the chart named by it', () => {
    renderFrame();
    expect(screen.getByRole('heading', { level: 2, name: 'Thermometer' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Thermometer' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Thermometer' })).toBeInTheDocument();
    // The figure caption stays for screen readers only: no second visible title.
    expect(document.querySelector('figcaption')).toHaveClass('visually-hidden');
  });

  it('toggles between chart and table', async () => {
    const user = userEvent.setup();
    renderFrame();
    const toggle = screen.getByRole('button', { name: 'Toon als tabel' });
    // The label says what a press does, so it is not also a pressed/unpressed toggle.
    expect(toggle).not.toHaveAttribute('aria-pressed');
    expect(document.getElementById(toggle.getAttribute('aria-controls') ?? '')).toContainElement(document.querySelector('svg[role="img"]'));
    expect(screen.queryByRole('table')).toBeNull();
    await user.click(toggle);
    expect(toggle).toHaveAccessibleName('Toon als grafiek');
    expect(screen.queryByRole('button', { name: 'Toon als tabel' })).toBeNull();
    expect(screen.getByRole('table', { name: 'Thermometer' })).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: 'Thermometer' })).toBeNull();
    await user.click(toggle);
    expect(toggle).toHaveAccessibleName('Toon als tabel');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('img', { name: 'Thermometer' })).toBeInTheDocument();
  });

  it('offers SVG and two PNG sizes, in English too', () => {
    renderFrame('en');
    for (const name of ['Show as table', 'Save as SVG', 'Save as PNG (1920 × 1080)', 'Save as PNG (2×)']) expect(screen.getByRole('button', { name })).toBeInTheDocument();
  });

  it('downloads the chart as an .svg file named after the title', async () => {
    const user = userEvent.setup();
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:chart');
    const revokeObjectURL = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL }));
    const clicks: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    renderFrame();
    await user.click(screen.getByRole('button', { name: 'Opslaan als SVG' }));
    // The export code loads on the first save (docs/budgets.md), so the download follows a moment later.
    await vi.waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(clicks).toEqual(['thermometer.svg']);
    const blob = createObjectURL.mock.calls[0]![0];
    expect(blob.type).toBe('image/svg+xml;charset=utf-8');
    const text = await blob.text();
    expect(text).toContain('<svg');
    expect(text).toContain('Thermometer');
  });

  it('shows a translated message when a PNG cannot be made', async () => {
    const user = userEvent.setup();
    class LoadingImage {
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      set src(_url: string) {
        queueMicrotask(() => this.onload?.());
      }
    }
    vi.stubGlobal('Image', LoadingImage);
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    renderFrame();
    await user.click(screen.getByRole('button', { name: 'Opslaan als PNG (1920 × 1080)' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Het opslaan van de afbeelding is niet gelukt: deze browser kan geen afbeelding tekenen (canvas ontbreekt).'));
    expect(screen.getByRole('button', { name: 'Opslaan als PNG (1920 × 1080)' })).toBeEnabled();
  });
});
