// ISO 8601 timestamps as files carry them. Ketenscan writes `2026-11-22T10:03:12.000Z`; other
// tools may write an offset (`+01:00`) or leave out seconds or milliseconds. Every accepted
// form is one instant, and it is stored in Ketenscan's own form so sorting by text stays
// sorting by time. Dates without a time or without a zone are refused: their instant is unknown.

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch, or null when the text is not a valid timestamp with a zone. */
export function parseIsoTimestamp(text: string): number | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  // Plain arithmetic, no arrays or Date objects: an import checks one timestamp per response.
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  // Date.UTC reads years 0…99 as 1900…1999: such years are refused (as they always were).
  if (year < 100) return null;
  // The 31st of a 30-day month would silently become the 1st of the next: refuse it.
  if (day > daysInMonth(year, month)) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
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

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Ketenscan's own form: already normal when valid, so it needs no Date round trip. */
const OWN_FORM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isIsoTimestamp(text: string): boolean {
  return parseIsoTimestamp(text) !== null;
}

/** `2026-11-22T11:03:12+01:00` → `2026-11-22T10:03:12.000Z`; text that is no timestamp is kept as it is. */
export function normaliseTimestamp(text: string): string {
  const instant = parseIsoTimestamp(text);
  if (instant === null) return text;
  // Years 0000…9999 only: toISOString writes others with a sign and six digits.
  return OWN_FORM.test(text) ? text : new Date(instant).toISOString();
}
