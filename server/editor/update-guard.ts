/**
 * What a save through the browser editor may write, checked before Keystatic writes anything (issue 21):
 * paths inside the collection folders (with their "/") that pass through no symlink and stay inside
 * content/ by realpath; entries that pass the content check's safety rules (no code, no unsafe address);
 * uploads that are pictures (src/lib/editor/uploads.ts) within the size limit and the content quota.
 * Every refusal is a 4xx with a German message; nothing of a refused save is written.
 */
import { lstat, readdir, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';
import { checkSavedFiles, type SavedFiles } from '@/lib/content-check';
import { DEFAULT_CONTENT_QUOTA_BYTES, MAX_UPLOAD_BYTES, uploadRefusal } from '@/lib/editor/uploads';
import { classifyAddition, deletionRefusal, type EditorFolders } from '@/lib/editor/update-paths';
import { clerkWords, type Collections } from './save-refusal-words';

/** The editor's collections, whose field labels name a refused field (loaded once, on the first refusal). */
let collections: Promise<Collections> | undefined;
const editorCollections = () =>
  (collections ??= import('../../editor/keystatic.config').then(({ default: config }) => config.collections as unknown as Collections));

const t = de.contentSafety;

/** The answer to a save larger than the server reads at all: it names the picture limit editors can act on. */
export const REQUEST_TOO_LARGE = format(t.requestTooLarge, { max: MAX_UPLOAD_BYTES / 1024 / 1024 });

export interface Refusal {
  status: number;
  error: { code: string; message: string; file?: string; problems?: string[] };
}

interface Update {
  additions: Array<{ path: string; contents: Buffer }>;
  deletions: Array<{ path: string }>;
}

/** EDITOR_CONTENT_QUOTA_MB, or the default (500 MB). */
export function contentQuotaBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.EDITOR_CONTENT_QUOTA_MB);
  return Number.isFinite(mb) && mb > 0 ? mb * 1024 * 1024 : DEFAULT_CONTENT_QUOTA_BYTES;
}

/** Keystatic's update body: { additions: [{ path, contents (base64url) }], deletions: [{ path }] }. */
export function parseUpdate(body: Buffer): Update | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  const { additions, deletions } = (raw ?? {}) as { additions?: unknown; deletions?: unknown };
  if (!Array.isArray(additions) || !Array.isArray(deletions)) return undefined;
  const ok = (x: unknown, keys: string[]) =>
    typeof x === 'object' && x !== null && keys.every((k) => typeof (x as Record<string, unknown>)[k] === 'string');
  if (!additions.every((a) => ok(a, ['path', 'contents'])) || !deletions.every((d) => ok(d, ['path']))) return undefined;
  return {
    additions: additions.map((a: { path: string; contents: string }) => ({ path: a.path, contents: Buffer.from(a.contents, 'base64url') })),
    deletions: deletions.map((d: { path: string }) => ({ path: d.path })),
  };
}

/** True when `path` below `contentDir` passes through a symlink, or its realpath leaves the content folder. */
export async function leavesContent(contentDir: string, path: string): Promise<boolean> {
  const base = await realpath(contentDir);
  let current = base;
  for (const segment of path.split('/')) {
    current = join(current, segment);
    const stats = await lstat(current).catch(() => undefined);
    if (!stats) return false; // does not exist yet: nothing further down can be a link
    if (stats.isSymbolicLink()) return true;
  }
  const real = await realpath(current).catch(() => current);
  return real !== base && !real.startsWith(base + sep);
}

/** Bytes of the regular files below `dir` (symlinks are not followed). */
async function usedBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) total += await usedBytes(full);
    else if (entry.isFile()) total += (await lstat(full)).size;
  }
  return total;
}

const UPLOAD_STATUS = { type: 415, content: 415, name: 400, size: 413 } as const;

const refuse = (status: number, code: string, message: string, file?: string): Refusal => ({
  status,
  error: { code, message, ...(file ? { file } : {}) },
});

/** Paths and uploads: the first refusal, or the entries to check. */
async function checkPaths(contentDir: string, update: Update, folders: EditorFolders): Promise<Refusal | SavedFiles> {
  const saved: SavedFiles = { posts: [], messengers: [], sources: [] };
  for (const { path, contents } of update.additions) {
    const verdict = classifyAddition(path, folders);
    if (verdict.kind === 'refused') return refuse(400, 'path_refused', verdict.message, path.slice(0, 200));
    if (await leavesContent(contentDir, path)) return refuse(400, 'path_refused', format(t.pathSymlink, { path }), path);
    if (verdict.kind === 'upload') {
      const refused = uploadRefusal(verdict.name, contents);
      if (refused) return refuse(UPLOAD_STATUS[refused.reason], 'upload_refused', refused.message, path);
      continue;
    }
    const list = (saved as unknown as Record<string, SavedFiles['posts'] | undefined>)[path.split('/')[0]!];
    list?.push({ file: `content/${path}`, source: contents.toString('utf8') });
  }
  for (const { path } of update.deletions) {
    const message = deletionRefusal(path, folders);
    if (message) return refuse(400, 'path_refused', message, path.slice(0, 200));
    if (await leavesContent(contentDir, path)) return refuse(400, 'path_refused', format(t.pathSymlink, { path }), path);
    // Keystatic removes files only; a folder would make its fs.rm throw (a 500).
    const stats = await lstat(join(contentDir, path)).catch(() => undefined);
    if (stats && !stats.isFile())
      return refuse(400, 'path_refused', format(t.pathOutside, { path, folders: Object.keys(folders.collections).join(', ') }), path);
  }
  return saved;
}

/** The quota: what content/ holds after this update (replaced and deleted files no longer count). */
async function overQuota(contentDir: string, update: Update, quota: number): Promise<boolean> {
  let total = await usedBytes(contentDir);
  for (const { path } of [...update.additions, ...update.deletions]) {
    const stats = await lstat(join(contentDir, path)).catch(() => undefined);
    if (stats?.isFile()) total -= stats.size;
  }
  for (const { contents } of update.additions) total += contents.length;
  return total > quota;
}

/** Why this update must not be written, or undefined when Keystatic may write it. */
export async function updateRefusal(
  contentDir: string,
  body: Buffer,
  folders: EditorFolders,
  quota = contentQuotaBytes(),
): Promise<Refusal | undefined> {
  const update = parseUpdate(body);
  if (!update) return refuse(400, 'bad_update', t.badUpdate);
  const checked = await checkPaths(contentDir, update, folders);
  if ('status' in checked) return checked;
  const problems = checkSavedFiles(checked);
  if (problems.length > 0) {
    // The clerk reads entry, field label and what is expected; the path stays in `file`, for the log.
    const sources = new Map(Object.values(checked).flatMap((list: SavedFiles['posts']) => list.map((f) => [f.file, f.source] as const)));
    const known = await editorCollections();
    const words = problems.map((p) => clerkWords(p, sources.get(p.file) ?? '', known));
    const message =
      problems.length === 1 ? format(t.refused, { problem: words[0]! }) : format(t.refusedMore, { n: problems.length, problem: words[0]! });
    return { status: 422, error: { code: 'content_refused', message, file: problems[0]!.file, problems: words } };
  }
  if (await overQuota(contentDir, update, quota))
    return refuse(413, 'quota', format(t.quotaFull, { max: Math.round(quota / 1024 / 1024) }));
  return undefined;
}
