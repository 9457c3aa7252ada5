/**
 * „Gemeinsamen Vergleich veröffentlichen“ in the Verwaltung (issue 26): what `npm run sites -- aktualisieren` does,
 * inside the running server. The working copy of the shared comparison is kept as a new version
 * (releaseSharedSet), then every served site that follows the newest version is rebuilt by its own publisher from
 * its live content, through the one server-wide fair queue as a routine build ('gemeinsam'): one at a time, behind
 * any guild's own urgent publish. Each site switches to its new build when it is done, without a restart. The state
 * per site (wartet, baut, fertig, fehlgeschlagen with the reason) comes from the queue and the site's publish log.
 */
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';
import type { AdminResult, SharedOverview, SharedSiteState } from '@/lib/editor/administration';
import type { SiteBuildStatus } from '@/lib/sites/build-queue';
import {
  keptVersions,
  newestSharedPosts,
  readSharedPin,
  releaseSharedSet,
  sharedVersionForSite,
  writeSharedOptOut,
} from '@/adapters/sites/shared-versions';
import type { Log } from './log';
import type { SiteEditor } from './site-editors';

const t = de.sharedPublish;

export interface SharedPublishingOptions {
  root: string;
  /** The sites served now, with their Redaktion (each has its own publisher). */
  served: () => ReadonlyArray<{ kennung: string; name: string; editor: Pick<SiteEditor, 'rebuildShared' | 'publishRecord'> }>;
  /** The server-wide queue's state of one site. */
  queueStatus: (kennung: string) => SiteBuildStatus;
  log: Log;
}

export function createSharedPublishing(options: SharedPublishingOptions) {
  const { root, log } = options;
  // The last shared rebuild asked of each site: its publish request's id.
  const requested = new Map<string, number>();

  function pinOf(kennung: string): { pinned?: number | string; version?: number; ohne: string[] } {
    try {
      const { pin } = readSharedPin(kennung, root, process.env);
      return { pinned: pin.version, version: sharedVersionForSite(kennung, root, process.env)?.version, ohne: pin.ohne ?? [] };
    } catch (error) {
      return { pinned: format(t.pinBroken, { reason: (error as Error).message }), ohne: [] };
    }
  }

  /** The state of a site's last shared rebuild: the queue while it waits or builds there, else its publish log. */
  function buildState(site: ReturnType<SharedPublishingOptions['served']>[number]): SiteBuildStatus {
    const id = requested.get(site.kennung);
    if (id === undefined) return { state: 'ruht' };
    const record = site.editor.publishRecord(id);
    if (record && record.finishedAt !== null) {
      const seconds = ((record.finishedAt ?? 0) - (record.startedAt ?? record.requestedAt)) / 1000;
      return record.ok
        ? { state: 'fertig', reason: 'gemeinsam', finishedAt: record.finishedAt, seconds }
        : { state: 'fehlgeschlagen', reason: 'gemeinsam', finishedAt: record.finishedAt, message: record.error ?? '' };
    }
    const queued = options.queueStatus(site.kennung);
    if (queued.state === 'wartet' || queued.state === 'baut') return queued;
    // Asked, but its publisher still finishes an earlier build of this site before it queues this one.
    return { state: 'wartet', position: 0, reason: 'gemeinsam', requestedAt: record?.requestedAt ?? Date.now() };
  }

  function overview(): SharedOverview {
    const sites = options
      .served()
      .map((site): SharedSiteState => ({ kennung: site.kennung, name: site.name, ...pinOf(site.kennung), build: buildState(site) }))
      .sort((a, b) => a.kennung.localeCompare(b.kennung));
    return { newest: keptVersions(root, process.env).at(-1), sites, posts: newestSharedPosts(root, process.env) };
  }

  /** „auf dieser Seite zeigen“: the unticked shared posts go into the site's gemeinsam.json, then it is rebuilt. */
  function setSharedPosts(kennung: string, shown: readonly string[], by: string): AdminResult {
    const site = options.served().find((s) => s.kennung === kennung);
    if (!site) return { ok: false, problems: [format(de.siteImpressumEdit.unknownSite, { kennung })] };
    const posts = newestSharedPosts(root, process.env).map((post) => post.slug);
    const ohne = posts.filter((slug) => !shown.includes(slug));
    try {
      writeSharedOptOut(kennung, ohne, root, process.env);
    } catch (error) {
      return { ok: false, problems: [format(t.pinBroken, { reason: (error as Error).message })] };
    }
    log('info', 'Gemeinsame Beiträge gewählt', { innung: kennung, ohne: ohne.join(', '), von: by });
    requested.set(kennung, site.editor.rebuildShared(`${de.sharedPosts.requestedBy} (${by})`));
    return { ok: true, message: format(de.sharedPosts.saved, { name: site.name }) };
  }

  function publish(by: string): AdminResult {
    let release: ReturnType<typeof releaseSharedSet>;
    try {
      release = releaseSharedSet(root, process.env);
    } catch (error) {
      return { ok: false, problems: [format(t.releaseFailed, { reason: (error as Error).message })] };
    }
    const following = options.served().filter((site) => pinOf(site.kennung).pinned === undefined);
    log('info', 'Gemeinsamer Vergleich veröffentlicht', {
      fassung: release.version,
      neu: release.created,
      innungen: following.map((site) => site.kennung).join(', '),
      von: by,
    });
    if (following.length === 0) return { ok: true, message: format(t.nothingToBuild, { version: release.version }) };
    for (const site of following) requested.set(site.kennung, site.editor.rebuildShared(`${t.requestedBy} (${by})`));
    const names = following.map((site) => site.name).join(', ');
    return { ok: true, message: format(release.created ? t.started : t.startedUnchanged, { version: release.version, names }) };
  }

  return { overview, publish, setSharedPosts };
}
