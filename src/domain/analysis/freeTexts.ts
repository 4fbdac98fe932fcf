// What people wrote: the comments per statement and "the most important point to improve",
// under the same anonymity rules as the scores (docs/analysis.md, "Groups and the anonymity guard" and
// "What people wrote"). A text is shown with the group its writer's scores are counted in: the
// organisation when it forms a group of its own, "other partners" for the pool. Texts of people
// whose organisation forms no group, who are filtered out, or whose group is withheld under a
// filter are left out, as their scores are. Within a group texts are in alphabetical order, so
// the order gives away nothing about who wrote when.

import { ALL_EXTRAS, type AskedExtras } from '../extras';
import type { Response } from '../types';
import type { ScanAnalysis } from './types';

export interface FreeText {
  /** The group the text is shown under (an organisation id or POOLED_GROUP_ID). */
  groupId: string;
  /** Trimmed; shown as plain text, never as markup. */
  text: string;
}

export interface StatementTexts {
  itemId: string;
  /** In group order (as ScanAnalysis.groups), then alphabetical. */
  texts: readonly FreeText[];
}

export interface FreeTexts {
  /** Statements in analysis order, only those with at least one text. */
  comments: readonly StatementTexts[];
  /** "The most important point to improve", in group order, then alphabetical. */
  improvements: readonly FreeText[];
}

/** Longest text shown; a longer one is cut with "…" (the exports keep it whole). */
export const FREE_TEXT_MAX_LENGTH = 600;

function tidy(value: unknown): string {
  if (typeof value !== 'string') return '';
  const text = value.replace(/\s+/g, ' ').trim();
  return text.length > FREE_TEXT_MAX_LENGTH ? `${text.slice(0, FREE_TEXT_MAX_LENGTH - 1)}…` : text;
}

/**
 * The texts of the responses the analysis counts. `analysis` must come from analyseScanProtected
 * with the same responses (or their stored tally): its groups (after filters, the filter guard and
 * the anonymity guard) decide whose texts count. `asked` is the scan's extras (askedExtras): a kind
 * of text the scan does not ask for is never offered, even when older responses hold some
 * (docs/analysis.md).
 */
export function collectFreeTexts(responses: readonly Response[], analysis: ScanAnalysis, asked: AskedExtras = ALL_EXTRAS): FreeTexts {
  const collector = new FreeTextCollector(analysis, asked);
  collector.add(responses);
  return collector.result();
}

/**
 * The same, fed page by page (docs/scale.md "What people wrote"): a page of responses is reduced
 * to its texts and can be dropped, so a large scan is never held in memory as a whole. Pages may
 * come in any order; the result is sorted, so it is the same as collectFreeTexts of all of them.
 */
export class FreeTextCollector {
  private readonly groupOf = new Map<string, string>();
  private readonly groupOrder: Map<string, number>;
  private readonly levels: ScanAnalysis['filters']['levels'];
  private readonly itemIds: readonly string[];
  private readonly perItem: Map<string, FreeText[]>;
  private readonly improvements: FreeText[] = [];
  private readonly asksImprovement: boolean;

  constructor(analysis: ScanAnalysis, asked: AskedExtras = ALL_EXTRAS) {
    for (const group of analysis.groups) {
      const members = group.source.kind === 'organisation' ? [group.source.organisationId] : group.source.organisationIds;
      for (const id of members) this.groupOf.set(id, group.id);
    }
    this.groupOrder = new Map(analysis.groups.map((group, index) => [group.id, index]));
    this.levels = analysis.filters.levels;
    this.itemIds = asked.comments ? analysis.statements.map((s) => s.itemId) : [];
    this.asksImprovement = asked.improvement;
    this.perItem = new Map<string, FreeText[]>(this.itemIds.map((id) => [id, []]));
  }

  /** Takes the texts of one page of responses; only those of counted groups are kept. */
  add(responses: readonly Response[]): void {
    const levels = this.levels;
    for (const response of responses) {
      if (response.status !== 'submitted') continue;
      const groupId = this.groupOf.get(response.organisationId);
      if (groupId === undefined) continue;
      if (levels !== null && (response.level === null || !levels.includes(response.level))) continue;
      const comments = response.comments && typeof response.comments === 'object' ? response.comments : {};
      for (const itemId of this.itemIds) {
        const text = tidy(comments[itemId]);
        if (text) this.perItem.get(itemId)?.push({ groupId, text });
      }
      const improvement = this.asksImprovement ? tidy(response.improvement) : '';
      if (improvement) this.improvements.push({ groupId, text: improvement });
    }
  }

  result(): FreeTexts {
    const groupOrder = this.groupOrder;
    const order = (a: FreeText, b: FreeText) =>
      (groupOrder.get(a.groupId) ?? 0) - (groupOrder.get(b.groupId) ?? 0) || a.text.localeCompare(b.text, 'nl') || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
    return {
      comments: this.itemIds.map((itemId) => ({ itemId, texts: [...(this.perItem.get(itemId) ?? [])].sort(order) })).filter((s) => s.texts.length > 0),
      improvements: [...this.improvements].sort(order),
    };
  }
}
