import { contentDir, sharedContentDir } from '../adapters/content-dir';
import { contentSafetyCache } from '../adapters/content-safety-cache';
import { sourceDates } from '../adapters/content/source-dates';
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../adapters/content/read-content';
import { checkSafetyInWorker } from '../adapters/content/safety-worker';
import { formatReport, type Problem, type SourceFile } from '../lib/content-check';
import { sortProblems } from '../lib/content-check/report';
import { parseGuildConfig, type GuildConfig } from '../lib/config/schema';
import { formatReleaseReport, releaseProblems } from '../lib/config/release';
import guildConfig from '../guild.config';
import { de } from '../i18n/de';
import { format } from '../i18n/format';

const t = de.contentCheckWorker;

/**
 * Runs before Astro reads the content: the same check as `npm run check:content` (posts, messenger facts,
 * sources). `astro:config:setup` is the first hook of a build, before the content layer loads or any MDX is
 * compiled, so a post that carries code (mdx-safety.ts) stops the build before it can run. A problem stops the build with every problem listed as file:line – field – problem – fix; the config
 * is validated with its keys named; demo data in the config and facts not checked for 12 months are warnings
 * (`npm run check:release` refuses the demo data; astro.config.mjs hands in the config it validated, the site's or src/guild.config.ts), except in live mode (INNUNGSWISSEN_LIVE=1, set by the server's
 * --live for every publish): then demo data stops the build with the release report.
 *
 * On `astro build` the MDX safety parse of posts not in the safety cache (the costly part of a cold check,
 * ~6 s per 1,000 posts) runs in a worker thread (src/adapters/content/safety-worker.ts) beside the content
 * layer and Vite's compile, which run no post's code; `astro:build:ssr` (after the server bundle is written,
 * before Astro imports it to generate pages) waits for it and stops the build with the same report. When
 * the quick part finds a problem, the whole check runs here as before, so the report lists every problem.
 * A Vite build that fails first (the MDX compile's own rule, remarkContentIsData) waits for the worker too,
 * so its report wins. CONTENT_CHECK_WORKER=0 runs everything in this hook, as `astro dev` does.
 */
export function contentCheck(site?: { guild: GuildConfig; configFile: string }): AstroIntegration {
  let safety: Promise<Problem[]> | undefined;
  /** Waits for the worker's verdict; throws the report when a post carries code or the worker failed. */
  const settle = async () => {
    const found = await safety;
    if (found && found.length > 0) throw new Error(formatReport(sortProblems(found)));
  };
  return {
    name: 'innungswissen:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger, updateConfig }) => {
        // A site of several guilds hands in its config (astro.config.mjs); otherwise src/guild.config.ts.
        const { guild, configFile } = site ?? { guild: parseGuildConfig(guildConfig), configFile: 'src/guild.config.ts' };
        const root = fileURLToPath(config.root);
        // Posts that passed the safety rule before are not parsed again (a publish changes one or two).
        safety = undefined;
        const safetyMemo = contentSafetyCache(root);
        const options = { contentDir: contentDir(), sharedContentDir: sharedContentDir(), dates: sourceDates(root) };
        const started = performance.now();
        let deferred: SourceFile[] = [];
        let result = checkContent(root, {
          ...options,
          safetyMemo:
            command === 'build' && process.env.CONTENT_CHECK_WORKER !== '0'
              ? { isKnownSafe: (post) => (safetyMemo.isKnownSafe(post) || deferred.push(post), true), passed: () => {} }
              : safetyMemo,
        });
        if (result.problems.length > 0 && deferred.length > 0) {
          deferred = []; // a problem stops the build anyway: the full check here, so the report names every problem
          result = checkContent(root, { ...options, safetyMemo });
        }
        const { problems, warnings } = result;
        if (deferred.length === 0) safetyMemo.save();
        else {
          const posts = deferred;
          safety = checkSafetyInWorker(posts).then(({ problems: found, passed }) => {
            posts.forEach((post, i) => passed[i] && safetyMemo.passed(post));
            safetyMemo.save();
            logger.info(format(t.done, { n: posts.length, ms: Math.round(performance.now() - started) }));
            return found;
          });
          safety.catch(() => {}); // awaited in astro:build:ssr; this only keeps Node from calling it unhandled before then
        }
        const ms = Math.round(performance.now() - started);
        logger.info(deferred.length > 0 ? format(t.deferred, { ms, n: deferred.length }) : format(t.timing, { ms }));
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
        // Rollup calls buildEnd with the error of a failed build: the worker's full report replaces it. Added on
        // every build, cold or warm, so the Vite config (and its dependency cache's hash) stays the same.
        updateConfig({
          vite: { plugins: [{ name: 'innungswissen:content-safety', buildEnd: async (error?: Error) => error && (await settle()) }] },
        });
      },
      // Runs after the server bundle is written and before Astro imports it to generate pages (Astro 5.18:
      // plugin-manifest's build:post in viteBuild, before staticBuild → generatePages).
      'astro:build:ssr': settle,
    },
  };
}
