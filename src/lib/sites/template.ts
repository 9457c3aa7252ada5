/**
 * The config a new site starts with (`npm run sites -- anlegen`, /redaktion/verwaltung/): the shipped demo guild with
 * the new host as its address and the guild's name (a placeholder when unknown), and, from the Verwaltung's form, the
 * Impressum data the clerk typed (src/lib/sites/impressum.ts). Whatever still holds sample data is named by
 * `npm run check:release` and, in the Verwaltung, by the site's checklist.
 */
import { demoGuildConfig } from '../config/demo';
import { PLACEHOLDER_MARK, type GuildConfigInput } from '../config/schema';
import { withImpressum, type ImpressumValues } from './impressum';

/** `name`: the guild's name when known (the browser's form asks for it); its short name starts as the same, cut to 40. */
export function newSiteConfig(host: string, name?: string, impressum?: ImpressumValues): GuildConfigInput {
  const config: GuildConfigInput = {
    ...demoGuildConfig,
    name: name ?? `${PLACEHOLDER_MARK}: Name der Innung`,
    shortName: name ? name.slice(0, 40).trim() : `${PLACEHOLDER_MARK}: Kurzname`,
    siteUrl: `https://${host}`,
    logo: { ...demoGuildConfig.logo, alt: name ? `Logo der ${name}` : `${PLACEHOLDER_MARK}: Logo der Innung` },
  };
  if (name) config.description = `Wissen und Austausch für die Mitgliedsbetriebe der ${name}.`;
  return impressum ? withImpressum(config, impressum) : config;
}

/** The file text of sites/<kennung>/guild.config.ts; `schemaImport`: the path from there to src/lib/config/schema. */
export function newSiteConfigSource(kennung: string, host: string, schemaImport: string, name?: string, impressum?: ImpressumValues): string {
  return siteConfigSource(kennung, host, schemaImport, newSiteConfig(host, name, impressum));
}

/** A site's config file for `config`: also how the Verwaltung writes a completed Impressum back (src/adapters/sites/site-impressum.ts). */
export function siteConfigSource(kennung: string, host: string, schemaImport: string, config: GuildConfigInput): string {
  return [
    '/**',
    ` * Die Daten der Innung „${kennung}“ (${host}). Angelegt mit \`npm run sites -- anlegen\` oder in der Verwaltung: Jeder Wert mit`,
    ` * „${PLACEHOLDER_MARK}“ oder aus den Musterdaten muss vor dem Livegang ersetzt werden;`,
    ` * \`npm run check:release -- --config sites/${kennung}/guild.config.ts\` nennt jeden.`,
    ' */',
    `import { defineGuildConfig } from '${schemaImport}';`,
    '',
    `export default defineGuildConfig(${JSON.stringify(config, null, 2)});`,
    '',
  ].join('\n');
}
