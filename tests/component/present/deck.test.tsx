import { render } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyseScanProtected, type ScanAnalysis } from '../../../src/domain/analysis';
import { createScan } from '../../../src/domain/scan';
import type { Answer } from '../../../src/domain/types';
import { DiscussionSlide } from '../../../src/features/present/DiscussionSlide';
import { ReadingSlide } from '../../../src/features/present/ReadingSlide';
import { ResultView } from '../../../src/features/results/views/ResultView';
import { useUiStore } from '../../../src/state/uiStore';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';

// Issue 25, the projector: plain words before the statistics, and a gap table that fits a slide
// (docs/presenter.md).

const scan = createScan({ id: 'scan-deck', title: 'Workshop', date: '2026-11-22', organisationNames: ['Politie', 'Gemeente'], now: new Date('2026-11-22T10:00:00Z') });
const [pol, gem] = scan.organisations.map((o) => o.id) as [string, string];
let nextId = 0;
const respond = (organisationId: string, answers: Record<string, Answer>) => makeResponse(`d${++nextId}`, organisationId, null, answers);
// Three people a partner (indicative groups); q01 far apart, q02 the same.
const responses = [1, 2, 3].flatMap(() => [respond(pol, { q01: 1, q02: 3 }), respond(gem, { q01: 5, q02: 3 })]);
const analysis = analyseScanProtected({ instrument: scan.instrument, organisations: scan.organisations, responses, settings: scan.settings });
const noneIndicative: ScanAnalysis = { ...analysis, groups: analysis.groups.map((g) => ({ ...g, isIndicative: false })) };

beforeEach(() => useUiStore.getState().setLanguage('nl'));

const headers = (container: HTMLElement) => Array.from(container.querySelectorAll('thead th')).map((th) => th.textContent ?? '');

describe('the gap table on the projector', () => {
  it('keeps statement, each group, gap, flag and p, and leaves the chain figures to the discussion slides', () => {
    const { container } = render(<ResultView viewId="gap" scan={scan} analysis={analysis} size="projector" showTable page={{ statementIds: ['q01'] }} />);
    expect(headers(container)).toEqual(['Stelling', 'Politie *', 'Gemeente *', 'Verschil', 'Bespreekpunt', 'p (toets)']);
    expect(container.querySelector('.chart-table__note')?.textContent).toBe('* indicatief: kleine groep · Ketengemiddelde, gewogen gemiddelde en consensus: op de dia van elk bespreekpunt.');
    // "< 0,001" or "= 0,002": the p never splits after its sign.
    const p = container.querySelector('tbody tr td:last-child')?.textContent ?? '';
    expect(p).toMatch(/^[<=>]?\u00a0?\d/);
    expect(p).not.toMatch(/^[<=>] /);
  });

  it('keeps the full table on the screen', () => {
    const { container } = render(<ResultView viewId="gap" scan={scan} analysis={analysis} size="screen" showTable page={{ statementIds: ['q01'] }} bare />);
    expect(headers(container)).toEqual(['Stelling', 'Politie *', 'Gemeente *', 'Ketengemiddelde', 'Gewogen naar deelnemers', 'Consensus (0–1)', 'Verschil', 'Bespreekpunt', 'p (toets)']);
  });
});

describe('the reading slide', () => {
  it('explains thermometer, thermostat, average, gap, p and consensus in plain words, without the statistical detail', () => {
    const { container } = render(<ReadingSlide analysis={noneIndicative} />);
    const topics = Array.from(container.querySelectorAll('[data-topic]')).map((el) => el.getAttribute('data-topic'));
    expect(topics).toEqual(['thermometer', 'thermostat', 'mean', 'gap', 'p', 'consensus']);
    expect(container.querySelector('[data-topic="consensus"] dd')?.textContent).toMatch(/^Consensus is een getal van 0 tot 1\./);
    expect(container.textContent).not.toContain('Kruskal');
    expect(container.textContent).not.toContain('Het ketengemiddelde laat elke partner even zwaar tellen');
    // Every placeholder is filled: the p sentence names the scan's threshold and the level of evidence.
    expect(container.textContent).not.toMatch(/\{\w+\}/);
    expect(container.querySelector('[data-topic="p"] dd')?.textContent).toContain('p onder 0,10');
  });

  it('adds the asterisk only when a group is indicative', () => {
    const { container } = render(<ReadingSlide analysis={analysis} />);
    expect(container.querySelector('[data-topic="indicative"] dd')?.textContent).toContain('minder dan 5 deelnemers');
  });

  it('speaks English when the presenter does', () => {
    useUiStore.getState().setLanguage('en');
    const { container } = render(<ReadingSlide analysis={noneIndicative} />);
    expect(container.querySelector('dt')?.textContent).toBe('Thermometer');
    expect(container.querySelector('[data-topic="gap"] dd')?.textContent).toMatch(/^The gap is the highest average/);
  });
});

describe('the discussion slide in plain words', () => {
  const point = analysis.statements.find((s) => s.itemId === 'q01')!;

  it('says what the p means before the p, as the flag says', () => {
    const { container } = render(<DiscussionSlide scan={scan} analysis={analysis} statement={{ ...point, gapClass: 'discussionPoint', isDiscussionPoint: true }} comments={null} />);
    expect(container.querySelector('.discussion-slide__kind')?.textContent).toMatch(/ · verschil 4,00 punt · zelden toeval: p [=<] 0,\d+/);
    const uncertain = render(<DiscussionSlide scan={scan} analysis={analysis} statement={{ ...point, gapClass: 'uncertainDifference', isDiscussionPoint: false }} comments={null} />);
    expect(uncertain.container.querySelector('.discussion-slide__kind')?.textContent).toContain(' · kan toeval zijn: p ');
  });

  it('says what consensus measures before its number', () => {
    const { container } = render(<DiscussionSlide scan={scan} analysis={analysis} statement={point} comments={null} />);
    expect(container.querySelector('[data-consensus]')?.textContent).toBe('Eensgezindheid (consensus): 0,00 · 1 = iedereen hetzelfde, 0 = verdeeld');
    expect(container.querySelector('[data-chain]')?.textContent).not.toContain('consensus');
  });
});
