/** The one publish filter: every listing, the feed, the sitemap, search and comment threads use it. */

export interface Publishable {
  data: { draft: boolean; pubDate: Date };
}

/** The site's one time zone: publish days, dates and times shown to readers and editors. */
export const SITE_TIME_ZONE = 'Europe/Berlin';

// One formatter for all calls (creating it per post cost seconds on large sites), made on first use.
let berlinDate: Intl.DateTimeFormat | undefined;

/** Calendar day of a moment in Berlin, as YYYY-MM-DD (sv-SE formats dates that way). */
export function berlinDay(moment: Date): string {
  berlinDate ??= new Intl.DateTimeFormat('sv-SE', { timeZone: SITE_TIME_ZONE });
  return berlinDate.format(moment);
}

/**
 * A post is published when it is not a draft and its pubDate (a calendar day) has begun
 * in Berlin. Dates carry no time, so "2026-12-01" goes live at midnight German time.
 */
export function isPublished(post: Publishable, now: Date = new Date()): boolean {
  if (post.data.draft) return false;
  const day = post.data.pubDate.toISOString().slice(0, 10);
  return day <= berlinDay(now);
}

/** In `astro dev` drafts and scheduled posts are shown (with a banner) so editors can preview them. */
export function isVisible(post: Publishable, options: { preview: boolean; now?: Date }): boolean {
  return options.preview || isPublished(post, options.now);
}
