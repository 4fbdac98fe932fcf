import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KeywordCloud, KeywordTable, rankKeywords } from '../../../src/charts/KeywordCloud';
import { getChart, normaliseSvg, tableRows } from './helpers';

const words = [
  { text: 'traag', count: 3 },
  { text: 'betrokken', count: 9 },
  { text: 'open', count: 3 },
  { text: 'leeg', count: 0 },
  { text: 'samen', count: 5 },
];

describe('KeywordCloud', () => {
  it('ranks by count, then alphabetically, without zero counts, up to maxWords', () => {
    expect(rankKeywords(words, 'nl').map((w) => w.text)).toEqual(['betrokken', 'samen', 'open', 'traag']);
    expect(rankKeywords(words, 'nl', 2).map((w) => w.text)).toEqual(['betrokken', 'samen']);
  });

  it('draws each word once, sized by count, with its count visible', () => {
    const { container } = render(<KeywordCloud title="Woorden" language="nl" words={words} />);
    const svg = screen.getByRole('img', { name: 'Woorden' });
    expect(svg).toBe(getChart(container));
    const drawn = Array.from(svg.querySelectorAll('[data-word]'));
    expect(drawn.map((w) => w.getAttribute('data-word'))).toEqual(['betrokken', 'samen', 'open', 'traag']);
    expect(drawn.map((w) => w.querySelector('[data-count]')?.textContent)).toEqual(['9', '5', '3', '3']);
    const size = (word: string) => Number(svg.querySelector(`[data-word="${word}"] tspan[font-weight]`)!.getAttribute('font-size'));
    expect(size('betrokken')).toBeGreaterThan(size('samen'));
    expect(size('samen')).toBeGreaterThan(size('open'));
    expect(size('open')).toBe(size('traag'));
  });

  it('says so when there are no words', () => {
    const svg = getChart(render(<KeywordCloud title="W" language="en" words={[]} />).container);
    expect(svg.querySelector('[data-no-data]')?.textContent).toBe('no data');
  });

  it('lays out the same words the same way every time', () => {
    const a = normaliseSvg(getChart(render(<KeywordCloud title="W" language="nl" words={words} />).container));
    const b = normaliseSvg(getChart(render(<KeywordCloud title="W" language="nl" words={[...words].reverse()} />).container));
    expect(a).toBe(b);
  });

  it('has a table with words and counts in the same order', () => {
    render(<KeywordTable title="Woorden" language="nl" words={words} />);
    expect(tableRows(screen.getByRole('table', { name: 'Woorden' }))).toEqual([
      ['betrokken', '9'],
      ['samen', '5'],
      ['open', '3'],
      ['traag', '3'],
    ]);
  });
});
