/**
 * The range of a post's "Erscheint am" the browser editor accepts: no year before
 * PUB_DATE_MIN_YEAR (a two-digit year typed as "26" would be 0026 and publish at once), nothing
 * more than PUB_DATE_MAX_YEARS_AHEAD years ahead. The editor's field and its German messages are
 * built from these two numbers.
 */
export const PUB_DATE_MIN_YEAR = 2000;
export const PUB_DATE_MAX_YEARS_AHEAD = 2;

/** A calendar day as YYYY-MM-DD, in the local time zone (the editor's "today"). */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The first and the last day "Erscheint am" may name, seen from `today`. */
export function pubDateBounds(today: Date): { min: string; max: string } {
  const last = new Date(today.getFullYear() + PUB_DATE_MAX_YEARS_AHEAD, today.getMonth(), today.getDate());
  return { min: `${PUB_DATE_MIN_YEAR}-01-01`, max: isoDay(last) };
}

/** "10.12.2026" for "2026-12-10": the German way of writing a day. */
export function germanDay(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

/** The day a post will appear, if it lies after `today` (a scheduled post); otherwise null. */
export function scheduledDay(value: string | null, today: Date): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return value > isoDay(today) ? germanDay(value) : null;
}
