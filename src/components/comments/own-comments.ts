/**
 * The author's own comments in this browser (localStorage): for each, the edit key and a copy of
 * the text, so the author can edit or delete it during the 15-minute edit window. The only thing
 * the site keeps on the reader's device. Entries are removed as soon as the window has passed:
 * on every page load that runs this module, and by a timer while the page stays open.
 */
import { EDIT_WINDOW_MS } from '@/lib/comments/rules';

const STORE_KEY = 'innungswissen:edit-tokens';

export interface OwnComment {
  token: string;
  createdAt: number;
  thread: string;
  text: string;
  status: string;
}

function load(): Record<string, OwnComment> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, OwnComment>) : {};
  } catch {
    return {};
  }
}

function save(all: Record<string, OwnComment>): void {
  try {
    if (Object.keys(all).length === 0) localStorage.removeItem(STORE_KEY);
    else localStorage.setItem(STORE_KEY, JSON.stringify(all));
  } catch {
    // Storage full or switched off: the comment is posted anyway, only editing in place is unavailable.
  }
}

const open = (c: OwnComment, now: number) => typeof c?.createdAt === 'number' && now - c.createdAt < EDIT_WINDOW_MS;

/** Own comments whose edit window is still open (expired ones are removed from storage on the way). */
export function readOwn(now = Date.now()): Record<string, OwnComment> {
  const all = load();
  const kept = Object.fromEntries(Object.entries(all).filter(([, c]) => open(c, now)));
  if (Object.keys(kept).length !== Object.keys(all).length) save(kept);
  return kept;
}

export function rememberOwn(id: string, comment: OwnComment): void {
  save({ ...readOwn(), [id]: comment });
  scheduleExpiry();
}

export function updateOwn(id: string, change: Partial<Pick<OwnComment, 'text' | 'status'>>): void {
  const all = readOwn();
  const entry = Object.hasOwn(all, id) ? all[id] : undefined;
  if (entry) save({ ...all, [id]: { ...entry, ...change } });
}

export function forgetOwn(id: string): void {
  const all = readOwn();
  delete all[id];
  save(all);
}

let timer: number | undefined;

/** Removes each entry the moment its window closes, while this page is open; calls `onExpire` then. */
export function scheduleExpiry(onExpire?: () => void): void {
  window.clearTimeout(timer);
  const ends = Object.values(readOwn()).map((c) => c.createdAt + EDIT_WINDOW_MS);
  if (ends.length === 0) return;
  timer = window.setTimeout(
    () => {
      readOwn();
      onExpire?.();
      scheduleExpiry(onExpire);
    },
    Math.max(0, Math.min(...ends) - Date.now()) + 50,
  );
}
