/**
 * The Redaktion of several guilds (issue 26): one account database for every site (data/redaktion.db) and, per
 * site, its own view of it (that site's sessions and publishes), its own publisher (builds the site into its own
 * builds folder and switches the site to it), its own scheduler and its own editor routes under its own host.
 * An editor signs in on the host of a site the account belongs to; the session is valid there and nowhere else.
 */
import { join } from 'node:path';
import { editorDbPath, sitePublishBuildsDir } from '@/lib/config/data-paths';
import type { Administration, EditorSiteLink } from '@/lib/editor/administration';
import type { SiteEntry } from '@/lib/sites/sites';
import type { RouteHandler } from './http';
import type { Log } from './log';
import type { ServerSettings } from './settings';
import type { SiteHolder } from './site';
import { PREVIEW_BASE, createEditorRoutes } from './editor/routes';
import { Publisher } from './editor/publisher';
import { createBuildQueue } from './build-queue';
import { scheduledFiles, startScheduler } from './editor/schedule';
import { EditorStore, type Publish } from './editor/store';
import type { BuildReason } from '@/lib/sites/build-queue';
import { LoginThrottle } from './editor/throttle';

/**
 * The shared comparison's folders for a site's build: a build's environment is an allow-list that drops every *_DIR,
 * so without these a publish built with the default folders, not the installation's kept versions.
 */
export function sharedSetEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['INNUNGSWISSEN_SHARED_VERSIONS_DIR', 'INNUNGSWISSEN_SHARED_CONTENT_DIR']) if (env[name]) out[name] = env[name];
  return out;
}

export interface SiteEditorsOptions {
  settings: ServerSettings;
  root: string;
  /** The sites folder (INNUNGSWISSEN_SITES_DIR): a publish builds with it. */
  sitesDir: string;
  /** The sites served now (the dashboard links an editor's own). */
  served: () => ReadonlyArray<{ kennung: string; host: string; name: string }>;
  administration: Administration;
}

export interface SiteEditor {
  handler: RouteHandler;
  publisher: Publisher;
  /**
   * Rebuilds the site from its live content with the newest shared comparison (a publish of no content files, as a
   * scheduled run with nothing due), queued as a routine 'gemeinsam' build behind any site's urgent publish.
   */
  rebuildShared: (by: string) => number;
  /** A publish request of this site as the store has it (undefined when unknown). */
  publishRecord: (id: number) => Publish | undefined;
  /** Stops the scheduler and a running build (its request runs again at the next start). */
  stopping: () => void;
}

export function createSiteEditors(options: SiteEditorsOptions) {
  const { settings, root } = options;
  const store = new EditorStore(editorDbPath(settings.dataDir));
  // One throttle for every host: guessing passwords on thirty hosts is no faster than on one.
  const throttle = new LoginThrottle();

  // One fair queue for every site's builds: two guilds publishing at once never build more than BUILD_CONCURRENCY
  // at a time. Each site's publisher builds one at a time itself, so a site has at most one build waiting here.
  const turns = new Map<string, () => Promise<void>>();
  const logs = new Map<string, Log>();
  const queue = createBuildQueue({
    build: async (kennung) => {
      const run = turns.get(kennung);
      turns.delete(kennung);
      await run?.();
    },
    onEvent: ({ kennung, status }) => {
      if (status.state === 'baut') logs.get(kennung)?.('info', 'Build beginnt', { seite: kennung });
      if (status.state === 'fertig' || status.state === 'fehlgeschlagen') logs.get(kennung)?.('info', 'Build beendet', { seite: kennung });
    },
  });
  // Sites whose publisher's next build is a rebuild for the shared comparison: it queues as routine ('gemeinsam'),
  // so a shared update of thirty sites never holds up one guild's own publish. An editor's publish that joins it
  // in the same build stays routine; it waits at most for the sites asked before it.
  const sharedNext = new Set<string>();
  const buildTurn =
    (kennung: string) =>
    <T>(build: () => Promise<T>): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        const reason: BuildReason = sharedNext.delete(kennung) ? 'gemeinsam' : 'veroeffentlichen';
        turns.set(kennung, () => build().then(resolve, reject));
        void queue.request(kennung, reason);
      });

  /** `verwaltung` accounts look after every site; everyone else sees the sites the account belongs to. */
  const linksFor =
    (kennung: string) =>
    (name: string): EditorSiteLink[] => {
      const all = store.role(name) === 'verwaltung';
      const mine = new Set(store.sitesOf(name));
      return options
        .served()
        .filter((site) => all || mine.has(site.kennung))
        .map((site) => ({ kennung: site.kennung, name: site.name, host: site.host, current: site.kennung === kennung }));
    };

  function forSite(site: SiteEntry, holder: SiteHolder, log: Log): SiteEditor {
    const siteStore = store.forSite(site.kennung);
    logs.set(site.kennung, log);
    const publisher = new Publisher({
      store: siteStore,
      sites: holder,
      root,
      contentDir: site.contentDir,
      buildsDir: sitePublishBuildsDir(settings.buildsDir, site.kennung),
      log,
      previewBase: PREVIEW_BASE,
      buildEnv: { SITE: site.kennung, INNUNGSWISSEN_SITES_DIR: options.sitesDir, ...sharedSetEnv(process.env) },
      buildTurn: buildTurn(site.kennung),
    });
    const scheduler = settings.schedule
      ? startScheduler({
          contentDir: site.contentDir,
          builtAt: () => new Date(holder.current.info.builtAt),
          publish: (due) => publisher.request('publish', 'Zeitplan', { only: scheduledFiles(due) }),
        })
      : undefined;
    const handler = createEditorRoutes({
      store: siteStore,
      publisher,
      sites: holder,
      contentDir: site.contentDir,
      editorDir: join(root, 'dist-editor'),
      log,
      throttle,
      approval: site.config.publishApproval,
      site: { kennung: site.kennung, linksFor: linksFor(site.kennung), administration: options.administration },
    });
    return {
      handler,
      publisher,
      rebuildShared: (by) => {
        sharedNext.add(site.kennung);
        return publisher.request('publish', by, { only: [] });
      },
      publishRecord: (id) => siteStore.recent(200).find((p) => p.id === id),
      stopping: () => {
        scheduler?.stop();
        publisher.stop();
      },
    };
  }

  return { store, forSite, queue, buildTurn, close: () => store.close() };
}
