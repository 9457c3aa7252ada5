/**
 * Completing the Impressum of an existing Innung in the Verwaltung (issue 26): the form shows the site's current
 * values (sample data as empty, with the checklist „Es fehlt noch: …“); saving checks the values as the create form
 * does (src/lib/sites/impressum.ts), rewrites the site's config, reads it again without a restart, and rebuilds the
 * site through its own publisher and the one fair queue (its pages carry the Impressum: /impressum/, the
 * Datenschutzerklärung). Only when that build is live does the site's state change: a site that was „noch nicht
 * live“ then serves readers instead of 503, and never shows them the old sample Impressum.
 */
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';
import { readSite } from '@/adapters/sites/read-sites';
import { restoreSiteConfig, writeSiteImpressum } from '@/adapters/sites/site-impressum';
import type { AdminResult, SiteImpressum } from '@/lib/editor/administration';
import { releaseProblems, type ReleaseProblem } from '@/lib/config/release';
import type { GuildConfig } from '@/lib/config/schema';
import {
  impressumFieldProblems,
  impressumProblems,
  impressumValuesOf,
  releaseChecklist,
  type ImpressumValues,
} from '@/lib/sites/impressum';
import type { Log } from './log';
import type { SiteEditor } from './site-editors';

const t = de.siteImpressumEdit;

/** What of a served site this needs; `problems` and `config` are replaced once the new build is live. */
export interface ImpressumSite {
  kennung: string;
  host: string;
  name: string;
  config: GuildConfig;
  problems: ReleaseProblem[];
  editor: Pick<SiteEditor, 'publisher' | 'publishRecord'>;
}

export interface ImpressumEditingOptions {
  root: string;
  sitesDir: string;
  served: () => ImpressumSite[];
  log: Log;
  /** How often the finished rebuild is looked for (ms). */
  pollMs?: number;
}

export function createImpressumEditing(options: ImpressumEditingOptions) {
  const { root, sitesDir, log } = options;
  const find = (kennung: string) => options.served().find((site) => site.kennung === kennung);

  function impressum(kennung: string): SiteImpressum | undefined {
    const site = find(kennung);
    if (!site) return undefined;
    return {
      kennung: site.kennung,
      name: site.name,
      host: site.host,
      values: impressumValuesOf(site.config, site.problems),
      missing: releaseChecklist(impressumProblems(site.problems)),
    };
  }

  /** Takes the new config once the site's rebuild is live (its publish record finished ok). */
  function whenLive(site: ImpressumSite, id: number, config: GuildConfig): void {
    const look = () => {
      const record = site.editor.publishRecord(id);
      if (!record || record.finishedAt === null || record.finishedAt === undefined)
        return void setTimeout(look, options.pollMs ?? 500).unref();
      if (!record.ok) return log('error', 'Neubau nach dem Impressum fehlgeschlagen', { innung: site.kennung, grund: record.error ?? '' });
      site.config = config;
      site.problems = releaseProblems(config);
      log('info', 'Impressum übernommen', { innung: site.kennung, vollstaendig: impressumProblems(site.problems).length === 0 });
    };
    look();
  }

  async function updateImpressum(kennung: string, values: ImpressumValues, by: string): Promise<AdminResult> {
    const site = find(kennung);
    if (!site) return { ok: false, problems: [format(t.unknownSite, { kennung })] };
    const problems = impressumFieldProblems(values);
    if (problems.length > 0) return { ok: false, problems };
    const before = await writeSiteImpressum(sitesDir, root, site, values);
    const read = await readSite(sitesDir, kennung, root);
    if (!('config' in read)) {
      restoreSiteConfig(sitesDir, kennung, before);
      return { ok: false, problems: [format(t.unreadable, { reason: read.message })] };
    }
    log('info', 'Impressum geändert', { innung: kennung, von: by });
    const id = site.editor.publisher.request('publish', format(t.rebuildBy, { name: by }), { only: [] });
    whenLive(site, id, read.config);
    const complete = impressumProblems(releaseProblems(read.config)).length === 0;
    return { ok: true, message: format(complete ? t.saved : t.savedIncomplete, { name: site.name }) };
  }

  return { impressum, updateImpressum };
}
