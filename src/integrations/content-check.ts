import { contentDir, sharedContentDir } from '../adapters/content-dir';
import { contentSafetyCache } from '../adapters/content-safety-cache';
import { sourceDates } from '../adapters/content/source-dates';
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../adapters/content/read-content';
import { formatReport } from '../lib/content-check';
import { parseGuildConfig, type GuildConfig } from '../lib/config/schema';
import { formatReleaseReport, releaseProblems } from '../lib/config/release';
import guildConfig from '../guild.config';

/**
 * Runs before Astro reads the content: the same check as `npm run check:content` (posts, messenger facts,
 * sources). `astro:config:setup` is the first hook of a build, before the content layer loads or any MDX is
 * compiled, so a post that carries code (mdx-safety.ts) stops the build before it can run. A problem stops the build with every problem listed as file:line – field – problem – fix; the config
 * is validated with its keys named; demo data in the config and facts not checked for 12 months are warnings
 * (`npm run check:release` refuses the demo data; astro.config.mjs hands in the config it validated, the site's or src/guild.config.ts), except in live mode (INNUNGSWISSEN_LIVE=1, set by the server's
 * --live for every publish): then demo data stops the build with the release report.
 */
export function contentCheck(site?: { guild: GuildConfig; configFile: string }): AstroIntegration {
  return {
    name: 'innungswissen:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        // A site of several guilds hands in its config (astro.config.mjs); otherwise src/guild.config.ts.
        const { guild, configFile } = site ?? { guild: parseGuildConfig(guildConfig), configFile: 'src/guild.config.ts' };
        const root = fileURLToPath(config.root);
        // Posts that passed the safety rule before are not parsed again (a publish changes one or two).
        const safetyMemo = contentSafetyCache(root);
        const { problems, warnings } = checkContent(root, {
          contentDir: contentDir(),
          sharedContentDir: sharedContentDir(),
          dates: sourceDates(root),
          safetyMemo,
        });
        safetyMemo.save();
        if (problems.length > 0) {
          const report = formatReport(problems);
          if (command === 'build') throw new Error(report);
          logger.error(report);
          return;
        }
        if (command !== 'build') return;
        const demo = releaseProblems(guild);
        // INNUNGSWISSEN_LIVE=1 (set by the server's live mode for every publish): demo data never goes live.
        if (demo.length > 0 && process.env.INNUNGSWISSEN_LIVE === '1')
          throw new Error(`Livebetrieb: ${formatReleaseReport(demo, configFile)}`);
        if (demo.length > 0) {
          logger.warn(
            `Musterdaten in ${configFile} (jede Seite zeigt den Hinweis „Musterdaten“; „npm run check:release“ schlägt fehl): ${demo.map((p) => p.key).join(', ')}`,
          );
        }
        for (const warning of warnings) logger.warn(warning);
      },
    },
  };
}
