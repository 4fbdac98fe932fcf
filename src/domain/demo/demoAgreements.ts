import { completeCounts } from '../agreements/voteOptions';
import type { Agreement, VoteOption, VoteRecord } from '../agreements/types';
import type { DemoScan } from './generateDemoScan';
import { createRandom, randomUuid } from './random';

// What the demo's room agreed in round 1, and what round 2 made of it (docs/agreements.md,
// "The demo"): a show of hands over round 1's discussion points, three agreements on the three
// points with the most votes, and in round 2 a follow-up on two of them, the third left for the
// director to judge. Written beside the demo's responses (src/storage/demoRepository.ts); the
// responses themselves are untouched, so every figure of the demo stays as it was.

/**
 * The ballot: round 1's discussion points, as `voteOptionsFromAnalysis` draws them, written out so
 * the demo's chunk does not carry the analysis (a phone may seed the demo on its first start);
 * tests/unit/agreements/demoAgreements.test.ts holds it equal to the analysis.
 */
const DEMO_BALLOT: readonly string[] = ['q01', 'q05', 'q06', 'q07', 'q08', 'q11', 'q13'];

/** Votes per statement in the demo's show of hands (26 people, 3 votes each: 68 of 78 given). */
const DEMO_VOTES: Readonly<Record<string, number>> = { q05: 21, q08: 17, q11: 12, q01: 6, q06: 5, q07: 4, q13: 3 };

interface DemoAgreementPlan {
  itemId: string;
  what: string;
  partnerIds: string[];
  /** Months after the workshop. */
  dueInMonths: number;
  followUp: { status: 'done' | 'underway'; note: string } | null;
}

const PLANS: readonly DemoAgreementPlan[] = [
  {
    itemId: 'q05',
    what: 'Per gezin wijzen we in het eerste overleg één casusregisseur aan, en leggen we dat vast in het gezinsplan.',
    partnerIds: ['gemeente', 'jeugdbescherming'],
    dueInMonths: 3,
    followUp: { status: 'done', note: 'Vastgelegd in het convenant; elk nieuw gezin heeft sinds maart één regisseur.' },
  },
  {
    itemId: 'q08',
    what: 'Een privacyprotocol zodat informatie vóór het ketenoverleg gedeeld kan worden.',
    partnerIds: ['politie', 'veiligheidshuis'],
    dueInMonths: 4,
    followUp: { status: 'underway', note: 'Protocol ligt ter ondertekening bij de juristen.' },
  },
  {
    itemId: 'q11',
    what: 'Het ketenoverleg wordt korter en vaker, zodat het minder tijd voor gezinnen kost.',
    partnerIds: ['gemeente', 'william-schrikker-groep', 'parlan'],
    dueInMonths: 2,
    followUp: null,
  },
];

const addMonths = (date: string, months: number): string => {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** The demo's vote and agreements in round 1, with round 2's follow-ups set on them. */
export function generateDemoAgreements([first, second]: readonly [DemoScan, DemoScan]): { votes: VoteRecord[]; agreements: Agreement[] } {
  // A seed of its own: the scans' seed would draw the round's own scan id again as the vote's id.
  const random = createRandom(20261207);
  const options = DEMO_BALLOT.map((itemId): VoteOption => ({ itemId, kind: 'discussionPoint' }));
  const workshop = (time: string) => `${first.scan.date}T${time}.000Z`;
  const vote: VoteRecord = {
    id: randomUuid(random),
    scanId: first.scan.id,
    method: 'hands',
    votesPerPerson: 3,
    options,
    counts: completeCounts(options, DEMO_VOTES),
    ballots: null,
    openedAt: workshop('10:30:00'),
    closedAt: workshop('10:40:00'),
  };
  const judged = `${second.scan.date}T09:00:00.000Z`;
  const agreements = PLANS.filter((plan) => options.some((o) => o.itemId === plan.itemId)).map((plan, index): Agreement => {
    const createdAt = workshop(`11:0${index}:00`);
    return {
      id: randomUuid(random),
      scanId: first.scan.id,
      itemId: plan.itemId,
      what: plan.what,
      partnerIds: plan.partnerIds,
      due: addMonths(first.scan.date, plan.dueInMonths),
      votes: vote.counts[plan.itemId] ?? 0,
      voteId: vote.id,
      createdAt,
      updatedAt: plan.followUp ? judged : createdAt,
      followUp: plan.followUp && { ...plan.followUp, judgedInScanId: second.scan.id, updatedAt: judged },
    };
  });
  return { votes: [vote], agreements };
}
