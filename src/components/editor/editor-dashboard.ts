/**
 * <editor-dashboard>: publish and preview buttons with a live status line, and the publish
 * history. Talks to /api/redaktion/* (same origin, session cookie).
 */
import { format } from '@/i18n/format';
import { SITE_TIME_ZONE } from '@/lib/posts/publish';

interface BuildStatus {
  building: boolean;
  queued: boolean;
  last: { ok: boolean; startedAt: string; finishedAt: string; durationMs: number; error?: string } | null;
}
type Status = BuildStatus & { preview: BuildStatus };
interface HistoryEntry {
  who: string;
  requestedAt: string;
  finishedAt: string | null;
  ok: boolean | null;
  files: string[];
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
  #timer: number | undefined;

  connectedCallback(): void {
    this.#t = JSON.parse(this.dataset.strings ?? '{}');
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
    const response = await fetch(`/api/redaktion/${what}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    if (response.status === 401) return location.assign('/redaktion/anmelden/');
    await this.#refresh();
  }

  async #refresh(): Promise<void> {
    clearTimeout(this.#timer);
    const [statusResponse, historyResponse] = await Promise.all([fetch('/api/redaktion/status'), fetch('/api/redaktion/verlauf')]);
    if (statusResponse.status === 401) return location.assign('/redaktion/anmelden/');
    const status = (await statusResponse.json()) as Status;
    this.#show(status, 'publish');
    this.#show(status.preview, 'preview');
    this.#history(((await historyResponse.json()) as { publishes: HistoryEntry[] }).publishes);
    const busy = status.building || status.queued || status.preview.building || status.preview.queued;
    this.#button('[data-publish]').disabled = false;
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
    } else {
      line.textContent = kind === 'publish' ? t.statusFailed! : t.previewFailed!;
      error.textContent = status.last.error ?? '';
      error.hidden = false;
    }
    if (kind === 'preview') this.#el('[data-preview-link]').hidden = !status.last?.ok || status.building;
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
        const cells = [
          dateTime(new Date(entry.requestedAt)),
          entry.who,
          entry.files.join(', ') || '–',
          entry.ok === null ? t.resultRunning! : entry.ok ? t.resultOk! : t.resultFailed!,
        ];
        row.replaceChildren(...cells.map((text) => Object.assign(document.createElement('td'), { textContent: text })));
        return row;
      }),
    );
  }
}

customElements.define('editor-dashboard', EditorDashboard);
