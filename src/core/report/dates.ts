// Calendar arithmetic for the coaching report, on plain `YYYY-MM-DD` strings in UTC: a note's date
// is a day on the rep's calendar, not an instant, so no time zone may move it to another day.

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const DATE_IN_NAME = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;

/** The day as milliseconds since the epoch (UTC midnight), or undefined when it is no real date (2026-02-30). */
function dayMs(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  // Date.UTC maps years 0-99 to 1900-1999 and rolls Feb 30 over into March: both mean "not a date".
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? ms : undefined;
}

function fromMatch(match: RegExpExecArray | null): string | undefined {
  if (!match) return undefined;
  return dayMs(Number(match[1]), Number(match[2]), Number(match[3])) === undefined ? undefined : `${match[1]}-${match[2]}-${match[3]}`;
}

/** Whether text is exactly a real calendar date `YYYY-MM-DD` (what --since and --until accept). */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && fromMatch(ISO_DATE.exec(text)) !== undefined;
}

/** The date a front-matter `date` value starts with (`2026-11-02`, `2026-11-02 10:30`, `2026-11-02T10:30Z`), if it is a real one. */
export function dateFromValue(value: string): string | undefined {
  return fromMatch(ISO_DATE.exec(value.trim()));
}

/** The first real `YYYY-MM-DD` in a file's name (not its folders), as New Meeting Note names notes. */
export function dateFromFileName(file: string): string | undefined {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return fromMatch(DATE_IN_NAME.exec(name));
}

/** A `Date`'s own day in UTC, as `YYYY-MM-DD`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function toMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

/**
 * The ISO-8601 week of a date, as `2026-W45`. Weeks start on Monday and belong to the year of
 * their Thursday, so 2026-12-31 (a Thursday) is in 2026-W53 and 2027-01-03 still in 2026-W53,
 * while 2024-12-30 (a Monday) is already in 2025-W01.
 */
export function isoWeek(date: string): string {
  const ms = toMs(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(ms + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}
