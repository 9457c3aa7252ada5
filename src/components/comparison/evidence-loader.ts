/**
 * Fills a lazy "Beleg" (Evidence.astro with `lazy`) when it is first opened: belege.json is fetched once,
 * the quote is set with its `lang`, the gloss and the check date as text (never as HTML). Until then, and
 * without JavaScript, the disclosure holds a link to the messenger page, where every quote is in the page.
 */
import type { EvidenceItem } from '@/lib/messengers/evidence';

let index: Promise<Record<string, EvidenceItem>> | undefined;

function formatDay(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function render(body: HTMLElement, item: EvidenceItem): void {
  const quote = document.createElement('blockquote');
  quote.lang = item.l;
  quote.textContent = `„${item.q}“`;
  const parts: Node[] = [quote];
  if (item.g) {
    const gloss = document.createElement('p');
    gloss.textContent = `Sinngemäß auf Deutsch: ${item.g}`;
    parts.push(gloss);
  }
  if (item.c) {
    const checked = document.createElement('p');
    checked.dataset.evidenceChecked = '';
    const time = document.createElement('time');
    time.dateTime = item.c;
    time.textContent = formatDay(item.c);
    checked.append('geprüft am ', time, ` von ${item.b ?? 'Redaktion'}`);
    parts.push(checked);
  }
  body.replaceChildren(...parts);
}

document.addEventListener(
  'toggle',
  (event) => {
    const details = event.target as HTMLDetailsElement;
    const key = details instanceof HTMLDetailsElement ? details.dataset.evidence : undefined;
    if (!key || !details.open || details.dataset.loaded) return;
    const body = details.querySelector<HTMLElement>('[data-evidence-body]');
    const src = document.querySelector<HTMLElement>('[data-evidence-src]')?.dataset.evidenceSrc;
    if (!body || !src) return;
    details.dataset.loaded = 'true';
    index ??= fetch(src).then((r) =>
      r.ok ? (r.json() as Promise<Record<string, EvidenceItem>>) : Promise.reject(new Error(String(r.status))),
    );
    index.then(
      (all) => {
        const item = all[key];
        if (item) render(body, item);
      },
      () => {
        index = undefined;
        delete details.dataset.loaded;
      },
    );
  },
  true,
);
