// The bounds of a scan's settings, in one place. The new-scan form, its messages, the exchange
// file's checks and their messages read them from here; the JSON Schema in schema/ cannot import
// them, so tests/unit/exchange/schema.test.ts checks that it says the same.

export const SETTINGS_LIMITS = {
  /** Anonymity guard: a whole number of respondents. */
  minGroupSize: { min: 1, max: 50 },
  /** Gap that makes a discussion point: above 0 (exclusive), at most the width of the 1–5 scale. */
  gapThreshold: { above: 0, max: 4 },
} as const;

export function isValidMinGroupSize(value: number): boolean {
  return Number.isInteger(value) && value >= SETTINGS_LIMITS.minGroupSize.min && value <= SETTINGS_LIMITS.minGroupSize.max;
}

export function isValidGapThreshold(value: number): boolean {
  return Number.isFinite(value) && value > SETTINGS_LIMITS.gapThreshold.above && value <= SETTINGS_LIMITS.gapThreshold.max;
}
