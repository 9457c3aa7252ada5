/**
 * Keystatic's local-mode API (tree, blob, update), run inside our server behind the editor
 * login, with the content folder as its base. As shipped it writes files for anyone who asks;
 * here only a signed-in editor reaches it. It also refuses a save that would silently overwrite
 * a file someone else changed since this editor loaded it (Keystatic's local mode writes last-wins),
 * and a save that carries code, a file that is no picture, or a path outside the collection folders
 * (update-guard.ts) before Keystatic writes anything.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { de } from '@/i18n/de';
import type { EditorFolders } from '@/lib/editor/update-paths';
import { leavesContent, updateRefusal, type Refusal } from './update-guard';

type ApiHandler = (
  request: Request,
) => Promise<{ body: string | Uint8Array | null; headers?: Record<string, string> | Headers | [string, string][]; status?: number }>;

export interface KeystaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Git's blob hash, as Keystatic uses it for every file. */
export function blobSha(contents: Buffer): string {
  return createHash('sha1').update(`blob ${contents.length}\0`).update(contents).digest('hex');
}

/**
 * The path segments as Keystatic's generic handler reads them from the Request we hand it (URL-normalised,
 * so "x/../" and "%2e%2e/" are resolved; then decoded, empty ones dropped); undefined if it cannot be decoded.
 */
export function keystaticParams(path: string): string[] | undefined {
  try {
    return new URL(path, 'http://localhost').pathname
      .replace(/^\/api\/keystatic\/?/, '')
      .split('/')
      .map((x) => decodeURIComponent(x))
      .filter(Boolean);
  } catch {
    return undefined;
  }
}

interface TreeEntry {
  path: string;
  sha: string;
}

export class KeystaticApi {
  #handler: Promise<ApiHandler> | undefined;
  /** Per session: the sha of each file as this editor last saw it. */
  readonly #seen = new Map<string, Map<string, string>>();

  constructor(private readonly contentDir: string) {}

  #load(): Promise<ApiHandler> {
    this.#handler ??= (async () => {
      const [{ makeGenericAPIRouteHandler }, { default: config }] = await Promise.all([
        import('@keystatic/core/api/generic'),
        import('../../editor/keystatic.config'),
      ]);
      return makeGenericAPIRouteHandler({ config, localBaseDirectory: this.contentDir }) as unknown as ApiHandler;
    })();
    return this.#handler;
  }

  /** Collection folders ("posts/", with the "/") and where pictures go, from the editor's own config. */
  #folders: Promise<EditorFolders> | undefined;
  folders(): Promise<EditorFolders> {
    this.#folders ??= import('../../editor/keystatic.config').then(({ default: config, postImages }) => {
      const entries = Object.values(config.collections ?? {}) as Array<{ path: string; format?: unknown }>;
      const collections = Object.fromEntries(
        entries.map((c) => [
          c.path.replace(/\*.*$/, ''),
          typeof c.format === 'object' && c.format !== null && 'contentField' in c.format ? ['mdx', 'md'] : ['yaml', 'yml'],
        ]),
      );
      return { collections, pictures: [`${postImages.directory}/`] };
    });
    return this.#folders;
  }

  /**
   * A request Keystatic must not see: an update that breaks a rule, a read through a symlink. Keystatic
   * decodes and drops empty segments itself (/api/keystatic//%75pdate/ is its update too), so the
   * check reads the path the same way, and any other spelling of the update address is refused.
   */
  async refusal(path: string, body: Buffer | undefined): Promise<Refusal | undefined> {
    const params = keystaticParams(path);
    if (!params) return { status: 400, error: { code: 'bad_path', message: de.editor.notFound } };
    if (body !== undefined && params.join('/') === 'update') {
      if (path !== '/api/keystatic/update') return { status: 400, error: { code: 'bad_path', message: de.editor.notFound } };
      return updateRefusal(this.contentDir, body, await this.folders());
    }
    if (params[0] === 'blob') {
      const file = params.slice(2);
      if (
        file.some((s) => s === '..' || s === '.' || s.includes('/') || s.includes('\\')) ||
        (await leavesContent(this.contentDir, file.join('/')))
      ) {
        return { status: 404, error: { code: 'not_found', message: de.editor.notFound } };
      }
    }
    return undefined;
  }

  forget(session: string): void {
    this.#seen.delete(session);
  }

  /** Paths in an update that changed on disk since this session last saw them. */
  async conflicts(session: string, body: Buffer): Promise<string[]> {
    let update: { additions?: Array<{ path?: unknown }>; deletions?: Array<{ path?: unknown }> };
    try {
      update = JSON.parse(body.toString('utf8'));
    } catch {
      return [];
    }
    const seen = this.#seen.get(session) ?? new Map<string, string>();
    const paths = [...(update.additions ?? []), ...(update.deletions ?? [])]
      .map((x) => x.path)
      .filter((p): p is string => typeof p === 'string' && !p.includes('..'));
    const changed: string[] = [];
    for (const path of paths) {
      let current: string | undefined;
      try {
        current = blobSha(await readFile(join(this.contentDir, path)));
      } catch {
        current = undefined; // a new file
      }
      if (current !== undefined && current !== seen.get(path)) changed.push(path);
    }
    return changed;
  }

  async handle(session: string, request: Request): Promise<KeystaticResponse> {
    const handler = await this.#load();
    const result = await handler(request);
    const headers: Record<string, string> = {};
    new Headers(result.headers as HeadersInit | undefined).forEach((value, key) => (headers[key] = value));
    const body = result.body === null ? Buffer.alloc(0) : Buffer.from(result.body as string | Uint8Array);
    const status = result.status ?? 200;
    // Tree answers (GET tree, and the tree an update returns) say which version this editor has seen.
    if (status === 200 && headers['content-type']?.includes('application/json')) {
      try {
        const entries = JSON.parse(body.toString('utf8')) as TreeEntry[];
        if (Array.isArray(entries)) this.#seen.set(session, new Map(entries.filter((e) => e.path && e.sha).map((e) => [e.path, e.sha])));
      } catch {
        // not a tree
      }
    }
    return { status, headers, body };
  }
}
