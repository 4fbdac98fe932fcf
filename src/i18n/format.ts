// Dates and lists in the reader's language (docs/language.md): a scan date reads "8 december
// 2026" / "8 December 2026", never "2026-12-08"; names in a sentence read "Openbaar Ministerie en
// Parlan", never "Openbaar Ministerie, Parlan". Written by the pure src/domain/format.ts, which the
// domain's own messages use too. Numbers and figures have their own module (src/charts/format.ts).
export { formatDate, formatDateTime, formatList } from '../domain/format';
