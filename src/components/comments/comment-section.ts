/**
 * <comment-section>: loads the server-rendered comment list, posts the form as JSON, shows
 * errors next to their fields, and lets authors edit or delete their comment for 15 minutes.
 * The edit token is the only thing this site keeps in the browser (localStorage).
 */
const STORE_KEY = 'innungswissen:edit-tokens';
const EDIT_WINDOW_MS = 15 * 60 * 1000;

interface OwnComment { token: string; createdAt: number; thread: string; text: string; status: string }
type Strings = Record<string, string>;
interface ApiErrorBody { error?: { code: string; message: string; fields?: Array<{ field: string; message: string }> } }

function readOwn(): Record<string, OwnComment> {
  try {
    const all = JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}') as Record<string, OwnComment>;
    const now = Date.now();
    return Object.fromEntries(Object.entries(all).filter(([, c]) => now - c.createdAt < EDIT_WINDOW_MS));
  } catch {
    return {};
  }
}

function writeOwn(own: Record<string, OwnComment>): void {
  if (Object.keys(own).length === 0) localStorage.removeItem(STORE_KEY);
  else localStorage.setItem(STORE_KEY, JSON.stringify(own));
}

class CommentSection extends HTMLElement {
  private strings: Strings = {};
  private form!: HTMLFormElement;
  private status!: HTMLElement;

  connectedCallback(): void {
    this.strings = JSON.parse(this.dataset.strings ?? '{}') as Strings;
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
    this.addEventListener('submit', (event) => {
      const form = event.target as HTMLFormElement;
      if (form.closest('[data-report]')) {
        event.preventDefault();
        void this.report(form);
      }
    }, true);
    void Promise.all([this.loadList(), this.refreshToken()]).then(() => {
      this.form.hidden = false;
      this.renderOwnPending();
    });
  }

  private t(key: string, values: Record<string, string | number> = {}): string {
    return Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), this.strings[key] ?? key);
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
    const response = await fetch('/api/comments/form-token');
    const { token } = (await response.json()) as { token: string };
    this.form.querySelector<HTMLInputElement>('[data-form-token]')!.value = token;
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
    heading.textContent = parentId ? this.t('replyHeading', { name: author }) : this.t('formHeading');
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
    // The same rules the server applies, checked first so a slip needs no round trip.
    const fields: Array<{ field: string; message: string }> = [];
    if (payload.author.trim().length > 80) fields.push({ field: 'author', message: this.t('author_too_long') });
    if (!payload.text.trim()) fields.push({ field: 'text', message: this.t('text_required') });
    else if (payload.text.trim().length > 5000) fields.push({ field: 'text', message: this.t('text_too_long') });
    if (!payload.consent) fields.push({ field: 'consent', message: this.t('consent_required') });
    if (fields.length > 0) {
      this.showErrors({ error: { code: 'invalid', message: this.t('invalid'), fields } });
      return;
    }
    button.disabled = true;
    button.textContent = this.t('submitting');
    try {
      const response = await fetch('/api/comments', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      });
      const body = (await response.json()) as ApiErrorBody & { id?: number; status?: string; editToken?: string };
      if (response.status !== 201 || !body.id || !body.editToken) {
        this.showErrors(body);
        if (body.error?.code === 'invalid_form_token') await this.refreshToken();
        return;
      }
      const own = readOwn();
      own[String(body.id)] = { token: body.editToken, createdAt: Date.now(), thread: this.dataset.thread!, text: payload.text, status: body.status! };
      writeOwn(own);
      this.form.reset();
      this.setReply(null, '');
      this.status.textContent = body.status === 'approved' ? this.t('published') : this.t('pending');
      await Promise.all([this.loadList(), this.refreshToken()]);
      this.renderOwnPending();
    } catch {
      this.form.querySelector('[data-form-errors]')!.textContent = this.t('internal');
    } finally {
      button.disabled = false;
      button.textContent = this.t('submit');
    }
  }

  private ownActions(id: string): HTMLElement {
    const wrap = document.createElement('span');
    wrap.className = 'flex gap-4';
    for (const [action, label] of [['edit', this.t('edit')], ['delete', this.t('delete')]] as const) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'min-h-11 text-brand-dark underline';
      button.dataset.ownAction = action;
      button.dataset.commentRef = id;
      button.textContent = label;
      wrap.append(button);
    }
    return wrap;
  }

  /** Listed comments of this author get edit and delete while the window is open. */
  private decorateOwn(): void {
    for (const id of Object.keys(readOwn())) {
      this.querySelector(`[data-comment-list] [data-comment-id="${id}"] [data-comment-actions]`)?.append(this.ownActions(id));
    }
  }

  /** A comment waiting for approval is not listed yet; show it to its author only. */
  private renderOwnPending(): void {
    const box = this.querySelector<HTMLElement>('[data-own-pending]')!;
    box.replaceChildren();
    for (const [id, own] of Object.entries(readOwn())) {
      if (own.thread !== this.dataset.thread || this.querySelector(`[data-comment-list] [data-comment-id="${id}"]`)) continue;
      const article = document.createElement('article');
      article.className = 'mt-4 rounded-lg border border-dashed border-slate-400 p-4';
      article.dataset.commentId = id;
      article.dataset.ownComment = '';
      const heading = document.createElement('p');
      heading.className = 'text-sm font-semibold';
      heading.textContent = `${this.t('yourComment')} – ${this.t('pending')}`;
      const text = document.createElement('p');
      text.className = 'mt-2 whitespace-pre-line';
      text.dataset.ownText = '';
      text.textContent = own.text;
      const actions = document.createElement('div');
      actions.dataset.commentActions = '';
      actions.append(this.ownActions(id));
      article.append(heading, text, actions);
      box.append(article);
    }
  }

  private async ownAction(button: HTMLButtonElement): Promise<void> {
    const id = button.dataset.commentRef!;
    const own = readOwn()[id];
    if (!own) return;
    const article = button.closest<HTMLElement>('[data-comment-id]')!;
    if (button.dataset.ownAction === 'delete') {
      if (!window.confirm(this.t('deleteConfirm'))) return;
      const response = await fetch(`/api/comments/${id}`, { method: 'DELETE', headers: { 'X-Edit-Token': own.token } });
      if (response.status === 204) {
        const all = readOwn();
        delete all[id];
        writeOwn(all);
        article.remove();
        this.status.textContent = this.t('deleted');
        await this.loadList();
      } else {
        this.status.textContent = ((await response.json()) as ApiErrorBody).error?.message ?? this.t('internal');
      }
      return;
    }
    // Edit in place: a labelled textarea and a save button.
    const editor = document.createElement('form');
    editor.className = 'mt-2 space-y-2';
    const label = document.createElement('label');
    label.className = 'block font-semibold';
    label.textContent = this.t('edit');
    const area = document.createElement('textarea');
    area.className = 'mt-1 block w-full rounded border border-slate-500 p-2';
    area.rows = 4;
    area.value = own.text;
    label.append(area);
    const save = document.createElement('button');
    save.type = 'submit';
    save.className = 'btn';
    save.textContent = this.t('save');
    editor.append(label, save);
    button.closest('[data-comment-actions]')!.before(editor);
    area.focus();
    editor.addEventListener('submit', async (event) => {
      event.preventDefault();
      const response = await fetch(`/api/comments/${id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-Edit-Token': own.token },
        body: JSON.stringify({ text: area.value }),
      });
      if (response.ok) {
        const all = readOwn();
        if (all[id]) all[id].text = area.value;
        writeOwn(all);
        this.status.textContent = this.t('updated');
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
    this.status.textContent = response.ok ? this.t('reported') : (((await response.json()) as ApiErrorBody).error?.message ?? this.t('internal'));
  }
}

customElements.define('comment-section', CommentSection);

// A module, so its declarations stay local.
export {};
