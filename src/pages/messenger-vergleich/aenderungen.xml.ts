/** /messenger-vergleich/aenderungen.xml: the comparison's change log as an Atom feed, the same entries as the page. */
import type { APIRoute } from 'astro';
import { getChanges } from '@/adapters/messengers/changes';
import { getMessengers } from '@/adapters/messengers/collection';
import { atomFeed } from '@/lib/messengers/atom';
import { criterion } from '@/lib/messengers/criteria';
import { absoluteUrl, routes } from '@/lib/urls';
import { guild } from '@/lib/config';
import { de } from '@/i18n/de';

export const GET: APIRoute = async ({ site }) => {
  const base = site ?? new URL(guild.siteUrl);
  const page = absoluteUrl(routes.comparisonChanges(), base);
  const messengers = await getMessengers();
  const nameOf = (id: string) => messengers.find((m) => m.id === id)?.name ?? id;
  const entries = getChanges().map((c) => {
    const crit = criterion(c.criterion);
    const level = (l: string) => crit.levels[l]?.label ?? l;
    const now = `${de.changes.after}: ${level(c.new.level)} – ${c.new.value}`;
    const before = c.old ? `${de.changes.before}: ${level(c.old.level)} – ${c.old.value}. ` : '';
    const quote = c.new.quote ? ` ${de.evidence.summary}: „${c.new.quote}“${c.new.gloss ? ` (${c.new.gloss})` : ''}` : '';
    return {
      id: `${page}#aenderung-${c.id}`,
      title: de.changes.entryTitle(nameOf(c.messenger), crit.label),
      link: `${page}#aenderung-${c.id}`,
      updated: c.date,
      summary: `${before}${now}. ${de.evidence.source}: ${c.new.source}.${quote}`,
    };
  });
  const xml = atomFeed({
    id: page,
    title: de.changes.feedTitle,
    link: page,
    self: absoluteUrl(routes.comparisonChangesFeed(), base),
    author: guild.name,
    entries,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
