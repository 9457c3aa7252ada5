/**
 * What the `verwaltung` role's pages (/redaktion/verwaltung/) get from the server of several guilds
 * (server/many-sites.ts) in `Astro.locals.editor.administration`: the sites and accounts, and the two actions.
 * Types only: the pages stay free of the server's state, the server keeps its own.
 */
import type { NewSite } from '@/lib/sites/new-site';
import type { ImpressumValues } from '@/lib/sites/impressum';
import type { SiteBuildStatus } from '@/lib/sites/build-queue';

/** `incomplete`: built, but its Impressum still holds sample data: „noch nicht live“, its host answers readers 503. */
export type SiteState = 'live' | 'building' | 'failed' | 'incomplete';

export interface SiteSummary {
  kennung: string;
  host: string;
  name: string;
  state: SiteState;
  /** „noch nicht live“: what the Impressum still lacks, by the form's German labels. */
  missing?: string[];
  /** Live, but the release check still names these (German labels): to complete before the live operation. */
  open?: string[];
}

export interface AccountSummary {
  name: string;
  role: 'redaktion' | 'verwaltung';
  sites: string[];
}

export interface NewAccount {
  name: string;
  password: string;
  role: 'redaktion' | 'verwaltung';
  sites: string[];
}

/** Ok, or every German reason it was refused. */
export type AdminResult = { ok: true; message: string } | { ok: false; problems: string[] };

export interface Administration {
  sites(): SiteSummary[];
  accounts(): AccountSummary[];
  createSite(site: NewSite, by: string): Promise<AdminResult>;
  createAccount(account: NewAccount, by: string): Promise<AdminResult>;
  /** New sites and role of an account; its sessions on sites it leaves end. */
  changeAccount(name: string, change: Pick<NewAccount, 'role' | 'sites'>, by: string): AdminResult;
  /** Deletes an account and ends its sessions; never one's own, never the last `verwaltung` account. */
  deleteAccount(name: string, by: string): AdminResult;
  /** The shared comparison: newest version, which sites follow it, each site's rebuild (issue 26). */
  shared(): SharedOverview;
  /** Keeps the shared comparison as a new version and rebuilds every site that follows it, through the fair queue. */
  publishShared(by: string): AdminResult;
  /** Which shared posts a site shows (the others go into its gemeinsam.json „ohne“); rebuilds it through the queue. */
  setSharedPosts(kennung: string, shown: readonly string[], by: string): AdminResult;
  /** A served site's Impressum as the form shows it (sample data empty); undefined for an unknown site. */
  impressum(kennung: string): SiteImpressum | undefined;
  /** Checks and writes a site's Impressum, reads its config again and rebuilds it (server/site-impressum.ts). */
  updateImpressum(kennung: string, values: ImpressumValues, by: string): Promise<AdminResult>;
}

/** An existing site's Impressum in the Verwaltung's form: current values (sample data as empty) and what is missing. */
export interface SiteImpressum {
  kennung: string;
  name: string;
  host: string;
  values: ImpressumValues;
  /** German labels of what still holds sample data (empty: complete). */
  missing: string[];
}

/** One site's view of the shared comparison: the version it follows or keeps, and its last shared rebuild. */
export interface SharedSiteState {
  kennung: string;
  name: string;
  /** undefined: follows the newest; a number: keeps that version; a string: its gemeinsam.json is broken (German). */
  pinned?: number | string;
  /** The version it builds with now (undefined before any was kept). */
  version?: number;
  build: SiteBuildStatus;
  /** The shared posts it does not show (their slugs). */
  ohne: string[];
}

export interface SharedOverview {
  newest?: number;
  sites: SharedSiteState[];
  /** The shared posts of the newest version, each of which a site may leave out. */
  posts: Array<{ slug: string; title: string }>;
}

/** A site the signed-in editor may work on, with its address (the editor signs in there). */
export interface EditorSiteLink {
  kennung: string;
  name: string;
  host: string;
  current: boolean;
}

export const VERWALTUNG_PATH = '/redaktion/verwaltung/';
/** An existing Innung's Impressum form: `?innung=<kennung>`. */
export const VERWALTUNG_IMPRESSUM_PATH = `${VERWALTUNG_PATH}impressum/`;
