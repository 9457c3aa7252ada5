/**
 * What the `verwaltung` role does in the browser (/redaktion/verwaltung/, issue 26): create a site (the same checks
 * as `npm run sites -- anlegen`, src/lib/sites/new-site.ts; its folder, then its build, one at a time; it is served
 * as soon as it is built), create an account with its sites and role, change or delete one. Every refusal is a German
 * sentence.
 */
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';
import { readSites, siteFolders } from '@/adapters/sites/read-sites';
import { writeSiteFolder } from '@/adapters/sites/create-site';
import type { AccountSummary, AdminResult, Administration, NewAccount, SiteSummary } from '@/lib/editor/administration';
import { newSiteProblems, type NewSite } from '@/lib/sites/new-site';
import type { Log } from './log';
import { NAME_PATTERN, accountNameKey, hashPassword, passwordProblem } from './editor/passwords';
import type { EditorStore } from './editor/store';

const s = de.siteEditors;

export interface AdministrationOptions {
  root: string;
  sitesDir: string;
  /** The account database (all sites). Read lazily: the store opens after the administration is made. */
  store: () => EditorStore;
  /** Sites served now. */
  served: () => SiteSummary[];
  /** Builds a new site and starts serving it; resolves when done (true) or failed (false). */
  buildAndServe: (kennung: string) => Promise<boolean>;
  /** The shared comparison's overview and publish (server/site-shared.ts). */
  shared: Pick<Administration, 'shared' | 'publishShared' | 'setSharedPosts'>;
  /** An existing site's Impressum (server/site-impressum.ts). */
  impressum: Pick<Administration, 'impressum' | 'updateImpressum'>;
  log: Log;
}

export function createAdministration(options: AdministrationOptions): Administration {
  const { root, sitesDir, log } = options;
  const pending = new Map<string, SiteSummary>();
  let builds: Promise<unknown> = Promise.resolve();

  function sites(): SiteSummary[] {
    const served = options.served();
    const waiting = [...pending.values()].filter((p) => !served.some((site) => site.kennung === p.kennung));
    return [...served, ...waiting].sort((a, b) => a.kennung.localeCompare(b.kennung));
  }

  async function createSite(site: NewSite, by: string): Promise<AdminResult> {
    const list = await readSites(sitesDir, root);
    // A folder that is there but broken still holds its kennung; a site being built holds its host.
    const taken = [
      ...list.sites.map((entry) => ({ kennung: entry.kennung, host: entry.host })),
      ...siteFolders(sitesDir).map((kennung) => ({ kennung, host: '' })),
      ...sites(),
    ];
    const problems = newSiteProblems(site, taken);
    if (problems.length > 0) return { ok: false, problems };
    writeSiteFolder(sitesDir, root, site);
    log('info', 'Innung angelegt', { innung: site.kennung, adresse: site.host, von: by });
    const summary: SiteSummary = { ...site, state: 'building' };
    pending.set(site.kennung, summary);
    builds = builds.then(async () => {
      summary.state = (await options.buildAndServe(site.kennung).catch(() => false)) ? 'live' : 'failed';
    });
    return { ok: true, message: format(s.siteCreated, { name: site.name }) };
  }

  function accounts(): AccountSummary[] {
    return options
      .store()
      .accounts()
      .map((a) => ({ name: a.name, role: a.role, sites: a.sites.filter(Boolean) }));
  }

  async function createAccount(account: NewAccount, by: string): Promise<AdminResult> {
    const store = options.store();
    const problems: string[] = [];
    const name = account.name.trim();
    if (!NAME_PATTERN.test(name)) problems.push(s.accountNameInvalid);
    else if (store.accounts().some((a) => accountNameKey(a.name) === accountNameKey(name))) problems.push(format(s.accountTaken, { name }));
    const password = passwordProblem(account.password);
    if (password) problems.push(password);
    problems.push(...membershipProblems(account.role, account.sites));
    if (problems.length > 0) return { ok: false, problems };
    store.setAccount(name, await hashPassword(account.password));
    store.setSites(name, account.sites);
    store.setRole(name, account.role);
    log('info', 'Redaktionskonto angelegt', { name, aufgabe: account.role, innungen: account.sites.join(', '), von: by });
    const hosts = sites()
      .filter((site) => account.role === 'verwaltung' || account.sites.includes(site.kennung))
      .map((site) => site.host)
      .join(', ');
    return { ok: true, message: format(s.accountCreated, { name, hosts }) };
  }

  /** Problems with an account's sites and role, shared by creating and changing it. */
  function membershipProblems(role: NewAccount['role'], wanted: readonly string[]): string[] {
    const known = new Set(sites().map((site) => site.kennung));
    const problems = wanted.filter((kennung) => !known.has(kennung)).map((kennung) => format(s.accountUnknownSite, { kennung }));
    if (role !== 'verwaltung' && wanted.length === 0) problems.push(s.accountNoSite);
    return problems;
  }

  /** The stored account by its name as the form sends it, or a German refusal. */
  function existing(name: string): { name: string; role: NewAccount['role'] } | string {
    const found = options
      .store()
      .accounts()
      .find((a) => a.name === name);
    return found ? { name: found.name, role: found.role } : format(s.cliNoAccount, { name });
  }

  /** True when `name` is the only account left that can create sites and accounts. */
  function lastVerwaltung(name: string): boolean {
    const admins = options
      .store()
      .accounts()
      .filter((a) => a.role === 'verwaltung');
    return admins.length === 1 && admins[0]!.name === name;
  }

  function changeAccount(name: string, change: Pick<NewAccount, 'role' | 'sites'>, by: string): AdminResult {
    const account = existing(name);
    if (typeof account === 'string') return { ok: false, problems: [account] };
    const problems = membershipProblems(change.role, change.sites);
    if (account.role === 'verwaltung' && change.role !== 'verwaltung' && lastVerwaltung(name)) problems.push(s.accountLastVerwaltung);
    if (problems.length > 0) return { ok: false, problems };
    const store = options.store();
    store.setSites(account.name, change.sites);
    store.setRole(account.name, change.role);
    log('info', 'Redaktionskonto geändert', { name: account.name, aufgabe: change.role, innungen: change.sites.join(', '), von: by });
    return { ok: true, message: format(s.accountChanged, { name: account.name }) };
  }

  function deleteAccount(name: string, by: string): AdminResult {
    const account = existing(name);
    if (typeof account === 'string') return { ok: false, problems: [account] };
    if (account.name === by) return { ok: false, problems: [s.accountDeleteOwn] };
    if (lastVerwaltung(account.name)) return { ok: false, problems: [s.accountLastVerwaltung] };
    // Its sessions and site memberships go with it (ON DELETE CASCADE).
    options.store().deleteAccount(account.name);
    log('info', 'Redaktionskonto gelöscht', { name: account.name, von: by });
    return { ok: true, message: format(s.accountDeleted, { name: account.name }) };
  }

  return {
    sites,
    accounts,
    createSite,
    createAccount,
    changeAccount,
    deleteAccount,
    shared: () => options.shared.shared(),
    publishShared: (by) => options.shared.publishShared(by),
    setSharedPosts: (kennung, shown, by) => options.shared.setSharedPosts(kennung, shown, by),
    impressum: (kennung) => options.impressum.impressum(kennung),
    updateImpressum: (kennung, values, by) => options.impressum.updateImpressum(kennung, values, by),
  };
}
