/**
 * `npm run check:release`: exit 1 while src/guild.config.ts still holds a value of the shipped demo
 * (src/lib/config/demo.ts; not listed in keptDemoValues), another guild's authorities or lacks what a live
 * site needs, naming every key with a German hint; 0 once all are real. The server's live mode runs the same check.
 * `npm run check:release -- --config path/to/guild.config.ts` checks another file (used by the tests).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, parseGuildConfig } from '../src/lib/config/schema';
import { formatReleaseReport, releaseProblems } from '../src/lib/config/release';

const args = process.argv.slice(2).filter((a) => a !== '--');
const at = args.indexOf('--config');
const file = at >= 0 && args[at + 1] ? args[at + 1]! : 'src/guild.config.ts';
const raw = (await import(pathToFileURL(resolve(file)).href)).default;
try {
  const problems = releaseProblems(parseGuildConfig(raw));
  console.log(formatReleaseReport(problems, file));
  process.exit(problems.length > 0 ? 1 : 0);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
