/**
 * Which pages get their own share picture, and what it says: the home page, the comparison, each
 * messenger page and each published post without a `cover` of its own (a cover wins).
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { getPosts } from '../posts/collection';
import { getMessengers } from '../messengers/collection';
import { guild } from '@/lib/config';
import { routes, url } from '@/lib/urls';
import { de } from '@/i18n/de';
import type { OgInput } from '@/lib/og/layout';

export interface OgPage {
  /** The page's path, e.g. /beitraege/x/ (with the base path). */
  page: string;
  /** The picture's name below og/, without .png. */
  slug: string;
  title: string;
  kind: string;
}

let pages: Promise<Map<string, OgPage>> | undefined;

/** Every page with a generated picture, by page path; computed once per build. */
export function ogPages(): Promise<Map<string, OgPage>> {
  pages ??= (async () => {
    // OG_IMAGES=0 builds without them (every page shares the default picture), e.g. to measure their cost.
    if (process.env.OG_IMAGES === '0') return new Map<string, OgPage>();
    const list: OgPage[] = [
      { page: routes.home(), slug: 'startseite', title: guild.description, kind: de.og.homeKind },
      { page: routes.comparison(), slug: 'messenger-vergleich', title: de.og.comparisonTitle, kind: de.site.comparison },
      ...(await getMessengers()).map((m) => ({
        page: routes.messenger(m.id),
        slug: `messenger/${m.id}`,
        title: de.messenger.title(m.name),
        kind: de.og.messengerKind(m.category, m.privacyScore),
      })),
      ...(await getPosts())
        .filter((post) => !post.data.cover)
        .map((post) => ({ page: routes.post(post.id), slug: `beitraege/${post.id}`, title: post.data.title, kind: post.data.category })),
    ];
    return new Map(list.map((p) => [p.page, p]));
  })();
  return pages;
}

export function ogImagePath(page: OgPage): string {
  return url(`og/${page.slug}.png`);
}

export function ogAlt(page: OgPage): string {
  return de.og.alt(page.kind, page.title, guild.name);
}

let logo: string | undefined;

/** The guild's logo from public/ as a data: URL for the picture. */
function logoDataUrl(): string {
  if (logo) return logo;
  const file = join(process.cwd(), 'public', guild.logo.src.replace(/^\//, ''));
  const type = extname(file) === '.svg' ? 'image/svg+xml' : extname(file) === '.png' ? 'image/png' : 'image/jpeg';
  logo = `data:${type};base64,${readFileSync(file).toString('base64')}`;
  return logo;
}

export function ogInput(page: OgPage): OgInput {
  return {
    title: page.title,
    kind: page.kind,
    siteName: guild.name,
    host: new URL(guild.siteUrl).host,
    colors: guild.colors,
    logo: logoDataUrl(),
  };
}
