/**
 * <search-page>: /suche/ with the query, filters and sort in the URL (?q=…&Typ=…&sortierung=datum),
 * so a search can be linked and survives a reload.
 */
import { arrowNavigation, loadPagefind, parseSearchStrings, renderResults, runSearch, statusText } from './search-client';

class SearchPage extends HTMLElement {
  private strings: Record<string, string> = {};
  private typeLabels: Record<string, string> = {};
  private groups: Array<[string, string]> = [];
  private input!: HTMLInputElement;
  private timer: number | undefined;
  private generation = 0;

  connectedCallback(): void {
    ({ strings: this.strings, typeLabels: this.typeLabels } = parseSearchStrings(this.dataset.strings));
    this.groups = JSON.parse(this.dataset.filterGroups ?? '[]') as Array<[string, string]>;
    this.querySelector<HTMLElement>('[data-no-js]')!.remove();
    const form = this.querySelector<HTMLFormElement>('[data-search-form]')!;
    this.querySelector<HTMLFieldSetElement>('[data-search-fieldset]')!.disabled = false;
    this.input = this.querySelector('[data-search-input]')!;
    const params = new URLSearchParams(location.search);
    this.input.value = params.get('q') ?? '';
    this.querySelector<HTMLSelectElement>('[data-search-sort]')!.value = params.get('sortierung') ?? '';
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.search();
    });
    form.addEventListener('change', () => void this.search());
    this.input.addEventListener('input', () => {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => void this.search(), 120);
    });
    arrowNavigation(this.querySelector('[data-search-results]')!, this.input);
    void this.buildFilters(params).then(() => this.search(false));
    this.input.focus();
  }

  /** Checkbox groups for each filter Pagefind knows, with counts. */
  private async buildFilters(params: URLSearchParams): Promise<void> {
    const slots = this.querySelector<HTMLElement>('[data-filter-slots]')!;
    try {
      const pagefind = await loadPagefind();
      const available = await pagefind.filters();
      for (const [key, label] of this.groups) {
        const values = available[key];
        if (!values) continue;
        const fieldset = document.createElement('fieldset');
        const legend = document.createElement('legend');
        legend.className = 'font-semibold';
        legend.textContent = label;
        fieldset.append(legend);
        const chosen = params.getAll(key);
        for (const [value, count] of Object.entries(values).sort(([a], [b]) => a.localeCompare(b, 'de'))) {
          const row = document.createElement('label');
          row.className = 'flex min-h-11 items-center gap-2';
          const box = document.createElement('input');
          box.type = 'checkbox';
          box.className = 'h-5 w-5';
          box.name = key;
          box.value = value;
          box.checked = chosen.includes(value);
          row.append(box, `${(Object.hasOwn(this.typeLabels, value) ? this.typeLabels[value] : undefined) ?? value} (${count})`);
          fieldset.append(row);
        }
        slots.append(fieldset);
      }
    } catch {
      this.querySelector('[data-search-status]')!.textContent = this.strings.unavailable ?? '';
    }
  }

  private chosenFilters(): Record<string, string[]> {
    const chosen: Record<string, string[]> = {};
    for (const box of this.querySelectorAll<HTMLInputElement>('[data-filter-slots] input:checked'))
      (chosen[box.name] ??= []).push(box.value);
    return chosen;
  }

  private async search(pushState = true): Promise<void> {
    const term = this.input.value.trim();
    const filters = this.chosenFilters();
    const sortByDate = this.querySelector<HTMLSelectElement>('[data-search-sort]')!.value === 'datum';
    if (pushState) {
      const params = new URLSearchParams();
      if (term) params.set('q', term);
      for (const [key, values] of Object.entries(filters)) for (const v of values) params.append(key, v);
      if (sortByDate) params.set('sortierung', 'datum');
      history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
    }
    const status = this.querySelector('[data-search-status]')!;
    const list = this.querySelector<HTMLElement>('[data-search-results]')!;
    const empty = this.querySelector<HTMLElement>('[data-search-empty]')!;
    const generation = ++this.generation;
    if (!term) {
      list.replaceChildren();
      status.textContent = '';
      empty.hidden = true;
      return;
    }
    try {
      const { total, data } = await runSearch({ term, filters, sortByDate, limit: 30 });
      if (generation !== this.generation) return;
      renderResults(list, this.querySelector('template[data-result-template]')!, data, this.typeLabels);
      status.textContent = statusText(this.strings, total, term);
      empty.hidden = total > 0;
    } catch {
      status.textContent = this.strings.unavailable ?? '';
    }
  }
}

customElements.define('search-page', SearchPage);
