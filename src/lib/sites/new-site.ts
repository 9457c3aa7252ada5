/**
 * The checks for a new site, shared by `npm run sites -- anlegen` and the browser's /redaktion/verwaltung/:
 * kennung and host well-formed and not taken, a name for the guild. Plain: the caller hands in the sites it knows.
 */
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';
import { hostProblem, kennungProblem } from '@/lib/sites/sites';
import { impressumFieldProblems, impressumFromForm, type ImpressumValues } from '@/lib/sites/impressum';

export const SITE_NAME_MAX_LENGTH = 120;

export interface NewSite {
  kennung: string;
  host: string;
  name: string;
  /** The Impressum data typed in the Verwaltung's form (src/lib/sites/impressum.ts); empty values keep sample data. */
  impressum?: ImpressumValues;
}

/** Every German reason the new site is refused (empty: fine). `taken`: the sites there are, by kennung and host. */
export function newSiteProblems(site: NewSite, taken: ReadonlyArray<{ kennung: string; host: string }>): string[] {
  const problems: string[] = [];
  const kennung = kennungProblem(site.kennung);
  if (kennung) problems.push(kennung);
  else if (taken.some((s) => s.kennung === site.kennung)) {
    problems.push(format(de.sites.kennungTaken, { kennung: site.kennung, folder: `sites/${site.kennung}` }));
  }
  const host = hostProblem(site.host);
  if (host) problems.push(host);
  else {
    const owner = taken.find((s) => s.host === site.host);
    if (owner) problems.push(format(de.sites.hostTaken, { host: site.host, kennung: owner.kennung }));
  }
  if (!site.name.trim()) problems.push(de.siteEditors.siteNameMissing);
  else if (site.name.length > SITE_NAME_MAX_LENGTH) problems.push(format(de.siteEditors.siteNameTooLong, { max: SITE_NAME_MAX_LENGTH }));
  if (site.impressum) problems.push(...impressumFieldProblems(site.impressum));
  return problems;
}

/** The form's values as a reader typed them: trimmed, the host lowercase without a scheme or trailing slash. */
export function newSiteFromForm(form: { get(name: string): unknown }): NewSite {
  const text = (key: string) => (typeof form.get(key) === 'string' ? (form.get(key) as string) : '').trim();
  return {
    kennung: text('kennung'),
    host: text('adresse')
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/+$/, ''),
    name: text('name'),
    impressum: impressumFromForm(form),
  };
}
