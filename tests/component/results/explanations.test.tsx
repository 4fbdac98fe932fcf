import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyseScanProtected } from '../../../src/domain/analysis';
import { createScan } from '../../../src/domain/scan';
import type { Answer, Response } from '../../../src/domain/types';
import { ExplanationList, VIEW_TOPICS, ViewExplanations } from '../../../src/features/results/Explanations';
import { ALL_TOPICS, explainMessages } from '../../../src/features/results/explainMessages';
import { translate } from '../../../src/i18n/defineMessages';
import { RESULT_VIEW_IDS } from '../../../src/features/results/views/viewIds';
import { useUiStore } from '../../../src/state/uiStore';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';

// "What does this mean?": each view explains the ideas it shows and no others, so the paragraph
// about p and discussion points stands only where p and flags are shown (docs/language.md).

const scan = createScan({ id: 'explain', title: 'Uitleg', date: '2026-12-01', organisationNames: ['Politie', 'Gemeente'], now: new Date('2026-12-01T09:00:00Z') });
const [pol, gem] = scan.organisations.map((o) => o.id) as [string, string];
let next = 0;
// Three people per partner: both groups are under the indicative size (5), so "*" is explained.
const responses: Response[] = [pol, gem].flatMap((org, side) =>
  [1, 2, 3].map((k) => ({ ...makeResponse(`r${++next}`, org, null, { q01: ((side * 2 + k) as Answer) }), scanId: scan.id })),
);
const analysis = analyseScanProtected({ instrument: scan.instrument, organisations: scan.organisations, responses, settings: scan.settings });

const topicsShown = (container: HTMLElement) => [...container.querySelectorAll('[data-topic]')].map((el) => el.getAttribute('data-topic'));

beforeEach(() => useUiStore.getState().setLanguage('nl'));

describe('what a view means', () => {
  it('explains p and discussion points under the gap view only', () => {
    for (const viewId of RESULT_VIEW_IDS) {
      const { container, unmount } = render(<ViewExplanations viewId={viewId} analysis={analysis} />);
      const shown = topicsShown(container);
      expect(shown.includes('p'), viewId).toBe(viewId === 'gap');
      if (VIEW_TOPICS[viewId].length > 0) expect(shown).toEqual([...VIEW_TOPICS[viewId], 'indicative']);
      else expect(container.querySelector('details')).toBeNull();
      unmount();
    }
  });

  it('puts the plain sentence before the statistical detail, with the scan’s own threshold', () => {
    render(<ViewExplanations viewId="gap" analysis={analysis} />);
    const p = screen.getByText('p en bespreekpunt').closest('[data-topic]') as HTMLElement;
    const paragraphs = within(p).getAllByText(/./, { selector: 'p' }).map((el) => el.textContent ?? '');
    expect(paragraphs[0]).toMatch(/^Met weinig mensen per partner kan toeval alleen al een groot verschil geven\./);
    expect(paragraphs[0]).toContain(`minstens ${scan.settings.gapThreshold.toFixed(2).replace('.', ',')} punt`);
    expect(paragraphs.at(-1)).toMatch(/^Voor wie het precies wil weten: de toets is Kruskal–Wallis/);
    expect(p.textContent).not.toMatch(/\{\w+\}/);
  });

  it('says what * means only when a group is marked indicative', () => {
    const big = analyseScanProtected({
      instrument: scan.instrument,
      organisations: scan.organisations,
      responses: [pol, gem].flatMap((org) => [1, 2, 3, 4, 5].map(() => ({ ...makeResponse(`b${++next}`, org, null, { q01: 3 }), scanId: scan.id }))),
      settings: scan.settings,
    });
    const { container } = render(<ExplanationList topics={ALL_TOPICS} analysis={big} />);
    expect(topicsShown(container)).toEqual([...ALL_TOPICS]);
  });

  it('reads in English when English is chosen', () => {
    useUiStore.getState().setLanguage('en');
    render(<ExplanationList topics={['thermostat']} analysis={analysis} />);
    expect(screen.getByText(translate(explainMessages, 'en', 'explain_thermostat'))).toBeInTheDocument();
  });
});
