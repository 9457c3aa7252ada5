import { contentDir, sharedContentDir } from '../adapters/content-dir';
import { contentSafetyCache } from '../adapters/content-safety-cache';
import { sourceDates } from '../adapters/content/source-dates';
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../adapters/content/read-content';
import { checkSafetyInWorker } from '../adapters/content/safety-worker';
import { formatReport, type Problem, type SourceFile } from '../lib/content-check';
import { sortProblems } from '../lib/content-check/report';
import { parsePost } from '../lib/content-check/front-matter';
import { checkMdxSafety, problemsInTree } from '../lib/content-check/mdx-safety';
import { parseGuildConfig, type GuildConfig } from '../lib/config/schema';
import { formatReleaseReport, releaseProblems } from '../lib/config/release';
import guildConfig from '../guild.config';
import { de } from '../i18n/de';
import { format } from '../i18n/format';

const t = de.contentCheckWorker;
type SafetyMemoFile = ReturnType<typeof contentSafetyCache>;

/**
 * Runs before Astro reads the content: the same check as `npm run check:content` (posts, messenger facts,
 * sources). `astro:config:setup` is the first hook of a build, before the content layer loads or any MDX is
 * compiled, so a post that carries code (mdx-safety.ts) stops the build before it can run. A problem stops the build with every problem listed as file:line – field – problem – fix; the config
 * is validated with its keys named; demo data in the config and facts not checked for 12 months are warnings
 * (`npm run check:release` refuses the demo data; astro.config.mjs hands in the config it validated, the site's or src/guild.config.ts), except in live mode (INNUNGSWISSEN_LIVE=1, set by the server's
 * --live for every publish): then demo data stops the build with the release report.
 *
 * On `astro build` the safety parse of posts not in the safety cache (the costly part of a cold check,
 * ~6 s per 1,000 posts) is not done before the build. An .mdx post's parse runs in a worker thread
 * (src/adapters/content/safety-worker.ts) beside the content layer and Vite's compile, which run no post's
 * code. An .md post is checked on the tree Astro's own Markdown parse builds anyway (remark-parse and
 * remark-gfm, the rule's parser for .md): a remark plugin this integration adds to `markdown.remarkPlugins`
 * (MDX keeps its own list). Parsing every .md post a second time cost a cold build of 1,000 posts ~8 s of
 * CPU beside Astro on two cores (04.12.2026). A post whose page came from Astro's content cache is not
 * parsed by Astro; the check parses it at the end if the safety cache does not know it. The rule's key
 * stands in the plugin's options, so a changed rule empties Astro's content cache (its config digest).
 * `astro:build:ssr` (after the server bundle is written, before Astro imports it to generate pages) waits
 * for both and stops the build with the same report. When the quick part finds a problem, the whole check
 * runs here as before, so the report lists every problem.
 * A Vite build that fails first (the MDX compile's own rule, remarkContentIsData) waits for the worker too,
 * so its report wins. CONTENT_CHECK_WORKER=0 runs everything in this hook, as `astro dev` does.
 */
export function contentCheck(site?: { guild: GuildConfig; configFile: string }): AstroIntegration {
  /** The worker's answer on the .mdx posts it was given; undefined when nothing was deferred. */
  let safety: Promise<{ problems: Problem[]; passed: boolean[] }> | undefined;
  /** What was deferred: the .mdx posts (worker), the .md posts (Astro's parse; the absolute paths it passed). */
  let pending: { root: string; memo: SafetyMemoFile; mdx: SourceFile[]; md: SourceFile[]; passedInParse: Set<string> } | undefined;
  let verdict: Promise<void> | undefined;
  /** Waits for every deferred verdict, keeps the passes, throws the report when a post carries code or the worker failed. Once per build. */
  const settle = () =>
    (verdict ??= (async () => {
      if (!pending) return;
      const { root, memo, mdx, md, passedInParse } = pending;
      const answer = (await safety) ?? { problems: [], passed: [] };
      const problems = [...answer.problems];
      mdx.forEach((post, i) => answer.passed[i] && memo.passed(post));
      for (const post of md) {
        // Not parsed by Astro (its page came from the content cache), or with problems: the rule on the file itself,
        // whose lines count from the file's top (Astro's parse counts from the body it was handed).
        const own = passedInParse.has(resolve(root, post.file)) ? [] : checkMdxSafety(parsePost(post, []));
        if (own.length === 0) memo.passed(post);
        problems.push(...own);
      }
      memo.save();
      if (problems.length > 0) throw new Error(formatReport(sortProblems(problems)));
    })());
  /** The rule inside Astro's Markdown parse (.md only): records the posts that pass; a post with a problem is not rendered. */
  const remarkMarkdownIsData = () => (tree: unknown, file: { path?: string }) => {
    if (!pending || !file.path) return;
    if (problemsInTree(tree, file.path).length === 0) return void pending.passedInParse.add(resolve(file.path));
    // Astro logs this and stores the post without its HTML; settle() reports it with the file's own lines.
    throw new Error(t.refusedInParse);
  };
  return {
    name: 'innungswissen:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger, updateConfig }) => {
        // A site of several guilds hands in its config (astro.config.mjs); otherwise src/guild.config.ts.
        const { guild, configFile } = site ?? { guild: parseGuildConfig(guildConfig), configFile: 'src/guild.config.ts' };
        const root = fileURLToPath(config.root);
        // Posts that passed the safety rule before are not parsed again (a publish changes one or two).
        [safety, pending, verdict] = [undefined, undefined, undefined];
        // In Astro's cache folder: one per site of a multi-site installation, so one site's build keeps the other's.
        const safetyMemo = contentSafetyCache(
          root,
          process.env.CONTENT_SAFETY_CACHE ?? fileURLToPath(new URL('content-safety.json', config.cacheDir)),
        );
        // Every command, so that the config (Astro's content cache is keyed on it) is the same in dev and build.
        // The key changes with the rule: Astro's content cache then renders every .md post again.
        updateConfig({ markdown: { remarkPlugins: [[remarkMarkdownIsData, { rule: safetyMemo.rule }]] } });
        const options = { contentDir: contentDir(), sharedContentDir: sharedContentDir(), dates: sourceDates(root) };
        const started = performance.now();
        let mdx: SourceFile[] = [];
        let md: SourceFile[] = [];
        const defer = (post: SourceFile) => (post.file.endsWith('.mdx') ? mdx : md).push(post);
        let result = checkContent(root, {
          ...options,
          safetyMemo:
            command === 'build' && process.env.CONTENT_CHECK_WORKER !== '0'
              ? { isKnownSafe: (post) => (safetyMemo.isKnownSafe(post) || defer(post), true), passed: () => {} }
              : safetyMemo,
        });
        if (result.problems.length > 0 && mdx.length + md.length > 0) {
          [mdx, md] = [[], []]; // a problem stops the build anyway: the full check here, so the report names every problem
          result = checkContent(root, { ...options, safetyMemo });
        }
        const { problems, warnings } = result;
        const checkedLater = mdx.length + md.length;
        if (checkedLater === 0) safetyMemo.save();
        else {
          pending = { root, memo: safetyMemo, mdx, md, passedInParse: new Set() };
          if (mdx.length > 0) {
            safety = checkSafetyInWorker(mdx).then((answer) => {
              logger.info(format(t.done, { n: answer.passed.length, ms: Math.round(performance.now() - started) }));
              return answer;
            });
            safety.catch(() => {}); // awaited in astro:build:ssr; this only keeps Node from calling it unhandled before then
          }
        }
        const ms = Math.round(performance.now() - started);
        logger.info(checkedLater > 0 ? format(t.deferred, { ms, n: checkedLater, md: md.length }) : format(t.timing, { ms }));
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
