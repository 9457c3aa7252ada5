/** Every internal link goes through here so a base path (e.g. /innung/) keeps working. */
const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

export function url(path = ''): string {
  return `${base}${path.replace(/^\//, '')}`;
}

export const routes = {
  home: () => url(''),
  posts: (page = 1) => url(page <= 1 ? 'beitraege/' : `beitraege/${page}/`),
  post: (slug: string) => url(`beitraege/${slug}/`),
  comments: (slug: string) => url(`beitraege/${slug}/kommentare/`),
  topics: () => url('themen/'),
  topic: (tag: string) => url(`themen/${encodeURIComponent(tag)}/`),
  comparison: () => url('messenger-vergleich/'),
  /** The comparison's search text, loaded when a reader first uses the search field. */
  comparisonSearchText: () => url('messenger-vergleich/suchtext.json'),
  /** The quotes behind the comparison's facts, loaded when a reader first opens a "Beleg". */
  comparisonEvidence: () => url('messenger-vergleich/belege.json'),
  /** The public change log of the comparison and its Atom feed. */
  comparisonChanges: () => url('messenger-vergleich/aenderungen/'),
  comparisonChangesFeed: () => url('messenger-vergleich/aenderungen.xml'),
  messenger: (id: string) => url(`messenger/${id}/`),
  search: () => url('suche/'),
  imprint: () => url('impressum/'),
  privacy: () => url('datenschutz/'),
  accessibility: () => url('barrierefreiheit/'),
  easyLanguage: () => url('leichte-sprache/'),
  rss: () => url('rss.xml'),
};

/**
 * Origin of the comment API and the server-rendered comment pages, from the configured value
 * (src/adapters/comments-api-origin.ts passes COMMENTS_API_ORIGIN): no trailing slash; empty means the site's own origin.
 */
export function apiOrigin(configured = ''): string {
  return configured.trim().replace(/\/+$/, '');
}

/** Paths of the comment API (prefix them with the API origin where pages and API may live apart). */
export const apiRoutes = {
  comments: () => url('api/comments'),
  comment: (id: number | string) => url(`api/comments/${id}`),
  report: (id: number | string) => url(`api/comments/${id}/report`),
  formToken: () => url('api/comments/form-token'),
  counts: (threads: readonly string[]) => url(`api/comments/counts?threads=${threads.map(encodeURIComponent).join(',')}`),
  /** Moderation (signed-in editors only; src/pages/api/redaktion/kommentare/). */
  moderationList: (status: string) => url(`api/redaktion/kommentare?status=${encodeURIComponent(status)}`),
  moderationComment: (id: number | string) => url(`api/redaktion/kommentare/${id}`),
  moderationAction: (id: number | string, action: 'approve' | 'reject' | 'export') => url(`api/redaktion/kommentare/${id}/${action}`),
};

/** Absolute URL for canonical links, feeds and Open Graph. */
export function absoluteUrl(path: string, site: string | URL): string {
  return new URL(path, site).toString();
}
