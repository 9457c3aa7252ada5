/**
 * The paths a save through the browser editor (Keystatic's update) may write (issue 21, F6/F7): an entry
 * file directly in a collection folder, or a picture below a post's own folder. Folders are compared with
 * their trailing "/" (Keystatic's own check is a plain prefix: "postsEVIL/x" passed). Pure; the server adds
 * the file-system side (symlinks, realpath) in server/editor/keystatic-api.ts.
 */
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';
import { isWindowsReserved, suggestName, UPLOAD_NAME } from './uploads';

/** An entry's file name without extension: a post's address, a messenger's id, a source's key (T1, BNetzA). */
export const ENTRY_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,80}$/;
export interface EditorFolders {
  /** Collection folders, each ending in "/" (posts/, messengers/, sources/), with the extensions of their entry files. */
  collections: Readonly<Record<string, readonly string[]>>;
  /** Collection folders whose entries have pictures in a folder of their own (posts/<slug>/…). */
  pictures: readonly string[];
}

export type PathVerdict =
  { kind: 'entry'; path: string } | { kind: 'upload'; path: string; name: string } | { kind: 'refused'; message: string };

const t = de.contentSafety;

/** The collection folder a path lies in (by its first segment and the "/"), if any. */
export function folderOf(path: string, folders: EditorFolders): string | undefined {
  return Object.keys(folders.collections).find((folder) => folder.endsWith('/') && path.startsWith(folder) && path.length > folder.length);
}

/** Longest segment a deletion may name (file systems hold 255 bytes; an over-long name is a 400, never a 500). Additions are held to ENTRY_NAME and UPLOAD_NAME. */
const MAX_SEGMENT = 120;

/** Segments only; no "..", ".", empty, backslash or control character anywhere. */
export function isPlainPath(path: string): boolean {
  return !/[\\\u0000-\u001f\u007f]/.test(path) && path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

function refusedName(name: string): PathVerdict {
  return {
    kind: 'refused',
    message: format(t.pathEntryName, {
      name: name.length > 60 ? `${name.slice(0, 57)}…` : name,
      suggestion: suggestName(name).replace(/\.[a-z0-9]*$/, ''),
    }),
  };
}

/** What an addition at `path` is, or why it is refused (German). */
export function classifyAddition(path: string, folders: EditorFolders): PathVerdict {
  const folder = folderOf(path, folders);
  const outside: PathVerdict = {
    kind: 'refused',
    message: format(t.pathOutside, { path: path.slice(0, 100), folders: Object.keys(folders.collections).join(', ') }),
  };
  if (!folder || !isPlainPath(path)) return outside;
  const segments = path.slice(folder.length).split('/');
  const name = segments[segments.length - 1]!;
  if (segments.length === 1) {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot + 1) : '';
    if (!(folders.collections[folder] ?? []).includes(ext) || !ENTRY_NAME.test(stem) || isWindowsReserved(stem)) return refusedName(name);
    return { kind: 'entry', path };
  }
  if (!folders.pictures.includes(folder)) return outside;
  // Folders below a post's picture folder: the post's address and Keystatic's field folders.
  for (const dir of segments.slice(0, -1)) if (!UPLOAD_NAME.test(dir) || isWindowsReserved(dir)) return refusedName(dir);
  return { kind: 'upload', path, name };
}

/** A deletion may remove any file inside a collection folder (also one with a name no longer allowed). */
export function deletionRefusal(path: string, folders: EditorFolders): string | undefined {
  const ok = folderOf(path, folders) && isPlainPath(path) && path.split('/').every((s) => s.length <= MAX_SEGMENT);
  return ok ? undefined : format(t.pathOutside, { path: path.slice(0, 100), folders: Object.keys(folders.collections).join(', ') });
}
