/**
 * The Verwaltung's words for the shared comparison (issue 26): which version a site follows or keeps, and the state
 * of its last shared rebuild (wartet, baut, fertig, fehlgeschlagen mit Grund). One place for the page and its JSON.
 */
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';
import type { SharedSiteState } from '@/lib/editor/administration';
import type { SiteBuildStatus } from '@/lib/sites/build-queue';

const t = de.sharedPublish;

/** „folgt der neuesten (3)“, „hält Fassung 2 fest“, or why its gemeinsam.json cannot be read. */
export function sharedPinLabel(site: Pick<SharedSiteState, 'pinned' | 'version'>): string {
  if (typeof site.pinned === 'string') return site.pinned;
  if (site.pinned !== undefined) return format(t.keeps, { version: site.pinned });
  return site.version === undefined ? t.followsNone : format(t.follows, { version: site.version });
}

/** The state of a site's last shared rebuild, in German. */
export function sharedBuildLabel(build: SiteBuildStatus): string {
  switch (build.state) {
    case 'wartet':
      return build.position > 0 ? format(t.stateWaitingAt, { position: build.position }) : t.stateWaiting;
    case 'baut':
      return t.stateBuilding;
    case 'fertig':
      return t.stateDone;
    case 'fehlgeschlagen':
      return format(t.stateFailed, { reason: build.message });
    default:
      return t.stateIdle;
  }
}
