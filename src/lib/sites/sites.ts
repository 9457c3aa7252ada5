/**
 * Several guilds on one installation (issue 26): each site is a folder `sites/<kennung>/` with its own
 * guild.config.ts and content/. Its host is the host of its `siteUrl`, so the address is written once.
 * Plain logic: the caller reads the folders (src/adapters/sites/) and hands the results in.
 */
import { de } from '../../i18n/de';
import { format } from '../../i18n/format';
import type { GuildConfig } from '../config/schema';

/** A kennung names a folder and appears in paths: lowercase letters, digits, single hyphens inside. */
export const KENNUNG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const KENNUNG_MAX_LENGTH = 40;

/** One site whose config passed the schema. */
export interface SiteEntry {
  kennung: string;
  /** Lowercase host of `config.siteUrl`, without port. */
  host: string;
  /** The config file, as shown in messages (relative to the project where possible). */
  configFile: string;
  /** Its own posts and pictures. */
  contentDir: string;
  config: GuildConfig;
}

/** A site that cannot be served or built, with a German message naming the file and the field. */
export interface SiteProblem {
  kennung: string;
  message: string;
}

export interface SiteList {
  sites: SiteEntry[];
  problems: SiteProblem[];
}

/** German reason why a kennung is refused, or undefined when it is fine. */
export function kennungProblem(kennung: string): string | undefined {
  if (!kennung) return de.sites.kennungMissing;
  if (kennung.length > KENNUNG_MAX_LENGTH) return format(de.sites.kennungTooLong, { kennung, max: KENNUNG_MAX_LENGTH });
  if (!KENNUNG_PATTERN.test(kennung)) return format(de.sites.kennungInvalid, { kennung });
  return undefined;
}

/** A host name as a reader's browser sends it: letters, digits, hyphens, dots; at least one dot or "localhost". */
const HOST_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** German reason why a host is refused (anlegen), or undefined. */
export function hostProblem(host: string): string | undefined {
  if (!host) return de.sites.hostMissing;
  if (!HOST_PATTERN.test(host)) return format(de.sites.hostInvalid, { host });
  return undefined;
}

/**
 * The host part of a Host header (or a URL's host): port dropped, lowercase, a trailing dot dropped;
 * an IPv6 literal keeps its brackets. Undefined for an empty or malformed value.
 */
export function normaliseHost(value: string | undefined): string | undefined {
  const raw = (value ?? '').trim().toLowerCase();
  if (!raw) return undefined;
  if (raw.startsWith('[')) {
    const end = raw.indexOf(']');
    return end > 0 ? raw.slice(0, end + 1) : undefined;
  }
  const host = raw.replace(/:\d*$/, '').replace(/\.$/, '');
  return host && !host.includes(':') ? host : undefined;
}

/** The host a site answers on: the host of its public address. */
export function hostOfSiteUrl(siteUrl: string): string {
  return normaliseHost(new URL(siteUrl).host) ?? '';
}

/** The site whose host equals the request's Host (port ignored, case-insensitive); none for anything else. */
export function siteForHost<T extends { host: string }>(sites: readonly T[], hostHeader: string | undefined): T | undefined {
  const host = normaliseHost(hostHeader);
  return host === undefined ? undefined : sites.find((site) => site.host === host);
}

/**
 * Moves every site whose host another site already uses into the problems: neither is served, because
 * a reader would otherwise get whichever came first. Sorted by kennung for stable output.
 */
export function withUniqueHosts(list: SiteList): SiteList {
  const byHost = new Map<string, SiteEntry[]>();
  for (const site of list.sites) byHost.set(site.host, [...(byHost.get(site.host) ?? []), site]);
  const problems = [...list.problems];
  const sites: SiteEntry[] = [];
  for (const [host, group] of byHost) {
    if (group.length === 1) sites.push(group[0]!);
    else {
      const names = group.map((s) => s.kennung).join(', ');
      for (const site of group) problems.push({ kennung: site.kennung, message: format(de.sites.hostTwice, { host, names }) });
    }
  }
  const byKennung = (a: { kennung: string }, b: { kennung: string }) => a.kennung.localeCompare(b.kennung);
  return { sites: sites.sort(byKennung), problems: problems.sort(byKennung) };
}
