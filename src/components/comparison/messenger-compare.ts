/**
 * <messenger-compare>: filters, searches and sorts the server-rendered comparison table and the
 * overview matrix above it. The state lives in the URL query, so a filtered view can be linked and
 * survives a reload. Filters and sorting work from the page's own index; the text the search field
 * looks through comes from suchtext.json, loaded when the field is first used.
 */
import { MatrixDetails } from './matrix-details';
import {
  applyState,
  joinIndex,
  parseState,
  resultMessage,
  serializeState,
  type CriterionIndex,
  type IndexItem,
  type PageIndexItem,
  type ViewState,
} from '@/lib/messengers/search';
import type { FilterId } from '@/lib/messengers/criteria';
import { MAX_COMPARED } from '@/lib/messengers/limits';

class MessengerCompare extends HTMLElement {
  private pageItems: PageIndexItem[] = [];
  private items: IndexItem[] = [];
  private criteria: CriterionIndex[] = [];
  private state!: ViewState;
  private details: MatrixDetails | undefined;
  private searchText: Promise<void> | undefined;
  private searchTextLoaded = false;
  private searchTextFailed = false;
  private strings: Record<string, string> = {};

  connectedCallback(): void {
    this.strings = JSON.parse(this.dataset.strings ?? '{}') as Record<string, string>;
    const index = JSON.parse(this.querySelector('script[data-index]')!.textContent ?? '{}') as {
      items: PageIndexItem[];
      criteria: CriterionIndex[];
    };
    this.pageItems = index.items;
    // Until the search text is there, a query finds names only.
    this.items = joinIndex(index.items, {});
    this.criteria = index.criteria;
    this.state = parseState(new URLSearchParams(location.search));
    const controls = this.querySelector<HTMLFormElement>('[data-controls]')!;
    this.querySelector<HTMLFieldSetElement>('[data-controls-fieldset]')!.disabled = false;
    for (const label of this.querySelectorAll<HTMLElement>('[data-compare-label]')) label.hidden = false;
    this.syncControls();
    const matrix = this.querySelector<HTMLTableElement>('[data-matrix]');
    if (matrix) this.details = new MatrixDetails(matrix, this.querySelector<HTMLTableElement>('[data-comparison-table]')!);
    // Loaded as soon as someone goes to the search field, so the first letter typed finds facts too.
    this.querySelector('[data-query]')!.addEventListener('focus', () => void this.loadSearchText(), { once: true });
    controls.addEventListener('submit', (e) => e.preventDefault());
    controls.addEventListener('input', () => this.readControls());
    this.querySelector('[data-reset]')!.addEventListener('click', () => {
      this.state = { q: '', filters: [], compare: [], sort: 'name' };
      this.syncControls();
      this.update();
    });
    this.querySelector('[data-comparison-table] tbody')!.addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      if (!box.matches('[data-compare]')) return;
      const chosen = [...this.querySelectorAll<HTMLInputElement>('[data-compare]:checked')].map((b) => b.value);
      if (chosen.length > MAX_COMPARED) {
        box.checked = false;
        this.announce(this.strings.compareLimit ?? '');
        return;
      }
      this.state = { ...this.state, compare: chosen };
      this.update();
    });
    window.addEventListener('popstate', () => {
      this.state = parseState(new URLSearchParams(location.search));
      this.syncControls();
      this.update(false);
    });
    this.update(false);
  }

  private readControls(): void {
    const query = this.querySelector<HTMLInputElement>('[data-query]')!.value;
    const filters = [...this.querySelectorAll<HTMLInputElement>('[data-filter]:checked')].map((b) => b.value as FilterId);
    const sort = this.querySelector<HTMLSelectElement>('[data-sort]')!.value as ViewState['sort'];
    // A changed query tries the search text again after a failed load.
    if (query !== this.state.q) this.searchTextFailed = false;
    this.state = { ...this.state, q: query, filters, sort };
    this.update();
  }

  private syncControls(): void {
    this.querySelector<HTMLInputElement>('[data-query]')!.value = this.state.q;
    for (const box of this.querySelectorAll<HTMLInputElement>('[data-filter]'))
      box.checked = this.state.filters.includes(box.value as FilterId);
    for (const box of this.querySelectorAll<HTMLInputElement>('[data-compare]')) box.checked = this.state.compare.includes(box.value);
    this.querySelector<HTMLSelectElement>('[data-sort]')!.value = this.state.sort;
  }

  private announce(message: string): void {
    this.querySelector('[data-result-count]')!.textContent = message;
  }

  /**
   * suchtext.json, loaded once. If it cannot be loaded (or takes over 10 s), the search finds names only
   * and says so; the next change to the query tries again.
   */
  private loadSearchText(): Promise<void> {
    this.searchText ??= fetch(this.dataset.searchText!, { signal: AbortSignal.timeout(10_000) })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json() as Promise<Record<string, string>>;
      })
      .then((texts) => {
        this.items = joinIndex(this.pageItems, texts);
        this.searchTextLoaded = true;
        this.searchTextFailed = false;
      })
      .catch(() => {
        this.searchTextFailed = true;
        this.searchText = undefined;
      });
    return this.searchText;
  }

  private update(push = true): void {
    // While the search text loads, filters, sorting and the comparison apply at once; the query follows.
    const loading = Boolean(this.state.q) && !this.searchTextLoaded && !this.searchTextFailed;
    if (loading) void this.loadSearchText().then(() => this.update(false));
    const result = applyState(this.items, this.criteria, loading ? { ...this.state, q: '' } : this.state);
    this.showRows(this.querySelector('[data-comparison-table] tbody')!, 'messenger', result.messengers);
    const matrixBody = this.querySelector<HTMLElement>('[data-matrix] tbody');
    if (matrixBody) this.showRows(matrixBody, 'matrixRow', result.messengers);
    for (const table of this.querySelectorAll<HTMLTableElement>('[data-comparison-table], [data-matrix]'))
      showColumns(table, result.criteria);
    this.details?.sync();
    const shown = result.messengers.length;
    const namesOnly =
      this.state.q && this.searchTextFailed
        ? ' Die Angaben zum Durchsuchen konnten nicht geladen werden; gesucht wurde nur in den Namen.'
        : '';
    if (loading) this.announce('Die Suche wird geladen …');
    else
      this.announce(
        (shown === 0 ? 'Kein Messenger passt zu dieser Auswahl. Entfernen Sie einen Filter.' : resultMessage(shown, this.items.length)) +
          namesOnly,
      );
    if (push) history.replaceState(null, '', `${location.pathname}${serializeState(this.state)}${location.hash}`);
  }

  /** Shows the rows of `ids` in that order, hides the rest; touches the DOM only where something changes (the big table is expensive to lay out). */
  private showRows(tbody: HTMLElement, key: 'messenger' | 'matrixRow', ids: string[]): void {
    const rows = new Map(
      [...tbody.querySelectorAll<HTMLTableRowElement>(':scope > tr')].filter((r) => r.dataset[key]).map((r) => [r.dataset[key]!, r]),
    );
    for (const [id, row] of rows) {
      const hidden = !ids.includes(id);
      if (row.hidden !== hidden) row.hidden = hidden;
    }
    const current = [...rows.keys()].filter((id) => ids.includes(id));
    if (current.join() !== ids.join()) for (const id of ids) tbody.append(rows.get(id)!);
  }
}

/**
 * Shows the columns of `criteria` and hides the others. Only the header cells name their criterion
 * (`data-criterion`); body cells are found by position, which keeps 288 attributes out of the page.
 */
function showColumns(table: HTMLTableElement, criteria: 'all' | string[]): void {
  const hidden = [...table.tHead!.rows[0]!.cells].map(
    (th) => criteria !== 'all' && th.dataset.criterion !== undefined && !criteria.includes(th.dataset.criterion),
  );
  for (const row of table.rows) {
    // A row that spans the table (the matrix's details) has fewer cells and is left alone.
    if (row.cells.length !== hidden.length) continue;
    for (const [i, cell] of [...row.cells].entries()) if (cell.hidden !== hidden[i]) cell.hidden = hidden[i]!;
  }
}

customElements.define('messenger-compare', MessengerCompare);
