import * as v from 'valibot';
import type { Band, GapClass } from '../analysis';
import type { ItemKind } from '../types';
import { AGREEMENT_LIMITS } from './types';

// The results summary a phone reads (docs/agreements.md "On the phones"), built by
// phoneSummary.ts: its shape, its JSON within a bound, and the check a phone applies. Apart from
// the builder so a phone's code holds none of the analysis.

export const PHONE_SUMMARY_VERSION = 1 as const;
/** The encoded summary's bound: a phone downloads it with the document (docs/live-sessions.md "Limits"). */
export const PHONE_SUMMARY_MAX_BYTES = 48 * 1024;

/** A group as the projector names it: an organisation's name, or the pool "other partners" (named in the reader's language). */
export type PhoneSummaryGroup = { name: string } | { pooled: true };

export interface PhoneSummaryIndex {
  /** Rounded as shown (two decimals); null when no statement contributes. */
  value: number | null;
  band: Band | null;
}

export interface PhoneSummaryStatement {
  /** The statement's item id; its text comes from the scan the phone already holds. */
  itemId: string;
  kind: ItemKind;
  /** Unweighted mean of the group means, rounded as shown; null without one. */
  chainMean: number | null;
  band: Band | null;
  gapClass: GapClass;
  /** Highest minus lowest group mean, rounded as shown; null with no participating group. */
  gap: number | null;
  /** Only for a large gap (gapClass not 'none'): who is highest and lowest, ties included. */
  high: PhoneSummaryGroup[];
  low: PhoneSummaryGroup[];
}

export interface PhoneSummaryAgreement {
  itemId: string | null;
  what: string;
  /** The partners' names (organisations of the scan), in the agreement's order. */
  partners: string[];
  /** yyyy-mm-dd or null. */
  due: string | null;
  votes: number | null;
}

export interface PhoneSummaryV1 {
  v: 1;
  thermometer: PhoneSummaryIndex;
  thermostat: PhoneSummaryIndex;
  statements: PhoneSummaryStatement[];
  agreements: PhoneSummaryAgreement[];
  /** Agreements left out to keep within PHONE_SUMMARY_MAX_BYTES (the newest go first). */
  omittedAgreements: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-8 JSON within PHONE_SUMMARY_MAX_BYTES: agreements are left out from the newest until it
 * fits, and counted (`omittedAgreements`). null when even the figures alone do not fit.
 */
export function encodePhoneSummary(summary: PhoneSummaryV1): Uint8Array | null {
  let current = summary;
  for (;;) {
    const bytes = encoder.encode(JSON.stringify(current));
    if (bytes.length <= PHONE_SUMMARY_MAX_BYTES) return bytes;
    if (current.agreements.length === 0) return null;
    current = { ...current, agreements: current.agreements.slice(0, -1), omittedAgreements: current.omittedAgreements + 1 };
  }
}

const short = (max: number) => v.pipe(v.string(), v.maxLength(max));
const mean = v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(5)));
const band = v.nullable(v.picklist(['strong', 'attention', 'concern'] as const));
const group = v.union([v.strictObject({ name: short(200) }), v.strictObject({ pooled: v.literal(true) })]);
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const PhoneSummarySchema = v.strictObject({
  v: v.literal(1),
  thermometer: v.strictObject({ value: mean, band }),
  thermostat: v.strictObject({ value: mean, band }),
  statements: v.pipe(
    v.array(
      v.strictObject({
        itemId: short(100),
        kind: v.picklist(['thermometer', 'thermostat'] as const),
        chainMean: mean,
        band,
        gapClass: v.picklist(['discussionPoint', 'uncertainDifference', 'none'] as const),
        gap: mean,
        high: v.pipe(v.array(group), v.maxLength(AGREEMENT_LIMITS.partners)),
        low: v.pipe(v.array(group), v.maxLength(AGREEMENT_LIMITS.partners)),
      }),
    ),
    v.maxLength(500),
  ),
  agreements: v.pipe(
    v.array(
      v.strictObject({
        itemId: v.nullable(short(100)),
        what: short(AGREEMENT_LIMITS.what),
        partners: v.pipe(v.array(short(200)), v.maxLength(AGREEMENT_LIMITS.partners)),
        due: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
        votes: v.nullable(count),
      }),
    ),
    v.maxLength(AGREEMENT_LIMITS.perScan),
  ),
  omittedAgreements: count,
});

/** What a phone reads: null for anything that is not a summary of this version within its bound. */
export function parsePhoneSummary(bytes: Uint8Array): PhoneSummaryV1 | null {
  if (bytes.length > PHONE_SUMMARY_MAX_BYTES) return null;
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch {
    return null;
  }
  const parsed = v.safeParse(PhoneSummarySchema, value);
  return parsed.success ? parsed.output : null;
}
