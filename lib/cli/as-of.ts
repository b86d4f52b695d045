// --as-of: the index as of a moment, the `asOf` of a request and of a share link. The page and share
// links write the moment an analysis ran (`new Date().toISOString()`); the flag takes that, any ISO
// 8601 date-time with a zone, or a date. A date means its start, 00:00 UTC: files uploaded that day
// are left out, as with uv's --exclude-newer, and `--as-of $(date -u +%F)` gives the same answer all
// day (the end of today would be a moment still to come, so the answer would change until midnight).

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A zone is required: a date-time without one would mean a different moment on every runner.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

export const AS_OF_FORMS = "a date (2026-03-01, meaning 00:00 UTC that day) or an ISO 8601 date-time with a zone (2026-03-01T12:30:00Z, as a share link's asOf)";

/** The moment a flag's text names, as an ISO 8601 date-time in UTC (what the page writes); null when it names none. */
export function asOfFromFlag(text: string): string | null {
  const trimmed = text.trim();
  const date = DATE.exec(trimmed);
  if (date) {
    const start = `${trimmed}T00:00:00.000Z`;
    // "2026-02-30" parses as 2 March: a date must be itself once parsed.
    return !Number.isNaN(Date.parse(start)) && new Date(start).toISOString().slice(0, 10) === trimmed ? start : null;
  }
  if (!DATE_TIME.test(trimmed)) return null;
  const ms = Date.parse(trimmed);
  if (Number.isNaN(ms)) return null;
  // The same check for a date-time's date and time fields (no 2026-02-30T…, no 25:00).
  const [day, time] = trimmed.toUpperCase().split("T") as [string, string];
  const [hours, minutes, seconds = 0] = time.slice(0, 8).replace(/[^\d:].*$/, "").split(":").map(Number) as [number, number, number?];
  const [, month, dom] = day.split("-").map(Number) as [number, number, number];
  if (hours > 23 || minutes > 59 || seconds > 59 || month < 1 || month > 12 || dom < 1 || dom > daysIn(Number(day.slice(0, 4)), month)) return null;
  return new Date(ms).toISOString();
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
