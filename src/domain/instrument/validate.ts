import type { Instrument, Language, LocalizedText } from '../types';

// The rules an instrument must meet before it is saved as a version (docs/instrument-and-rounds.md).
// A text counts as empty only when both languages are blank: a missing translation is allowed and
// falls back to the other language (`missingLanguage`), marked in the editor.

export type InstrumentProblem =
  | { code: 'no-statements' }
  | { code: 'title-empty' }
  | { code: 'duplicate-statement-id'; id: string }
  | { code: 'duplicate-dimension-id'; id: string }
  | { code: 'statement-id-invalid'; index: number }
  | { code: 'statement-without-dimension'; itemId: string }
  | { code: 'statement-text-empty'; itemId: string }
  | { code: 'dimension-label-empty'; dimensionId: string }
  | { code: 'dimension-without-statements'; dimensionId: string };

export const isBlank = (text: string): boolean => text.trim() === '';

/** The language whose text is missing while the other has one, or null when both (or neither) are filled. */
export function missingLanguage(text: LocalizedText): Language | null {
  if (isBlank(text.nl) && !isBlank(text.en)) return 'nl';
  if (isBlank(text.en) && !isBlank(text.nl)) return 'en';
  return null;
}

const isEmptyText = (text: LocalizedText): boolean => isBlank(text.nl) && isBlank(text.en);
// The same shape the exchange format accepts for an id (schema/ketenscan-exchange-v1.schema.json).
// eslint-disable-next-line no-control-regex -- control characters are what an id may not hold
const ID = /^[^\s\u0000-\u001f\u007f](?:[^\u0000-\u001f\u007f]{0,98}[^\s\u0000-\u001f\u007f])?$/;

/** Every problem of an instrument, in a stable order; empty when it may be saved. */
export function validateInstrument(instrument: Instrument): InstrumentProblem[] {
  const problems: InstrumentProblem[] = [];
  if (isEmptyText(instrument.title)) problems.push({ code: 'title-empty' });
  if (instrument.items.length === 0) problems.push({ code: 'no-statements' });

  const dimensionIds = new Set<string>();
  for (const dimension of instrument.dimensions) {
    if (dimensionIds.has(dimension.id)) problems.push({ code: 'duplicate-dimension-id', id: dimension.id });
    dimensionIds.add(dimension.id);
    if (isEmptyText(dimension.label)) problems.push({ code: 'dimension-label-empty', dimensionId: dimension.id });
  }

  const itemIds = new Set<string>();
  const usedDimensions = new Set<string>();
  instrument.items.forEach((item, index) => {
    if (!ID.test(item.id)) problems.push({ code: 'statement-id-invalid', index });
    else if (itemIds.has(item.id)) problems.push({ code: 'duplicate-statement-id', id: item.id });
    itemIds.add(item.id);
    if (!dimensionIds.has(item.dimension)) problems.push({ code: 'statement-without-dimension', itemId: item.id });
    else usedDimensions.add(item.dimension);
    if (isEmptyText(item.text)) problems.push({ code: 'statement-text-empty', itemId: item.id });
  });

  // A dimension without statements would draw an empty row in every per-dimension figure.
  for (const dimension of instrument.dimensions) {
    if (!usedDimensions.has(dimension.id)) problems.push({ code: 'dimension-without-statements', dimensionId: dimension.id });
  }
  return problems;
}

/** Every text of the instrument with one language missing: what the editor marks as a fallback. */
export function countMissingTranslations(instrument: Instrument): number {
  const texts = [instrument.title, ...instrument.dimensions.map((d) => d.label), ...instrument.items.map((i) => i.text)];
  return texts.filter((text) => missingLanguage(text) !== null).length;
}
