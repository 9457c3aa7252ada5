/**
 * Publishing: one build at a time, in a child process (scripts/build.mjs: content check, Astro,
 * search index, compressed copies) into a fresh folder; on success the server switches to it at
 * once. Requests that arrive during a build are merged into one build after it (none lost, none
 * repeated). A failed build changes nothing readers see. Each request is logged in redaktion.db
 * before it runs, so a server stopped mid-build repeats it at the next start.
 *
 * A scheduled run (`only`: the due posts and their pictures) builds from the live content instead of
 * the saved one: HEAD's content folder copied into a folder of its own with only those files from the
 * working tree laid over it (git.ts stageLiveContent), and only they are committed; every other saved
 * edit stays unpublished and uncommitted, so the next "Veröffentlichen" still lists it.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { SEAL_ENV, openSeal, sealDifference } from '../../scripts/build-manifest.mjs';
import { BUILD_NICE, runInBackground } from '../../src/adapters/background-priority.mjs';
import { buildEnv } from '../../scripts/child-env';
import type { Log } from '../log';
import { preloadSite, type SiteHolder } from '../site';
import { buildErrorSummary } from './build-errors';
import { commitContent, stageLiveContent, type GitResult } from './git';
import { appendPublishChanges } from '@/adapters/content/facts-changes';
import { berlinDay } from '@/lib/posts/publish';
import type { EditorStore, Publish } from './store';
import { liveBuildPointer } from '@/lib/config/data-paths';

export type BuildKind = Publish['kind'];

export interface PublisherOptions {
  store: EditorStore;
  sites: SiteHolder;
  root: string;
  contentDir: string;
  /** Publishes go to <buildsDir>/<time>/, previews to <buildsDir>/preview/<time>/. */
  buildsDir: string;
  log: Log;
  /** Base path of the preview build, e.g. /redaktion/vorschau/. */
  previewBase: string;
  /** Added to the build's environment: a site of several guilds builds with SITE=<kennung> (server/site-editors.ts). */
  buildEnv?: Record<string, string>;
  /** Runs a build when the machine's turn comes: several guilds' builds share one fair queue (server/site-editors.ts). */
  buildTurn?: <T>(build: () => Promise<T>) => Promise<T>;
  now?: () => number;
}

export interface PublishStatus {
  building: boolean;
  queued: boolean;
  last: { ok: boolean; startedAt: string; finishedAt: string; durationMs: number; error?: string } | null;
}

const STAGE_FAILED = 'Die fälligen Beiträge konnten nicht für den Build bereitgelegt werden; die Seite bleibt unverändert.';
/** A build folder's name: the time its build started. Also the many-sites command's builds (scripts/sites.ts). */
export const stamp = (ms: number) => new Date(ms).toISOString().replace(/[:.]/g, '-');

export class Publisher {
  readonly #o: PublisherOptions;
  readonly #waiting: Record<BuildKind, number[]> = { publish: [], preview: [] };
  #running: { kind: BuildKind; ids: number[]; child?: ReturnType<typeof spawn> } | undefined;
  #previewDir: string | undefined;
  #idle: Promise<void> = Promise.resolve();
  #wake: (() => void) | undefined;
  #stopped = false;
  readonly #requestedBy = new Map<number, string>();
  readonly #only = new Map<number, readonly string[]>();

  constructor(options: PublisherOptions) {
    this.#o = options;
    this.#previewDir = this.#latest(join(options.buildsDir, 'preview'));
    // A build the server did not finish (it stopped or crashed) runs again now.
    const unfinished = options.store.unfinished();
    for (const p of unfinished) {
      this.#waiting[p.kind].push(p.id);
      this.#requestedBy.set(p.id, p.requestedBy);
      if (p.only) this.#only.set(p.id, p.only);
    }
    if (unfinished.length > 0) {
      options.log('info', `${unfinished.length} unterbrochene Veröffentlichung(en) werden jetzt nachgeholt.`);
      this.#kick();
    }
  }

  get previewDir(): string | undefined {
    return this.#previewDir;
  }

  /** Queues a build; returns the request's id at once. `only`: publish just these content files (a scheduled run). */
  request(kind: BuildKind, by: string, options: { only?: readonly string[]; approval?: { token: string | null } } = {}): number {
    const id = this.#o.store.addPublish(kind, by, this.#now(), options.only, options.approval);
    // Freigabe: recorded, but queued only when a second account approves it (approve()).
    if (options.approval) return id;
    this.#waiting[kind].push(id);
    this.#requestedBy.set(id, by);
    if (options.only) this.#only.set(id, options.only);
    this.#kick();
    return id;
  }

  /** A second account approves a waiting publish: it is queued now. False when it was not waiting. */
  approve(id: number, by: string): boolean {
    const waiting = this.#o.store.awaitingApproval().find((p) => p.id === id);
    if (!waiting || !this.#o.store.approve(id, by)) return false;
    this.#waiting.publish.push(id);
    this.#requestedBy.set(id, waiting.requestedBy);
    this.#kick();
    return true;
  }

  status(kind: BuildKind = 'publish'): PublishStatus {
    const last = this.#o.store.lastFinished(kind);
    return {
      building: this.#running?.kind === kind,
      queued: this.#waiting[kind].length > 0,
      last:
        last && last.startedAt !== null && last.finishedAt !== null
          ? {
              ok: last.ok === true,
              startedAt: new Date(last.startedAt).toISOString(),
              finishedAt: new Date(last.finishedAt).toISOString(),
              durationMs: last.finishedAt - last.startedAt,
              ...(last.error ? { error: last.error } : {}),
            }
          : null,
    };
  }

  /** Resolves when no build is running or waiting (tests, clean stop). */
  idle(): Promise<void> {
    return this.#idle;
  }

  /** Stops a running build (server shutdown); its request stays unfinished and runs at the next start. */
  stop(): void {
    this.#stopped = true;
    const pid = this.#running?.child?.pid;
    if (pid) {
      // The whole process group: scripts/build.mjs and the Astro build it started.
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        this.#running?.child?.kill('SIGTERM');
      }
    }
  }

  #now(): number {
    return (this.#o.now ?? Date.now)();
  }

  #kick(): void {
    if (this.#running || this.#stopped) return;
    const kind: BuildKind | undefined =
      this.#waiting.publish.length > 0 ? 'publish' : this.#waiting.preview.length > 0 ? 'preview' : undefined;
    if (!kind) {
      this.#wake?.();
      this.#wake = undefined;
      return;
    }
    if (!this.#wake) this.#idle = new Promise((resolve) => (this.#wake = resolve));
    const ids = this.#waiting[kind].splice(0);
    this.#running = { kind, ids };
    void this.#run(kind, ids).finally(() => {
      this.#running = undefined;
      this.#kick();
    });
  }

  async #run(kind: BuildKind, ids: number[]): Promise<void> {
    const { store, log, buildsDir } = this.#o;
    const started = this.#now();
    store.startPublish(ids, started);
    const parent = kind === 'publish' ? buildsDir : join(buildsDir, 'preview');
    const outDir = join(parent, stamp(started));
    mkdirSync(parent, { recursive: true });
    log('info', kind === 'publish' ? 'Veröffentlichung: Build startet' : 'Vorschau: Build startet', { ziel: outDir });
    const authors = [...new Set(ids.map((id) => this.#requestedBy.get(id)).filter(Boolean))].join(', ') || 'Redaktion';
    let staged: { dir: string; only: string[] } | undefined;
    try {
      staged = kind === 'publish' ? await this.#stage(ids, started) : undefined;
    } catch (error) {
      store.finishPublish(ids, { ok: false, error: `${STAGE_FAILED} ${(error as Error).message}` }, this.#now());
      log('error', STAGE_FAILED, { fehler: (error as Error).message });
      return;
    }
    try {
      await this.#publishFrom(kind, ids, started, outDir, authors, staged);
    } finally {
      if (staged) rmSync(staged.dir, { recursive: true, force: true, maxRetries: 3 });
    }
  }

  /** A scheduled run's own content folder (live content + due files); undefined when everything saved goes live. */
  async #stage(ids: number[], started: number): Promise<{ dir: string; only: string[] } | undefined> {
    // Merged with a publish by a person, everything saved goes live anyway.
    if (!ids.every((id) => this.#only.has(id))) return undefined;
    const only = [...new Set(ids.flatMap((id) => this.#only.get(id) ?? []))];
    const dir = join(this.#o.buildsDir, `inhalt-${stamp(started)}`);
    if (await stageLiveContent(this.#o.contentDir, only, dir)) return { dir, only };
    rmSync(dir, { recursive: true, force: true });
    this.#o.log('warn', 'Keine veröffentlichte Fassung in git: der Zeitplan veröffentlicht alles Gespeicherte', {
      dateien: only.join(', '),
    });
    return undefined;
  }

  async #publishFrom(
    kind: BuildKind,
    ids: number[],
    started: number,
    outDir: string,
    authors: string,
    staged: { dir: string; only: string[] } | undefined,
  ): Promise<void> {
    const { store, log } = this.#o;
    const parent = dirname(outDir);
    // The comparison's public change log gets this publish's fact changes before the build, so the build shows them
    // (not in a scheduled run: it publishes no facts).
    const changes =
      kind === 'publish' && !staged
        ? await appendPublishChanges(this.#o.contentDir, berlinDay(new Date(started)), authors).catch((error: Error) => {
            log('warn', 'Änderungsprotokoll des Vergleichs nicht ergänzt; die Veröffentlichung läuft weiter', { fehler: error.message });
            return undefined;
          })
        : undefined;
    const build = () => this.#build(outDir, kind, staged?.dir ?? this.#o.contentDir);
    const result = await (this.#o.buildTurn ? this.#o.buildTurn(build) : build());
    if (this.#stopped) return changes?.undo();
    if (!result.ok) {
      changes?.undo();
      store.finishPublish(ids, { ok: false, error: result.error }, this.#now());
      this.#discard(outDir);
      log('warn', kind === 'publish' ? 'Veröffentlichung fehlgeschlagen; die Seite bleibt unverändert' : 'Vorschau fehlgeschlagen', {
        grund: result.error.split('\n')[0],
      });
      return;
    }
    try {
      let git: GitResult = { files: [] };
      if (kind === 'publish') {
        // Only server code the build we started hashed, unchanged since: nothing else is ever loaded.
        const changed = result.sealed ? sealDifference(outDir, result.sealed) : 'kein Siegel vom Build';
        if (changed) throw new Error(`Der Server-Code des Builds ist nicht der, den der Build geschrieben hat (${changed}).`);
        await this.#o.sites.switchTo(outDir);
        writeFileSync(liveBuildPointer(parent), JSON.stringify({ dir: outDir }) + '\n');
        git = await commitContent(this.#o.root, this.#o.contentDir, authors, log, staged?.only);
      } else this.#previewDir = outDir;
      store.finishPublish(ids, { ok: true, files: git.files, buildDir: outDir }, this.#now());
      log('info', kind === 'publish' ? 'Veröffentlicht' : 'Vorschau bereit', { dauer_ms: this.#now() - started });
      this.#cleanUp(parent, kind === 'publish' ? [this.#o.sites.current.dir, this.#o.sites.previous?.dir] : [outDir]);
    } catch (error) {
      // Recorded first: the clean-up below must not be able to leave a publish open for ever.
      store.finishPublish(
        ids,
        { ok: false, error: `Der neue Build konnte nicht übernommen werden: ${(error as Error).message}` },
        this.#now(),
      );
      log('error', 'Umschalten auf den neuen Build fehlgeschlagen', { fehler: (error as Error).message });
      if (resolve(this.#o.sites.current.dir) !== resolve(outDir)) {
        changes?.undo();
        this.#discard(outDir);
      }
    }
  }

  #discard(outDir: string): void {
    discardBuild(outDir, this.#o.log);
  }

  #build(
    outDir: string,
    kind: BuildKind,
    contentDir: string,
  ): Promise<{ ok: true; sealed: Record<string, string> | undefined } | { ok: false; error: string }> {
    const { root } = this.#o;
    const args = [join(root, 'scripts/build.mjs'), '--outDir', outDir];
    if (kind === 'preview') args.push('--base', this.#o.previewBase);
    // An allow-list: no moderation token, no database paths, nothing else from the server's environment.
    const env = buildEnv(process.env, {
      ...this.#o.buildEnv,
      INNUNGSWISSEN_CONTENT_DIR: contentDir,
      [SEAL_ENV]: '1',
      // Switch as soon as the pages are ready; share pictures are drawn afterwards (the default picture stands in meanwhile).
      OG_PICTURES: 'background',
      ...(kind === 'preview' ? { INNUNGSWISSEN_PREVIEW: '1' } : {}),
    });
    const nonce = randomBytes(32).toString('hex');
    // The build runs at low priority: readers keep being served while it works.
    return new Promise((resolvePromise) => {
      const child = spawn(process.execPath, args, {
        cwd: root,
        env,
        stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
      });
      if (this.#running) this.#running.child = child;
      // Its own session (detached) and so, on Linux, its own scheduling group: niced as a whole, not only its threads.
      if (child.pid) runInBackground(child.pid, BUILD_NICE);
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(`${nonce}\n`);
      let output = '';
      let sealText = '';
      let sealed: Record<string, string> | undefined;
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.length > 2_000_000) output = output.slice(-1_000_000);
      };
      child.stdout!.on('data', collect);
      child.stderr!.on('data', collect);
      const sealPipe = child.stdio[3] as Readable | null;
      sealPipe?.on('data', (chunk: Buffer) => {
        sealText += chunk.toString();
        if (sealed || !sealText.includes('\n') || sealText.length > 8_000_000) return;
        sealed = openSeal(sealText, nonce);
        // Sealed by the build we started: load the new on-demand code while the search index is written.
        if (sealed && kind === 'publish' && !sealDifference(outDir, sealed)) preloadSite(outDir);
      });
      sealPipe?.on('error', () => undefined);
      child.on('error', (error) => resolvePromise({ ok: false, error: `Der Build konnte nicht starten: ${error.message}` }));
      // The build is over when scripts/build.mjs exits. Its pipes may stay open longer: a process it started
      // (Astro's helpers, the share-picture drawing) can hold an inherited descriptor, so waiting for every
      // pipe to close ('close') could wait for them. Take the last output for up to 2 s, then finish.
      child.on('exit', (code, signal) => {
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          if (code === 0 && existsSync(join(outDir, 'build-info.json'))) resolvePromise({ ok: true, sealed });
          else resolvePromise({ ok: false, error: buildErrorSummary(output, { code, signal }) });
        };
        child.once('close', finish);
        setTimeout(finish, 2_000).unref();
      });
    });
  }

  #cleanUp(parent: string, keep: Array<string | undefined>): void {
    removeOldBuilds(parent, keep, this.#o.log);
  }

  #latest(parent: string): string | undefined {
    if (!existsSync(parent)) return undefined;
    const dirs = readdirSync(parent)
      .filter((name) => existsSync(join(parent, name, 'build-info.json')))
      .sort();
    return dirs.length > 0 ? join(parent, dirs[dirs.length - 1]!) : undefined;
  }
}

/**
 * Removes a build that will not go live. Its share pictures may still be drawn into it (the drawing
 * process outlives the build), so removing can race with new files: retried, and a failure only logged.
 */
export function discardBuild(outDir: string, log: Log): void {
  // Renamed first (one atomic step): the drawing process sees its folder gone and stops writing into it.
  let doomed = join(dirname(outDir), `verworfen-${basename(outDir)}`);
  try {
    renameSync(outDir, doomed);
  } catch {
    doomed = outDir;
  }
  // Off the event loop: a build of 1,000 posts is some 5,000 files, and removing them synchronously (with its
  // retries) held every reader's request on this server for as long.
  void rm(doomed, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch((error: Error) =>
    log('warn', 'Verworfener Build konnte nicht ganz gelöscht werden; er wird beim nächsten Aufräumen entfernt', {
      ordner: outDir,
      fehler: error.message,
    }),
  );
}

/**
 * Keeps the builds in use (current and previous for a quick way back); removes the rest, after `delayMs` (requests
 * still reading an old build get a moment). Also the many-sites command and server (scripts/sites.ts, server/site-live-build.ts).
 */
export function removeOldBuilds(parent: string, keep: Array<string | undefined>, log: Log, delayMs = 30_000): void {
  const kept = new Set(keep.filter(Boolean).map((dir) => resolve(dir!)));
  for (const name of readdirSync(parent)) {
    const dir = join(parent, name);
    if (name.endsWith('.json') || name === 'preview' || name.startsWith('inhalt-') || kept.has(resolve(dir))) continue;
    // Give requests still reading the old build a moment.
    if (delayMs === 0) discardBuild(dir, log);
    else setTimeout(() => discardBuild(dir, log), delayMs).unref();
  }
}
