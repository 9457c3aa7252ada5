/**
 * Loads Pagefind on first use and renders its results into our own, German markup.
 * Shared by the search dialog (<site-search>) and the search page (<search-page>).
 */
import { format } from '@/i18n/format';
import { formatDate } from '@/lib/posts/format';

/** Splits an element's data-strings (the one way strings reach it) into plain strings and the result-type labels. */
export function parseSearchStrings(json: string | undefined): { strings: Record<string, string>; typeLabels: Record<string, string> } {
  const { typeLabels = {}, ...rest } = JSON.parse(json ?? '{}') as { typeLabels?: Record<string, string> } & Record<string, unknown>;
  const strings = Object.fromEntries(Object.entries(rest).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return { strings, typeLabels };
}

export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: SubResult[];
}
interface PagefindResult {
  id: string;
  data: () => Promise<ResultData>;
}
export interface SearchResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string | null, o?: { filters?: Record<string, unknown>; sort?: Record<string, string> }) => Promise<SearchResponse | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

export const HIGHLIGHT_PARAM = 'suche';
let loading: Promise<Pagefind> | undefined;

/** Imports /pagefind/pagefind.js once; rejects (and may be retried) when there is no index, e.g. in `astro dev`. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const path = `${document.documentElement.dataset.base ?? '/'}pagefind/pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ path)) as Pagefind;
    await pagefind.options({ highlightParam: HIGHLIGHT_PARAM, excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

export interface Query {
  term: string;
  filters?: Record<string, string[]>;
  sortByDate?: boolean;
  limit?: number;
}

export async function runSearch(query: Query): Promise<{ total: number; data: ResultData[]; filters: SearchResponse['filters'] }> {
  const pagefind = await loadPagefind();
  const filters = Object.fromEntries(
    Object.entries(query.filters ?? {})
      .filter(([, v]) => v.length > 0)
      .map(([k, v]) => [k, { any: v }]),
  );
  const response = await pagefind.search(query.term, { filters, ...(query.sortByDate ? { sort: { date: 'desc' } } : {}) });
  if (!response) return { total: 0, data: [], filters: {} };
  const data = await Promise.all(response.results.slice(0, query.limit ?? 10).map((r) => r.data()));
  return { total: response.results.length, data, filters: response.filters };
}

/** "3 Ergebnisse für „x“" / "Keine Treffer für „x“." from the dictionary strings handed to the element. */
export function statusText(strings: Record<string, string>, total: number, term: string): string {
  const template = total === 0 ? strings.none : total === 1 ? strings.one : strings.results;
  return format(template ?? '', { n: total, q: term });
}

/** Fills `list` with one clone of `template` per result. Excerpts come from our own index (Pagefind escapes them and adds <mark>). */
export function renderResults(
  list: HTMLElement,
  template: HTMLTemplateElement,
  results: readonly ResultData[],
  typeLabels: Record<string, string>,
): void {
  // A reader who already arrowed into the list keeps the focus when a later answer replaces it:
  // on the same result if it is still there, else on the first one (never dropped onto <body>).
  const active = document.activeElement;
  const focusedHref = active instanceof HTMLAnchorElement && list.contains(active) ? active.href : null;
  list.replaceChildren(
    ...results.map((result) => {
      const item = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
      const link = item.querySelector<HTMLAnchorElement>('[data-result-link]')!;
      link.href = result.url;
      item.querySelector('[data-result-title]')!.textContent = result.meta.title ?? result.url;
      const type = result.filters.Typ?.[0];
      item.querySelector('[data-result-type]')!.textContent = type
        ? ((Object.hasOwn(typeLabels, type) ? typeLabels[type] : undefined) ?? type)
        : '';
      // The template holds a placeholder, not an empty <time> (which is invalid HTML); the element is made here.
      const slot = item.querySelector<HTMLElement>('[data-result-date]')!;
      if (result.meta.date) {
        const time = document.createElement('time');
        time.dateTime = result.meta.date;
        time.textContent = formatDate(new Date(`${result.meta.date}T00:00:00Z`));
        slot.replaceWith(time);
      } else slot.remove();
      item.querySelector('[data-result-excerpt]')!.innerHTML = result.excerpt;
      const subs = item.querySelector<HTMLElement>('[data-result-subs]')!;
      for (const sub of result.sub_results.filter((s) => s.url !== result.url).slice(0, 3)) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = sub.url;
        a.dataset.subLink = '';
        a.className = 'inline-flex min-h-11 items-center text-brand-dark underline';
        a.textContent = sub.title;
        li.append(a);
        subs.append(li);
      }
      return item;
    }),
  );
  if (focusedHref === null) return;
  const links = [...list.querySelectorAll<HTMLAnchorElement>('[data-result-link], [data-sub-link]')];
  (links.find((a) => a.href === focusedHref) ?? links[0])?.focus();
}

/** Arrow keys move between the result links; ArrowUp from the first goes back to `input`. */
export function arrowNavigation(container: HTMLElement, input: HTMLInputElement): void {
  const links = () => [...container.querySelectorAll<HTMLAnchorElement>('[data-result-link], [data-sub-link]')];
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      links()[0]?.focus();
    }
  });
  container.addEventListener('keydown', (event) => {
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      all[Math.min(index + 1, all.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (index === 0) input.focus();
      else all[index - 1]?.focus();
    }
  });
}
