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
  messenger: (id: string) => url(`messenger/${id}/`),
  search: () => url('suche/'),
  imprint: () => url('impressum/'),
  privacy: () => url('datenschutz/'),
  accessibility: () => url('barrierefreiheit/'),
  easyLanguage: () => url('leichte-sprache/'),
  rss: () => url('rss.xml'),
};

/** Absolute URL for canonical links, feeds and Open Graph. */
export function absoluteUrl(path: string, site: string | URL): string {
  return new URL(path, site).toString();
}
