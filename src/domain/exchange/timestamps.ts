// ISO 8601 timestamps as files carry them. Ketenscan writes `2026-11-22T10:03:12.000Z`; other
// tools may write an offset (`+01:00`) or leave out seconds or milliseconds. Every accepted
// form is one instant, and it is stored in Ketenscan's own form so sorting by text stays
// sorting by time. Dates without a time or without a zone are refused: their instant is unknown.

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch, or null when the text is not a valid timestamp with a zone. */
export function parseIsoTimestamp(text: string): number | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC(…, 31) in a 30-day month silently moves to the next month: refuse it.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  let offset = 0;
  if (m[8] !== 'Z') {
    const offsetHours = Number(m[10]);
    const offsetMinutes = Number(m[11]);
    if (offsetHours > 23 || offsetMinutes > 59) return null;
    offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  const instant = local - offset;
  return Number.isFinite(instant) && Math.abs(instant) <= 8.64e15 ? instant : null;
}

export function isIsoTimestamp(text: string): boolean {
  return parseIsoTimestamp(text) !== null;
}

/** `2026-11-22T11:03:12+01:00` → `2026-11-22T10:03:12.000Z`; text that is no timestamp is kept as it is. */
export function normaliseTimestamp(text: string): string {
  const instant = parseIsoTimestamp(text);
  return instant === null ? text : new Date(instant).toISOString();
}
