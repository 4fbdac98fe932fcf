import { describe, expect, it } from 'vitest';
import { analyseScan } from '../../../src/domain/analysis';
import { completeCounts, rankByVotes, voteOptionsFromAnalysis } from '../../../src/domain/agreements/voteOptions';
import { generateDemoScan } from '../../../src/domain/demo/generateDemoScan';

describe('the ballot', () => {
  it('lists every discussion point, then every uncertain difference, each in instrument order', () => {
    const { scan, responses } = generateDemoScan({ now: new Date('2026-12-07T10:00:00Z') });
    const analysis = analyseScan({ instrument: scan.instrument, organisations: scan.organisations, responses, settings: scan.settings });
    const options = voteOptionsFromAnalysis(analysis);
    const order = analysis.statements.map((s) => s.itemId);
    const points = analysis.statements.filter((s) => s.gapClass === 'discussionPoint').map((s) => s.itemId);
    const uncertain = analysis.statements.filter((s) => s.gapClass === 'uncertainDifference').map((s) => s.itemId);
    expect(points.length).toBeGreaterThan(0);
    expect(options.map((o) => o.itemId)).toEqual([...points, ...uncertain]);
    expect(options.filter((o) => o.kind === 'discussionPoint').map((o) => order.indexOf(o.itemId))).toEqual([...points.map((id) => order.indexOf(id))].sort((a, b) => a - b));
  });

  it('completes counts with zeros and drops counts for statements not on the ballot', () => {
    const options = [
      { itemId: 'q01', kind: 'discussionPoint' as const },
      { itemId: 'q02', kind: 'uncertainDifference' as const },
    ];
    expect(completeCounts(options, { q02: 4, q09: 3 })).toEqual({ q01: 0, q02: 4 });
    expect(rankByVotes(options, { q02: 4 }).map((o) => o.itemId)).toEqual(['q02', 'q01']);
    expect(rankByVotes(options, {}).map((o) => o.itemId)).toEqual(['q01', 'q02']);
  });
});
