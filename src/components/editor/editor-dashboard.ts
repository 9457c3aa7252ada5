/**
 * <editor-dashboard>: publish and preview buttons with a live status line, and the publish
 * history. Talks to /api/redaktion/* (same origin, session cookie). The publish button sends the
 * token of the "what goes live" list the page shows (WhatGoesLive.astro); when the content changed
 * since, the server refuses and the list is replaced by the page's new one. A finished publish
 * refreshes the list the same way.
 */
import { format } from '@/i18n/format';
import { SITE_TIME_ZONE } from '@/lib/posts/publish';
import { editorPaths } from '@/lib/editor/paths';

interface Problem {
  collection: 'posts' | 'messengers' | 'sources';
  slug: string;
  title: string;
  field: string;
  message: string;
}
interface BuildStatus {
  building: boolean;
  queued: boolean;
  last: { ok: boolean; startedAt: string; finishedAt: string; durationMs: number; error?: string; problems?: Problem[] } | null;
}
type Status = BuildStatus & { preview: BuildStatus; awaitingApproval?: Array<{ id: number; by: string; at: string }> };
interface HistoryEntry {
  who: string;
  requestedAt: string;
  finishedAt: string | null;
  ok: boolean | null;
  awaitingApproval?: boolean;
  approvedBy?: string | null;
  items: Array<{ title: string; scheduledFor?: string }>;
}

// Made on first use, like the site's own date formatters (src/lib/posts/format.ts).
let timeFormat: Intl.DateTimeFormat | undefined;
let dateTimeFormat: Intl.DateTimeFormat | undefined;
const time = (date: Date) =>
  (timeFormat ??= new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: SITE_TIME_ZONE })).format(date);
const dateTime = (date: Date) =>
  (dateTimeFormat ??= new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: SITE_TIME_ZONE })).format(date);

class EditorDashboard extends HTMLElement {
  #t: Record<string, string> = {};
  #collectionOne: Record<string, string> = {};
  #timer: number | undefined;
  #wasBusy = false;

  connectedCallback(): void {
    this.#t = JSON.parse(this.dataset.strings ?? '{}');
    this.#collectionOne = (this.#t as unknown as { collectionOne: Record<string, string> }).collectionOne ?? {};
    this.#button('[data-publish]').addEventListener('click', () => void this.#start('veroeffentlichen'));
    this.#button('[data-preview]').addEventListener('click', () => void this.#start('vorschau'));
    void this.#refresh();
  }

  disconnectedCallback(): void {
    clearTimeout(this.#timer);
  }

  #button(selector: string): HTMLButtonElement {
    return this.querySelector(selector) as HTMLButtonElement;
  }

  #el(selector: string): HTMLElement {
    return this.querySelector(selector) as HTMLElement;
  }

  async #start(what: 'veroeffentlichen' | 'vorschau'): Promise<void> {
    const token = this.querySelector<HTMLElement>('[data-live-list]')?.dataset.token ?? '';
    const refused = this.#el('[data-publish-refused]');
    const response = await fetch(`/api/redaktion/${what}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(what === 'veroeffentlichen' ? { token } : {}),
    });
    if (response.status === 401) return location.assign('/redaktion/anmelden/');
    if (what === 'veroeffentlichen') {
      const answer = (await response.json().catch(() => ({}))) as {
        nothing?: boolean;
        awaitingApproval?: boolean;
        message?: string;
        error?: { message?: string };
      };
      if (answer.awaitingApproval) this.#el('[data-status]').textContent = answer.message ?? '';
      refused.hidden = response.status !== 409;
      refused.textContent = response.status === 409 ? (answer.error?.message ?? '') : '';
      if (response.status === 409) await this.#reloadList();
      if (answer.nothing) this.#el('[data-status]').textContent = answer.message ?? '';
      if (response.status !== 202) return;
    }
    await this.#refresh();
  }

  /** The list as the server renders it now (this page, fetched again): what the button will publish. */
  async #reloadList(): Promise<void> {
    const response = await fetch(location.pathname, { headers: { Accept: 'text/html' } });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('[data-live-list]');
    const current = this.querySelector('[data-live-list]');
    if (fresh && current) current.replaceWith(document.importNode(fresh, true));
  }

  async #refresh(): Promise<void> {
    clearTimeout(this.#timer);
    const [statusResponse, historyResponse] = await Promise.all([fetch('/api/redaktion/status'), fetch('/api/redaktion/verlauf')]);
    if (statusResponse.status === 401) return location.assign('/redaktion/anmelden/');
    const status = (await statusResponse.json()) as Status;
    this.#show(status, 'publish');
    this.#show(status.preview, 'preview');
    this.#approvals(status.awaitingApproval ?? []);
    this.#history(((await historyResponse.json()) as { publishes: HistoryEntry[] }).publishes);
    const busy = status.building || status.queued || status.preview.building || status.preview.queued;
    const publishing = status.building || status.queued;
    if (this.#wasBusy && !publishing) await this.#reloadList();
    this.#wasBusy = publishing;
    this.#button('[data-publish]').disabled = publishing;
    this.#button('[data-preview]').disabled = status.preview.building || status.preview.queued;
    if (busy) this.#timer = window.setTimeout(() => void this.#refresh(), 1000);
  }

  #show(status: BuildStatus, kind: 'publish' | 'preview'): void {
    const t = this.#t;
    const line = this.#el(kind === 'publish' ? '[data-status]' : '[data-preview-status]');
    const error = this.#el(kind === 'publish' ? '[data-error]' : '[data-preview-error]');
    error.hidden = true;
    if (status.building) line.textContent = t.statusBuilding!;
    else if (status.queued) line.textContent = t.statusQueued!;
    else if (!status.last) line.textContent = kind === 'publish' ? t.statusIdle! : '';
    else if (status.last.ok) {
      const values = { time: time(new Date(status.last.finishedAt)), seconds: Math.round(status.last.durationMs / 1000) };
      line.textContent = format(kind === 'publish' ? t.statusDone! : t.previewDone!, values);
    } else if (status.last.problems?.length) {
      // The content check refused an entry: its title, the field's label, the message, and a way into the editor.
      line.textContent = t.problemsIntro!;
      error.replaceChildren(...status.last.problems.map((problem) => this.#problem(problem)));
      error.hidden = false;
    } else {
      line.textContent = kind === 'publish' ? t.statusFailed! : t.previewFailed!;
      error.textContent = status.last.error ?? '';
      error.hidden = false;
    }
    if (kind === 'preview') this.#el('[data-preview-link]').hidden = !status.last?.ok || status.building;
  }

  /** Freigabe: each waiting publish with who asked and a button for a second account. */
  #approvals(waiting: Array<{ id: number; by: string; at: string }>): void {
    const box = this.#el('[data-approval]');
    box.hidden = waiting.length === 0;
    this.#el('[data-approval-list]').replaceChildren(
      ...waiting.map((request) => {
        const item = document.createElement('li');
        const button = Object.assign(document.createElement('button'), {
          type: 'button',
          className: 'btn ml-2',
          textContent: this.#t.approve!,
        });
        button.addEventListener('click', () => void this.#approve(request.id));
        item.replaceChildren(
          document.createTextNode(`${format(this.#t.approvalLine!, { name: request.by, time: dateTime(new Date(request.at)) })} `),
          button,
        );
        return item;
      }),
    );
  }

  async #approve(id: number): Promise<void> {
    const response = await fetch('/api/redaktion/freigeben', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id }),
    });
    if (response.status === 401) return location.assign('/redaktion/anmelden/');
    const refused = this.#el('[data-publish-refused]');
    const answer = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    refused.hidden = response.ok;
    refused.textContent = response.ok ? '' : (answer.error?.message ?? '');
    await this.#refresh();
  }

  #problem(problem: Problem): HTMLElement {
    const item = document.createElement('p');
    item.dataset.problem = '';
    item.className = 'mb-2';
    const text = format(this.#t.problemLine!, {
      collection: this.#collectionOne[problem.collection] ?? '',
      title: problem.title,
      field: problem.field,
      message: problem.message,
    });
    const open = Object.assign(document.createElement('a'), {
      className: 'btn-secondary ml-2',
      href: `${editorPaths.keystatic}collection/${problem.collection}/item/${encodeURIComponent(problem.slug)}`,
      textContent: this.#t.openInEditor!,
    });
    item.replaceChildren(document.createTextNode(`${text} `), open);
    return item;
  }

  #history(entries: HistoryEntry[]): void {
    const t = this.#t;
    const table = this.#el('[data-history]');
    this.#el('[data-history-empty]').hidden = entries.length > 0;
    table.hidden = entries.length === 0;
    const body = table.querySelector('tbody')!;
    body.replaceChildren(
      ...entries.map((entry) => {
        const row = document.createElement('tr');
        const scheduled = entry.items.filter((item) => item.scheduledFor);
        const onlyScheduled = entry.ok === true && scheduled.length > 0 && scheduled.length === entry.items.length;
        const cells = [
          dateTime(new Date(entry.requestedAt)),
          entry.who,
          entry.items
            .map((item) => (item.scheduledFor ? `${item.title} (${format(t.historyScheduled!, { day: item.scheduledFor })})` : item.title))
            .join(', ') || '–',
          entry.awaitingApproval
            ? t.historyAwaiting!
            : entry.ok === null
              ? t.resultRunning!
              : entry.ok && entry.approvedBy
                ? format(t.historyApproved!, { name: entry.approvedBy })
                : onlyScheduled
                  ? format(t.historyScheduled!, { day: scheduled.map((item) => item.scheduledFor).join(', ') })
                  : entry.ok
                    ? t.resultOk!
                    : t.resultFailed!,
        ];
        row.replaceChildren(...cells.map((text) => Object.assign(document.createElement('td'), { textContent: text })));
        return row;
      }),
    );
  }
}

customElements.define('editor-dashboard', EditorDashboard);
