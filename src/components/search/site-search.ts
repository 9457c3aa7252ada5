/**
 * <site-search>: the header's search dialog. Opens with the button, Ctrl+K / Cmd+K or "/";
 * Pagefind is loaded only when it first opens. Escape closes it and focus returns to the button.
 */
import { arrowNavigation, parseSearchStrings, renderResults, runSearch, statusText } from './search-client';

class SiteSearch extends HTMLElement {
  private dialog!: HTMLDialogElement;
  private input!: HTMLInputElement;
  private trigger!: HTMLAnchorElement;
  private strings: Record<string, string> = {};
  private typeLabels: Record<string, string> = {};
  private generation = 0;
  private timer: number | undefined;

  connectedCallback(): void {
    ({ strings: this.strings, typeLabels: this.typeLabels } = parseSearchStrings(this.dataset.strings));
    this.dialog = this.querySelector('dialog')!;
    this.input = this.querySelector('[data-search-input]')!;
    this.trigger = this.querySelector('[data-search-open]')!;
    this.trigger.setAttribute('role', 'button');
    this.trigger.setAttribute('aria-haspopup', 'dialog');
    this.trigger.addEventListener('click', (event) => {
      event.preventDefault();
      this.open();
    });
    this.querySelector('[data-search-close]')!.addEventListener('click', () => this.dialog.close());
    this.dialog.addEventListener('close', () => this.trigger.focus());
    // One Escape closes the dialog, also with text typed (a search field would otherwise only clear itself first).
    this.dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || event.isComposing) return;
      event.preventDefault();
      this.dialog.close();
    });
    this.dialog.addEventListener('click', (event) => {
      if (event.target === this.dialog) this.dialog.close(); // click on the backdrop
    });
    // A short pause lets fast typing skip the in-between words, whose index chunks and
    // excerpts would otherwise be downloaded for nothing; stale answers are dropped (generation).
    this.input.addEventListener('input', () => {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => void this.search(), 25);
    });
    arrowNavigation(this.querySelector('[data-search-results]')!, this.input);
    document.addEventListener('keydown', (event) => {
      const typing = (event.target as HTMLElement).closest('input, textarea, select, [contenteditable="true"]');
      if ((event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.open();
      } else if (event.key === '/' && !typing && !this.dialog.open) {
        event.preventDefault();
        this.open();
      }
    });
  }

  private open(): void {
    if (!this.dialog.open) this.dialog.showModal();
    this.input.focus();
    this.input.select();
    if (this.input.value) void this.search();
  }

  private async search(): Promise<void> {
    const term = this.input.value.trim();
    const status = this.querySelector('[data-search-status]')!;
    const list = this.querySelector<HTMLElement>('[data-search-results]')!;
    const more = this.querySelector<HTMLElement>('[data-search-more]')!;
    const generation = ++this.generation;
    if (!term) {
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      return;
    }
    try {
      const { total, data } = await runSearch({ term, limit: 8 });
      if (generation !== this.generation) return; // a newer keystroke won
      renderResults(list, this.querySelector('template[data-result-template]')!, data, this.typeLabels);
      status.textContent = statusText(this.strings, total, term);
      more.hidden = total <= data.length;
      more.querySelector<HTMLAnchorElement>('a')!.href =
        `${more.querySelector<HTMLAnchorElement>('a')!.pathname}?q=${encodeURIComponent(term)}`;
    } catch {
      status.textContent = this.strings.unavailable ?? '';
    }
  }
}

customElements.define('site-search', SiteSearch);
