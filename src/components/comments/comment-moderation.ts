/**
 * <comment-moderation>: the moderation page of the Redaktion. Every action is a same-origin call to
 * /api/redaktion/kommentare…, carried by the editor's session cookie (no key in the browser).
 */
import { apiRoutes, routes } from '@/lib/urls';

type Strings = Record<string, string>;
interface Item {
  id: number;
  thread: string;
  author: string;
  html: string;
  createdAt: string;
  status: string;
  reportReason: string | null;
  reportCount: number;
  edited?: boolean;
  moderatedBy?: string | null;
}

class CommentModeration extends HTMLElement {
  private strings: Strings = {};
  private current = 'pending';

  connectedCallback(): void {
    this.strings = JSON.parse(this.dataset.strings ?? '{}') as Strings;
    const tabs = [...this.querySelectorAll<HTMLButtonElement>('[data-status-tab]')];
    for (const tab of tabs) {
      tab.addEventListener('click', () => this.select(tab));
      tab.addEventListener('keydown', (event) => {
        const index = tabs.indexOf(tab);
        const next =
          event.key === 'ArrowRight'
            ? tabs[(index + 1) % tabs.length]
            : event.key === 'ArrowLeft'
              ? tabs[(index - 1 + tabs.length) % tabs.length]
              : undefined;
        if (next) {
          event.preventDefault();
          next.focus();
          this.select(next);
        }
      });
    }
    this.q('[data-list]').addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-action]');
      if (button) void this.act(button);
    });
    void this.load();
  }

  /** A dictionary string by key, own properties only. */
  private s(key: string): string {
    return Object.hasOwn(this.strings, key) ? this.strings[key]! : '';
  }

  private q<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  private select(tab: HTMLButtonElement): void {
    for (const other of this.querySelectorAll<HTMLButtonElement>('[data-status-tab]')) {
      other.setAttribute('aria-selected', String(other === tab));
      other.tabIndex = other === tab ? 0 : -1;
    }
    this.q('[data-list]').setAttribute('aria-labelledby', tab.id);
    this.current = tab.dataset.statusTab!;
    void this.load();
  }

  private async call(path: string, method = 'GET'): Promise<Response> {
    return fetch(path, { method, credentials: 'same-origin' });
  }

  private async load(): Promise<void> {
    const error = this.q('[data-error]');
    error.textContent = '';
    const response = await this.call(apiRoutes.moderationList(this.current));
    const body = (await response.json()) as {
      comments?: Item[];
      counts?: { pending: number; reported: number; edited?: number };
      error?: { message: string };
    };
    if (!response.ok || !body.comments) {
      error.textContent = body.error?.message ?? '';
      return;
    }
    this.q('[data-panel]').hidden = false;
    this.q('[data-count-for="pending"]').textContent = `(${body.counts?.pending ?? 0})`;
    this.q('[data-count-for="reported"]').textContent = `(${body.counts?.reported ?? 0})`;
    this.q('[data-count-for="edited"]').textContent = `(${body.counts?.edited ?? 0})`;
    this.render(body.comments);
  }

  private render(items: Item[]): void {
    const list = this.q('[data-list]');
    const template = this.q<HTMLTemplateElement>('template[data-item]');
    list.replaceChildren();
    if (items.length === 0) {
      const p = document.createElement('p');
      p.textContent = this.strings.empty ?? '';
      list.append(p);
      return;
    }
    for (const item of items) {
      const node = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
      node.dataset.commentId = String(item.id);
      node.querySelector('[data-field="author"]')!.textContent = item.author;
      // The template holds a placeholder: an empty <time> would be invalid HTML.
      const time = document.createElement('time');
      node.querySelector('[data-field="createdAt"]')!.replaceWith(time);
      time.dateTime = item.createdAt;
      time.textContent = new Date(item.createdAt).toLocaleString('de-DE', { dateStyle: 'medium', timeStyle: 'short' });
      const link = node.querySelector<HTMLAnchorElement>('[data-field="thread"]')!;
      link.href = routes.post(item.thread);
      link.textContent = item.thread;
      // The HTML was sanitised on the server when the comment was stored.
      node.querySelector('[data-field="html"]')!.innerHTML = item.html;
      for (const label of node.querySelectorAll<HTMLElement>('[data-label]')) label.textContent = this.s(label.dataset.label!);
      if (item.edited) node.querySelector<HTMLElement>('[data-edited-box]')!.hidden = false;
      if (item.moderatedBy) {
        node.querySelector<HTMLElement>('[data-moderated-box]')!.hidden = false;
        node.querySelector('[data-field="moderatedBy"]')!.textContent = item.moderatedBy;
      }
      if (item.reportCount > 0) {
        node.querySelector<HTMLElement>('[data-report-box]')!.hidden = false;
        node.querySelector('[data-field="reportReason"]')!.textContent = item.reportReason ?? '';
      }
      for (const button of node.querySelectorAll<HTMLButtonElement>('[data-action]')) {
        const action = button.dataset.action!;
        button.textContent = this.s(action) || action;
        button.setAttribute('aria-label', `${this.s(action)}: ${item.author}, ${time.textContent}`);
        if (
          (action === 'approve' && item.status === 'approved' && item.reportCount === 0 && !item.edited) ||
          (action === 'reject' && item.status === 'rejected')
        )
          button.remove();
      }
      list.append(node);
    }
  }

  private async act(button: HTMLButtonElement): Promise<void> {
    const article = button.closest<HTMLElement>('[data-comment-id]')!;
    const id = article.dataset.commentId!;
    const action = button.dataset.action!;
    if (action === 'export') {
      const response = await this.call(apiRoutes.moderationAction(id, 'export'));
      const blob = new Blob([await response.text()], { type: 'application/json' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `kommentar-${id}.json`;
      a.click();
      URL.revokeObjectURL(a.href);
      return;
    }
    if (action === 'delete' && !window.confirm(this.strings.deleteConfirm ?? '')) return;
    const response =
      action === 'delete'
        ? await this.call(apiRoutes.moderationComment(id), 'DELETE')
        : await this.call(apiRoutes.moderationAction(id, action === 'approve' ? 'approve' : 'reject'), 'POST');
    if (response.ok) {
      this.q('[data-status]').textContent = this.strings.done ?? '';
      await this.load();
      this.q<HTMLElement>('[role="tab"][aria-selected="true"]').focus();
    } else {
      this.q('[data-error]').textContent = ((await response.json()) as { error?: { message: string } }).error?.message ?? '';
    }
  }
}

customElements.define('comment-moderation', CommentModeration);

// A module, so its declarations stay local.
export {};
