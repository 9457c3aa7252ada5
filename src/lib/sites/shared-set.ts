/**
 * The shared comparison of several guilds (issue 26) as versions: `content/` (messengers, sources, change log)
 * is the centrally maintained working copy; `npm run sites -- aktualisieren` keeps it as version n+1 and rebuilds
 * every site that follows the newest version. A site's sites/<kennung>/gemeinsam.json may keep an older version
 * (`{ "version": 2 }`). Plain logic: the caller reads the files (src/adapters/sites/shared-versions.ts).
 */
import { de } from '../../i18n/de';
import { format } from '../../i18n/format';
import { CHANGE_LOG_FILE } from '../messengers/changes';

/** Optional shared posts (Markdown, as a site's posts), in the shared set: every site shows them unless it opts out. */
export const SHARED_POSTS_DIR = 'gemeinsame-beitraege';

/** What belongs to the shared set, relative to its folder: each is copied whole into a kept version. */
export const SHARED_SET_ENTRIES = ['messengers', 'sources', CHANGE_LOG_FILE, SHARED_POSTS_DIR] as const;

/** A site's choice; no file means: follow the newest version. */
export interface SharedPin {
  /** The kept version the site shows; undefined: the newest. */
  version?: number;
  /** Shared posts (their slugs, the file names without .md) this site does not show. */
  ohne?: string[];
}

/** Parses gemeinsam.json; throws a German error naming the file and what is expected. */
export function parseSharedPin(text: string, file: string): SharedPin {
  const fail = (reason: string): never => {
    throw new Error(format(de.sitesShared.pinInvalid, { file, reason }));
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail((error as Error).message);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('erwartet wird { "version": 2 }.');
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) if (key !== 'version' && key !== 'ohne') fail(format(de.sitesShared.pinUnknownKey, { key }));
  const { version, ohne } = record;
  if (version !== undefined && !(Number.isInteger(version) && (version as number) >= 1)) fail(de.sitesShared.pinVersionInvalid);
  if (ohne !== undefined && !(Array.isArray(ohne) && ohne.every((slug) => typeof slug === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(slug))))
    fail(de.sharedPosts.pinOptOutInvalid);
  return { version: version as number | undefined, ...(ohne ? { ohne: ohne as string[] } : {}) };
}

/** Kept version numbers from folder names ("1", "2", …), ascending; other names are ignored. */
export function versionNumbers(folderNames: readonly string[]): number[] {
  return folderNames
    .filter((name) => /^[1-9]\d*$/.test(name))
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The version a site builds with: its pinned one, else the newest; undefined when no version was kept yet
 * (then the working copy, as before versions existed). Throws a German error for a pin to a missing version.
 */
export function versionForSite(kennung: string, pin: SharedPin, kept: readonly number[], pinFile: string): number | undefined {
  if (pin.version === undefined) return kept.at(-1);
  if (!kept.includes(pin.version))
    throw new Error(
      format(de.sitesShared.versionMissing, {
        kennung,
        version: pin.version,
        known: kept.join(', ') || de.sitesShared.versionNone,
        file: pinFile,
      }),
    );
  return pin.version;
}

/** The sites a new version rebuilds: those that follow the newest (no pin); the pinned keep theirs. */
export function sitesFollowingNewest<T extends { kennung: string; pin: SharedPin }>(sites: readonly T[]): { rebuild: T[]; kept: T[] } {
  return { rebuild: sites.filter((s) => s.pin.version === undefined), kept: sites.filter((s) => s.pin.version !== undefined) };
}
