import { copyDefaultInstrument } from '../instrument/defaultInstrument';
import { DEFAULT_SETTINGS, type Answer, type Level, type Response, type Scan, type Score } from '../types';
import { createRandom, pick, randomNormal, randomUuid, type Random } from './random';

// The demo workshop: the seven partners from the field (seeds/004), each with its own view of
// the collaboration. Profiles are written by hand so the demo tells a story a room recognises:
// the municipality sees the conditions rosier than the partners who carry the cases, youth
// protection misses information in time, and coordination per family is the sharpest gap.

interface PartnerProfile {
  id: string;
  name: string;
  respondents: number;
  /** Overall tendency on the 1–5 scale. */
  base: number;
  /** Statement-specific shifts from the base. */
  shifts: Partial<Record<string, number>>;
  /** Statements this partner often cannot judge. */
  dontKnow: Partial<Record<string, number>>;
  words: readonly string[];
}

const PARTNERS: readonly PartnerProfile[] = [
  { id: 'politie', name: 'Politie', respondents: 5, base: 3.35,
    shifts: { q04: 0.2, q06: 0.6, q08: -1.1, q10: -0.2 }, dontKnow: { q10: 0.3 },
    words: ['betrokken', 'snel', 'versnipperd', 'pragmatisch', 'informatie'] },
  { id: 'openbaar-ministerie', name: 'Openbaar Ministerie', respondents: 2, base: 3.3,
    shifts: { q03: 0.6, q06: 0.3, q09: -0.5 }, dontKnow: { q10: 0.6, q09: 0.3 },
    words: ['formeel', 'afstand', 'betrokken'] },
  { id: 'jeugdbescherming', name: 'Jeugdbescherming', respondents: 4, base: 3.15,
    shifts: { q05: -1.2, q06: -0.9, q08: -0.8, q11: -0.9, q02: 0.3, q10: 0.4 }, dontKnow: {},
    words: ['overbelast', 'betrokken', 'onduidelijk', 'gezinsgericht', 'versnipperd'] },
  { id: 'gemeente', name: 'Gemeente', respondents: 6, base: 3.5,
    shifts: { q01: 0.9, q05: 1.0, q07: 0.7, q11: 0.6, q12: 0.3, q13: 0.2 }, dontKnow: { q06: 0.2 },
    words: ['constructief', 'betrokken', 'regie', 'ambitieus', 'samen'] },
  { id: 'william-schrikker-groep', name: 'William Schrikker Groep', respondents: 3, base: 3.3,
    shifts: { q05: -0.6, q09: -0.5, q11: -1.0 }, dontKnow: { q07: 0.2 },
    words: ['betrokken', 'druk', 'gezinsgericht', 'zoekend'] },
  { id: 'parlan', name: 'Parlan', respondents: 2, base: 3.35,
    shifts: { q10: 0.4, q02: 0.4, q08: -0.6 }, dontKnow: { q06: 0.4 },
    words: ['warm', 'betrokken', 'zoekend'] },
  { id: 'veiligheidshuis', name: 'Veiligheidshuis', respondents: 4, base: 3.45,
    shifts: { q06: 0.8, q07: 0.9, q08: 1.0, q03: 0.4 }, dontKnow: { q10: 0.25 },
    words: ['verbindend', 'betrokken', 'snel', 'informatie', 'regie'] },
];

const COMMENTS: Partial<Record<string, readonly string[]>> = {
  q05: ['Bij multiprobleemgezinnen is vaak niet duidelijk wie de casusregie heeft.', 'Regie ligt formeel bij de gemeente, maar in de praktijk bij ons.'],
  q08: ['Informatie komt vaak pas na het overleg binnen.', 'Privacyregels maken het delen lastig.'],
  q11: ['Capaciteit is het grootste knelpunt.', 'Ketenoverleg gaat af van de tijd voor gezinnen.'],
  q06: ['Opschalen gaat goed via het Veiligheidshuis.'],
};

const IMPROVEMENTS: readonly string[] = [
  'Eén gezin, één plan, één regisseur — en dat ook echt zo uitvoeren.',
  'Informatie op tijd delen, met duidelijke afspraken over privacy.',
  'Meer tijd vrijmaken voor het ketenoverleg.',
  'Gezinnen vaker zelf aan tafel.',
  'Sneller opschalen als een casus vastloopt.',
  '',
];

function drawLevel(random: Random): Level {
  const r = random();
  return r < 0.6 ? 'uitvoering' : r < 0.9 ? 'management' : 'bestuur';
}

function drawScore(target: number, random: Random): Score {
  const value = Math.round(target + randomNormal(random) * 0.4);
  return Math.min(5, Math.max(1, value)) as Score;
}

/** Every partner's respondents, drawn from their profiles in partner order (the draws' order is part of the demo). */
function generateResponses(scan: Scan, partners: readonly PartnerProfile[], random: Random): Response[] {
  const date = scan.date;
  const start = Date.parse(`${date}T09:30:00.000Z`);
  const responses: Response[] = [];
  let minute = 0;
  for (const partner of partners) {
    for (let r = 0; r < partner.respondents; r++) {
      const personal = randomNormal(random) * 0.1;
      const answers: Record<string, Answer> = {};
      const comments: Record<string, string> = {};
      for (const item of scan.instrument.items) {
        if (random() < (partner.dontKnow[item.id] ?? 0.03)) {
          answers[item.id] = 'dk';
          continue;
        }
        answers[item.id] = drawScore(partner.base + personal + (partner.shifts[item.id] ?? 0), random);
        const options = COMMENTS[item.id];
        if (options && random() < 0.25) comments[item.id] = pick(random, options);
      }
      const keywords = [...new Set([pick(random, partner.words), pick(random, partner.words), pick(random, partner.words)])];
      minute += 1 + Math.floor(random() * 3);
      const startedAt = new Date(start + minute * 60_000).toISOString();
      const submittedAt = new Date(start + (minute + 6) * 60_000).toISOString();
      responses.push({
        id: randomUuid(random),
        scanId: scan.id,
        organisationId: partner.id,
        level: drawLevel(random),
        answers,
        comments,
        keywords,
        improvement: pick(random, IMPROVEMENTS),
        startedAt,
        submittedAt,
        status: 'submitted',
        position: 0,
      });
    }
  }
  return responses;
}

export interface DemoScan {
  scan: Scan;
  responses: Response[];
}

/** The demo workshop, identical for the same seed and date. */
export function generateDemoScan(options: { seed?: number; now: Date }): DemoScan {
  const random = createRandom(options.seed ?? 20261122);
  const date = options.now.toISOString().slice(0, 10);
  const scan: Scan = {
    id: randomUuid(random),
    title: 'Demo — Workshop ketensamenwerking gezinnen',
    date,
    settings: { ...DEFAULT_SETTINGS },
    instrument: copyDefaultInstrument(),
    organisations: PARTNERS.map(({ id, name }) => ({ id, name })),
    status: 'open',
    isDemo: true,
    createdAt: options.now.toISOString(),
  };
  const responses = generateResponses(scan, PARTNERS, random);
  return { scan, responses };
}

// The second round, half a year later (docs/instrument-and-rounds.md): after the first workshop
// the chain agreed on one coordinator per family and on sharing information in time. Those
// statements improve clearly where it was felt most; capacity (q11) did not move; a few small
// shifts elsewhere are the kind a rank test calls uncertain.
const ROUND_2_SHIFTS: Readonly<Record<string, Partial<Record<string, number>>>> = {
  politie: { q08: -0.2, q07: 0.4, q12: 0.2 },
  'openbaar-ministerie': { q05: 0.3 },
  jeugdbescherming: { q05: 0.1, q06: -0.4, q08: 0.1, q02: 0.3, q10: 0.4 },
  gemeente: { q01: 0.7, q05: 1.0, q11: 0.4 },
  'william-schrikker-groep': { q05: 0.4 },
  parlan: { q08: 0 },
  veiligheidshuis: { q12: 0.3 },
};

const ROUND_2_PARTNERS: readonly PartnerProfile[] = PARTNERS.map((partner) => ({
  ...partner,
  respondents: partner.id === 'politie' ? 6 : partner.id === 'gemeente' ? 5 : partner.id === 'veiligheidshuis' ? 5 : partner.respondents,
  shifts: { ...partner.shifts, ...ROUND_2_SHIFTS[partner.id] },
}));

export const DEMO_ROUND_GAP_DAYS = 182;

/**
 * The demo as a series of two rounds, so a new user sees change at once. Round 1 is exactly
 * `generateDemoScan` (same ids and answers) dated half a year before `now`; round 2 is dated `now`.
 */
export function generateDemoSeries(options: { now: Date }): [DemoScan, DemoScan] {
  const earlier = new Date(options.now.getTime() - DEMO_ROUND_GAP_DAYS * 86_400_000);
  const first = generateDemoScan({ now: earlier });
  const random = createRandom(20270522);
  const seriesId = randomUuid(random);
  const scan: Scan = {
    ...structuredClone(first.scan),
    id: randomUuid(random),
    title: 'Demo — Vervolgmeting ketensamenwerking gezinnen',
    date: options.now.toISOString().slice(0, 10),
    createdAt: options.now.toISOString(),
    series: { id: seriesId, round: 2 },
  };
  first.scan.series = { id: seriesId, round: 1 };
  return [first, { scan, responses: generateResponses(scan, ROUND_2_PARTNERS, random) }];
}
