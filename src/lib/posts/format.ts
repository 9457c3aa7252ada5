import { postBody } from './front-matter';
import { SITE_TIME_ZONE } from './publish';

// Formatters are made on first use: the first Intl.DateTimeFormat in a page loads the browser's
// locale data (about 90 ms on a fast machine), which every page that imports this would pay on load.
let dateFormat: Intl.DateTimeFormat | undefined;
let dateTimeFormat: Intl.DateTimeFormat | undefined;

/** "1. März 2019" – front-matter dates are calendar days stored at UTC midnight. */
export function formatDate(date: Date): string {
  dateFormat ??= new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return dateFormat.format(date);
}

/** ISO day for <time datetime>. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const WORDS_PER_MINUTE = 200;

/** Minutes to read a Markdown/MDX body, ignoring code, tags and link targets. */
export function readingTime(body: string): number {
  const text = postBody(body)
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#?\w+;/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/^import .*$/gm, ' ');
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** "28. November 2026 um 14:05" in German time, for comments. */
export function formatDateTime(date: Date): string {
  dateTimeFormat ??= new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeStyle: 'short', timeZone: SITE_TIME_ZONE });
  return dateTimeFormat.format(date);
}
