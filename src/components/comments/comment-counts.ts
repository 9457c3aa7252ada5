/** Fills every "Kommentare lesen" link on a page with "Kommentare: N" from one request. */
const links = [...document.querySelectorAll<HTMLElement>('[data-comment-count]')];
const threads = [...new Set(links.map((l) => l.dataset.commentCount!))];
if (threads.length > 0) {
  const label = document.documentElement.dataset.countLabel ?? 'Kommentare: {n}';
  fetch(`/api/comments/counts?threads=${threads.map(encodeURIComponent).join(',')}`)
    .then((r) => (r.ok ? (r.json() as Promise<{ counts: Record<string, number> }>) : null))
    .then((body) => {
      if (!body) return;
      for (const link of links) {
        const n = body.counts[link.dataset.commentCount!];
        const target = link.querySelector('[data-count-label]');
        if (n !== undefined && target) target.textContent = label.replace('{n}', String(n));
      }
    })
    .catch(() => undefined);
}

// A module, so its declarations stay local.
export {};
