import { render } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyseScanProtected, orderByEvidence, type ScanAnalysis, type StatementAnalysis } from '../../../src/domain/analysis';
import type { KruskalWallisResult } from '../../../src/domain/analysis';
import { createScan } from '../../../src/domain/scan';
import type { Answer } from '../../../src/domain/types';
import { ResultView } from '../../../src/features/results/views/ResultView';
import { useUiStore } from '../../../src/state/uiStore';
import { makeResponse } from '../../fixtures/analysis/handComputedScan';

// The presenter cuts the gap view into slides in evidence order (discussion points first, smallest
// p first, then the large gaps that could be chance); each slide keeps that order and says so
// (docs/presenter.md). Before, each slide sorted its own rows by gap.

const scan = createScan({ id: 'scan-order', title: 'Workshop', date: '2026-11-22', organisationNames: ['Politie', 'Gemeente'], now: new Date('2026-11-22T10:00:00Z') });
const [pol, gem] = scan.organisations.map((o) => o.id) as [string, string];
let nextId = 0;
const respond = (organisationId: string, answers: Record<string, Answer>) => makeResponse(`o${++nextId}`, organisationId, null, answers);
const responses = [1, 2, 3].flatMap(() => [respond(pol, { q01: 2, q02: 2, q03: 2, q04: 3 }), respond(gem, { q01: 4, q02: 4, q03: 4, q04: 3 })]);
const base = analyseScanProtected({ instrument: scan.instrument, organisations: scan.organisations, responses, settings: scan.settings });

// The figures of q01–q03 are set by hand so that the order by gap and by evidence disagree:
// by gap q02 (2.0) > q01 (1.5) > q03 (1.2); by evidence q03 (p 0.01) < q01 (p 0.04) | q02 (could be chance).
const test = (p: number): KruskalWallisResult => ({ ...base.statements[0]!.kruskalWallis!, p });
const patch: Record<string, Partial<StatementAnalysis>> = {
  q01: { gap: 1.5, gapClass: 'discussionPoint', isDiscussionPoint: true, hasLargeGap: true, kruskalWallis: test(0.04) },
  q02: { gap: 2.0, gapClass: 'uncertainDifference', isDiscussionPoint: false, hasLargeGap: true, kruskalWallis: test(0.2) },
  q03: { gap: 1.2, gapClass: 'discussionPoint', isDiscussionPoint: true, hasLargeGap: true, kruskalWallis: test(0.01) },
};
const analysis: ScanAnalysis = { ...base, statements: base.statements.map((s) => ({ ...s, ...patch[s.itemId] })) };

beforeEach(() => useUiStore.getState().setLanguage('nl'));

describe('gap slides in evidence order', () => {
  it('orders the large gaps by evidence, the could-be-chance ones after the discussion points', () => {
    const order = orderByEvidence(analysis.statements).map((s) => s.itemId);
    expect(order.slice(0, 3)).toEqual(['q03', 'q01', 'q02']);
    // The rest follow, largest gap first (q04: 0, no gap at all for the unanswered statements).
    expect(order[3]).toBe('q04');
  });

  it('keeps the evidence order on the slide and states it, with the chance sentence', () => {
    const { container } = render(<ResultView viewId="gap" scan={scan} analysis={analysis} size="projector" showTable={false} page={{ statementIds: ['q01', 'q02', 'q03'] }} />);
    const rows = Array.from(container.querySelectorAll('svg [data-row]')).map((r) => r.getAttribute('data-row'));
    expect(rows).toEqual(['q03', 'q01', 'q02']);
    expect(container.querySelector('[data-testid="gap-order"]')?.textContent).toBe(
      'Volgorde: eerst de bespreekpunten, dan de grote verschillen die toeval kunnen zijn; elk met het sterkste bewijs (kleinste p) bovenaan.',
    );
    const tested = analysis.statements.filter((s) => s.kruskalWallis !== null).length;
    expect(tested).toBe(4);
    expect(container.querySelector('[data-testid="chance-note"]')?.textContent).toBe(
      'Bij 4 getoetste stellingen geeft toeval alleen gemiddeld minder dan één bespreekpunt (p < 0,10), ook als de partners het eigenlijk eens zijn.',
    );
  });

  it('keeps the same order in the table the presenter shows with T', () => {
    const { container } = render(<ResultView viewId="gap" scan={scan} analysis={analysis} size="projector" showTable page={{ statementIds: ['q01', 'q02', 'q03'] }} />);
    const firstCells = Array.from(container.querySelectorAll('tbody tr')).map((tr) => tr.querySelector('th')?.textContent ?? '');
    expect(firstCells.map((text) => text.split('.')[0])).toEqual(['3', '1', '2']);
  });
});
