/**
 * Fills every "Kommentare lesen" link on a page with "Kommentare: N" from one request, and clears
 * expired edit keys from this browser's storage on every page that lists or shows articles.
 */
import { format } from '@/i18n/format';
import { apiRoutes } from '@/lib/urls';
import { readOwn } from './own-comments';

readOwn(); // removes entries whose 15-minute edit window has passed

const links = [...document.querySelectorAll<HTMLElement>('[data-comment-count]')];
const threads = [...new Set(links.map((l) => l.dataset.commentCount!))];
if (threads.length > 0) {
  const origin = links[0]!.dataset.apiOrigin ?? '';
  fetch(`${origin}${apiRoutes.counts(threads)}`)
    .then((r) => (r.ok ? (r.json() as Promise<{ counts: Record<string, number> }>) : null))
    .then((body) => {
      if (!body) return;
      for (const link of links) {
        const thread = link.dataset.commentCount!;
        const n = Object.hasOwn(body.counts, thread) ? body.counts[thread] : undefined;
        const target = link.querySelector('[data-count-label]');
        const template = (JSON.parse(link.dataset.strings ?? '{}') as { count?: string }).count;
        if (n !== undefined && target && template) target.textContent = format(template, { n });
      }
    })
    .catch(() => undefined);
}
