/**
 * <comment-section>: loads the server-rendered comment list, posts the form as JSON, shows
 * errors next to their fields, and lets authors edit or delete their comment for EDIT_WINDOW_MS (own-comments.ts).
 * Markup comes from <template>s in CommentSection.astro, strings from its data-strings, the rules
 * from src/lib/comments/rules.ts (the server's own), the API paths from src/lib/urls.ts.
 */
import { FORM_TOKEN_MAX_AGE_MS, LIMITS } from '@/lib/comments/rules';
import { apiRoutes } from '@/lib/urls';
import { format, formatParts } from '@/i18n/format';
import { forgetOwn, readOwn, rememberOwn, scheduleExpiry, updateOwn } from './own-comments';

type Strings = Record<string, string>;
interface ApiErrorBody {
  error?: { code: string; message: string; fields?: Array<{ field: string; message: string }> };
}

/** A new form token well before the old one (good for FORM_TOKEN_MAX_AGE_MS) runs out. */
const TOKEN_REFRESH_MS = FORM_TOKEN_MAX_AGE_MS / 4;

class CommentSection extends HTMLElement {
  private strings: Strings = {};
  private form!: HTMLFormElement;
  private status!: HTMLElement;
  private apiOrigin = '';

  connectedCallback(): void {
    this.strings = JSON.parse(this.dataset.strings ?? '{}') as Strings;
    this.apiOrigin = this.dataset.apiOrigin ?? '';
    this.form = this.querySelector('form[data-comment-form]')!;
    this.status = this.querySelector('[data-status]')!;
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.querySelector('[data-cancel-reply]')?.addEventListener('click', (event) => {
      event.preventDefault();
      this.setReply(null, '');
    });
    this.addEventListener('click', (event) => this.onClick(event));
    this.addEventListener(
      'submit',
      (event) => {
        const form = event.target as HTMLFormElement;
        if (form.closest('[data-report]')) {
          event.preventDefault();
          void this.report(form);
        }
      },
      true,
    );
    void Promise.all([this.loadList(), this.refreshToken()]).then(() => {
      this.form.hidden = false;
      this.renderOwnPending();
    });
    window.setInterval(() => void this.refreshToken(), TOKEN_REFRESH_MS);
    scheduleExpiry(() => this.renderOwn());
  }

  private t(key: string, values: Record<string, string | number> = {}): string {
    return format(Object.hasOwn(this.strings, key) ? this.strings[key]! : key, values);
  }

  private api(path: string): string {
    return `${this.apiOrigin}${path}`;
  }

  private clone<T extends HTMLElement = HTMLElement>(name: string): T {
    const template = this.querySelector<HTMLTemplateElement>(`template[data-template="${name}"]`)!;
    return template.content.firstElementChild!.cloneNode(true) as T;
  }

  private async loadList(): Promise<void> {
    const slot = this.querySelector<HTMLElement>('[data-list-slot]')!;
    try {
      const response = await fetch(this.dataset.listUrl!, { headers: { Accept: 'text/html' } });
      if (!response.ok) throw new Error(String(response.status));
      const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
      const list = doc.querySelector('[data-comment-list]');
      if (!list) throw new Error('no list');
      slot.replaceChildren(document.importNode(list, true));
      this.decorateOwn();
    } catch {
      const p = document.createElement('p');
      p.textContent = this.t('loadFailed');
      slot.append(p);
    }
  }

  private async refreshToken(): Promise<void> {
    try {
      const response = await fetch(this.api(apiRoutes.formToken()));
      const { token } = (await response.json()) as { token: string };
      this.form.querySelector<HTMLInputElement>('[data-form-token]')!.value = token;
    } catch {
      // Offline for a moment: the next refresh or the error on posting says so.
    }
  }

  private onClick(event: Event): void {
    const target = event.target as HTMLElement;
    const reply = target.closest<HTMLAnchorElement>('[data-reply-to]');
    if (reply) {
      event.preventDefault();
      this.setReply(reply.dataset.replyTo ?? null, reply.dataset.replyAuthor ?? '');
      return;
    }
    const action = target.closest<HTMLButtonElement>('[data-own-action]');
    if (action) void this.ownAction(action);
  }

  private setReply(parentId: string | null, author: string): void {
    this.form.querySelector<HTMLInputElement>('[data-parent-id]')!.value = parentId ?? '';
    this.form.querySelector<HTMLElement>('[data-reply-info]')!.hidden = parentId === null;
    const heading = this.form.querySelector<HTMLElement>('[data-form-heading]')!;
    if (parentId) {
      // The name in its own <bdi>, so a right-to-left name cannot turn the heading around.
      heading.replaceChildren(
        ...formatParts(this.strings.replyHeading ?? '', { name: author }).map((part) => {
          if (!part.value) return document.createTextNode(part.text);
          const bdi = document.createElement('bdi');
          bdi.textContent = part.text;
          return bdi;
        }),
      );
    } else heading.textContent = this.t('formHeading');
    this.form.querySelector('textarea')!.focus();
  }

  private clearErrors(): void {
    this.form.querySelector('[data-form-errors]')!.textContent = '';
    for (const el of this.form.querySelectorAll<HTMLElement>('[data-error-for]')) el.textContent = '';
    for (const el of this.form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  }

  private showErrors(body: ApiErrorBody): void {
    const error = body.error;
    const summary = this.form.querySelector<HTMLElement>('[data-form-errors]')!;
    if (!error) {
      summary.textContent = this.t('internal');
      return;
    }
    let firstField: HTMLElement | null = null;
    for (const field of error.fields ?? []) {
      if (!/^[a-z]+$/i.test(field.field)) continue;
      const slot = this.form.querySelector<HTMLElement>(`[data-error-for="${field.field}"]`);
      const input = this.form.querySelector<HTMLElement>(`[name="${field.field}"]`);
      if (slot) slot.textContent = field.message;
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        firstField ??= input;
      }
    }
    summary.textContent = `${this.t('errorSummary')} ${error.message}`;
    firstField?.focus();
  }

  private async submit(): Promise<void> {
    this.clearErrors();
    const button = this.form.querySelector<HTMLButtonElement>('[data-submit]')!;
    const data = new FormData(this.form);
    const payload = {
      thread: this.dataset.thread,
      parentId: data.get('parentId') ? Number(data.get('parentId')) : null,
      author: String(data.get('author') ?? ''),
      text: String(data.get('text') ?? ''),
      consent: data.get('consent') === 'true',
      website: String(data.get('website') ?? ''),
      formToken: String(data.get('formToken') ?? ''),
    };
    // The same limits the server applies (rules.ts), checked first so a slip needs no round trip.
    const fields: Array<{ field: string; message: string }> = [];
    if (payload.author.trim().length > LIMITS.authorMax) fields.push({ field: 'author', message: this.t('author_too_long') });
    if (!payload.text.trim()) fields.push({ field: 'text', message: this.t('text_required') });
    else if (payload.text.trim().length > LIMITS.textMax) fields.push({ field: 'text', message: this.t('text_too_long') });
    if (!payload.consent) fields.push({ field: 'consent', message: this.t('consent_required') });
    if (fields.length > 0) {
      this.showErrors({ error: { code: 'invalid', message: this.t('invalid'), fields } });
      return;
    }
    button.disabled = true;
    button.textContent = this.t('submitting');
    try {
      const response = await fetch(this.api(apiRoutes.comments()), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      });
      const body = (await response.json()) as ApiErrorBody & { id?: number; status?: string; editToken?: string };
      // Each form token posts once: whatever the answer, the next attempt gets a fresh one.
      await this.refreshToken();
      if (response.status !== 201 || !body.id || !body.editToken) {
        this.showErrors(body);
        return;
      }
      rememberOwn(String(body.id), {
        token: body.editToken,
        createdAt: Date.now(),
        thread: this.dataset.thread!,
        text: payload.text,
        status: body.status!,
      });
      scheduleExpiry(() => this.renderOwn());
      this.form.reset();
      this.setReply(null, '');
      this.status.textContent = body.status === 'approved' ? this.t('published') : this.t('pending');
      await this.loadList();
      this.renderOwnPending();
    } catch {
      this.form.querySelector('[data-form-errors]')!.textContent = this.t('internal');
    } finally {
      button.disabled = false;
      button.textContent = this.t('submit');
    }
  }

  private ownActions(id: string): HTMLElement {
    const actions = this.clone('own-actions');
    for (const button of actions.querySelectorAll<HTMLButtonElement>('[data-own-action]')) button.dataset.commentRef = id;
    return actions;
  }

  /** Listed comments of this author get edit and delete while the window is open. */
  private decorateOwn(): void {
    for (const old of this.querySelectorAll('[data-comment-list] [data-own-actions]')) old.remove();
    for (const id of Object.keys(readOwn())) {
      this.querySelector(`[data-comment-list] [data-comment-id="${CSS.escape(id)}"] [data-comment-actions]`)?.append(this.ownActions(id));
    }
  }

  private renderOwn(): void {
    this.decorateOwn();
    this.renderOwnPending();
  }

  /** A comment waiting for approval is not listed yet; show it to its author only. */
  private renderOwnPending(): void {
    const box = this.querySelector<HTMLElement>('[data-own-pending]')!;
    box.replaceChildren();
    for (const [id, own] of Object.entries(readOwn())) {
      if (own.thread !== this.dataset.thread || this.querySelector(`[data-comment-list] [data-comment-id="${CSS.escape(id)}"]`)) continue;
      const article = this.clone('own-pending');
      article.dataset.commentId = id;
      article.querySelector('[data-own-heading]')!.textContent = this.t('ownPending', { status: this.t('pending') });
      article.querySelector('[data-own-text]')!.textContent = own.text;
      article.querySelector('[data-comment-actions]')!.append(this.ownActions(id));
      box.append(article);
    }
  }

  private async ownAction(button: HTMLButtonElement): Promise<void> {
    const id = button.dataset.commentRef!;
    const all = readOwn();
    const own = Object.hasOwn(all, id) ? all[id] : undefined;
    if (!own) return;
    const article = button.closest<HTMLElement>('[data-comment-id]')!;
    if (button.dataset.ownAction === 'delete') {
      if (!window.confirm(this.t('deleteConfirm'))) return;
      const response = await fetch(this.api(apiRoutes.comment(id)), { method: 'DELETE', headers: { 'X-Edit-Token': own.token } });
      if (response.status === 204) {
        forgetOwn(id);
        article.remove();
        this.status.textContent = this.t('deleted');
        await this.loadList();
      } else {
        this.status.textContent = ((await response.json()) as ApiErrorBody).error?.message ?? this.t('internal');
      }
      return;
    }
    // Edit in place: a labelled textarea and a save button.
    const editor = this.clone<HTMLFormElement>('editor');
    const area = editor.querySelector('textarea')!;
    area.value = own.text;
    button.closest('[data-comment-actions]')!.before(editor);
    area.focus();
    editor.addEventListener('submit', async (event) => {
      event.preventDefault();
      const response = await fetch(this.api(apiRoutes.comment(id)), {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-Edit-Token': own.token },
        body: JSON.stringify({ text: area.value }),
      });
      if (response.ok) {
        const body = (await response.json()) as { status?: string };
        updateOwn(id, { text: area.value, ...(body.status ? { status: body.status } : {}) });
        // An approved comment changed under prior moderation waits for approval again.
        this.status.textContent = body.status === 'pending' ? this.t('pending') : this.t('updated');
        editor.remove();
        await this.loadList();
        this.renderOwnPending();
      } else {
        this.status.textContent = ((await response.json()) as ApiErrorBody).error?.message ?? this.t('internal');
      }
    });
  }

  private async report(form: HTMLFormElement): Promise<void> {
    const reason = new FormData(form).get('reason');
    const response = await fetch(form.action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason }),
    });
    const details = form.closest('details');
    if (details) details.open = false;
    this.status.textContent = response.ok
      ? this.t('reported')
      : (((await response.json()) as ApiErrorBody).error?.message ?? this.t('internal'));
  }
}

customElements.define('comment-section', CommentSection);

// A module, so its declarations stay local.
export {};
