/**
 * The overview matrix's cells as disclosures: each cell is a link to its fact in the full table
 * (that is all it does without JavaScript); here it becomes a button that opens the fact's
 * sentence, source and date in a row right below, taken from the table so nothing is sent twice.
 */
export class MatrixDetails {
  private readonly row: HTMLTableRowElement;
  private readonly panel: HTMLElement;
  private open: HTMLAnchorElement | undefined;

  constructor(
    matrix: HTMLTableElement,
    private readonly table: HTMLTableElement,
  ) {
    const strings = JSON.parse(matrix.dataset.strings ?? '{}') as { close: string; toRow: string };
    const columns = matrix.querySelectorAll('thead th').length;
    this.row = document.createElement('tr');
    this.row.dataset.matrixDetail = '';
    this.row.hidden = true;
    const cell = this.row.insertCell();
    cell.colSpan = columns;
    cell.className = 'p-0';
    this.panel = document.createElement('div');
    this.panel.id = `${matrix.id || 'matrix'}-details`;
    this.panel.className = 'rounded border-2 border-brand-dark bg-white p-3 text-sm';
    this.panel.setAttribute('role', 'region');
    cell.append(this.panel);
    this.panel.dataset.toRow = strings.toRow;
    this.panel.dataset.close = strings.close;
    for (const link of matrix.querySelectorAll<HTMLAnchorElement>('a[data-cell]')) {
      link.setAttribute('role', 'button');
      link.setAttribute('aria-expanded', 'false');
      link.setAttribute('aria-controls', this.panel.id);
    }
    matrix.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-cell]');
      if (!link) return;
      event.preventDefault();
      this.toggle(link);
    });
    matrix.addEventListener('keydown', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-cell]');
      // A link answers Enter only; as a button it answers the space bar too.
      if (link && event.key === ' ') {
        event.preventDefault();
        this.toggle(link);
      } else if (event.key === 'Escape' && this.open) {
        const opener = this.open;
        this.close();
        opener.focus();
      }
    });
  }

  private toggle(link: HTMLAnchorElement): void {
    if (this.open === link) this.close();
    else this.show(link);
  }

  private show(link: HTMLAnchorElement): void {
    this.close();
    const target = this.table.querySelector<HTMLElement>(`[id="${link.hash.slice(1)}"]`);
    const tableRow = target?.closest('tr');
    if (!target || !tableRow) return;
    const strings = this.panel.dataset;
    const heading = document.createElement('p');
    heading.className = 'font-semibold';
    heading.textContent = link.querySelector('.sr-only')?.textContent ?? '';
    const content = document.createElement('div');
    content.className = 'mt-1';
    content.append(...[...target.childNodes].map((node) => node.cloneNode(true)));
    const actions = document.createElement('p');
    actions.className = 'mt-2 flex flex-wrap items-center gap-x-4';
    const toRow = document.createElement('a');
    toRow.href = `#${tableRow.id}`;
    toRow.className = 'text-brand-dark underline';
    toRow.textContent = strings.toRow!.replace('{name}', tableRow.querySelector('th a')?.textContent ?? '');
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'btn-secondary min-h-9 py-0 text-sm';
    close.textContent = strings.close!;
    close.addEventListener('click', () => {
      const opener = this.open;
      this.close();
      opener?.focus();
    });
    actions.append(toRow, close);
    this.panel.replaceChildren(heading, content, actions);
    this.panel.setAttribute('aria-label', heading.textContent);
    link.closest('tr')!.after(this.row);
    this.row.hidden = false;
    link.setAttribute('aria-expanded', 'true');
    this.open = link;
  }

  close(): void {
    this.open?.setAttribute('aria-expanded', 'false');
    this.open = undefined;
    this.row.hidden = true;
  }

  /** After filtering or sorting: close when the open cell's row is gone, else keep the details right below it. */
  sync(): void {
    const row = this.open?.closest('tr');
    if (!row) return;
    const cell = this.open!.closest('td')!;
    if (row.hidden || cell.hidden) this.close();
    else row.after(this.row);
  }
}
