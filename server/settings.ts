/** The production server's settings, from the environment (documented in the README). */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTrustedProxies, type TrustedProxies } from './client-address';
import { buildsDir, dataDir } from '@/lib/config/data-paths';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ServerSettings {
  port: number;
  host: string;
  /** A fixed build to serve (tests, benchmarks); unset = the newest of dist/ and the last publish. */
  distDir: string | undefined;
  /** Where the server keeps what it writes: comments.db, redaktion.db, builds/, backups/. */
  dataDir: string;
  /** The content folder the editor writes and a publish builds (INNUNGSWISSEN_CONTENT_DIR). */
  contentDir: string;
  /**
   * Where publishes and previews are built (BUILDS_DIR, default ./data/builds). Inside the project
   * folder: a build's server code loads its packages from the project's node_modules.
   */
  buildsDir: string;
  trustedProxies: TrustedProxies;
  /** Publish scheduled posts on their day (EDITOR_SCHEDULE=0 switches it off, e.g. for tests). */
  schedule: boolean;
  /** Requests still running at a stop get this long to finish. */
  shutdownGraceMs: number;
}

function insideProject(path: string, name: string): string {
  if (relative(ROOT, path).startsWith('..') || isAbsolute(relative(ROOT, path))) {
    throw new Error(
      `${name} muss im Projektordner liegen (${ROOT}), ist aber ${path}: der gebaute Server lädt seine Pakete aus dessen node_modules.`,
    );
  }
  return path;
}

export function readServerSettings(env: NodeJS.ProcessEnv = process.env): ServerSettings {
  const port = Number(env.PORT ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT muss eine Portnummer sein, ist aber „${env.PORT}“.`);
  return {
    port,
    host: env.HOST ?? 'localhost',
    distDir: env.DIST_DIR ? resolve(env.DIST_DIR) : undefined,
    dataDir: dataDir(ROOT, env),
    contentDir: resolve(env.INNUNGSWISSEN_CONTENT_DIR ?? join(ROOT, 'content')),
    buildsDir: insideProject(buildsDir(ROOT, env), 'BUILDS_DIR'),
    trustedProxies: parseTrustedProxies(env.TRUSTED_PROXIES),
    schedule: env.EDITOR_SCHEDULE !== '0',
    shutdownGraceMs: 10_000,
  };
}
