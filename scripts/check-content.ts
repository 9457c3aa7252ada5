/** `npm run check:content`: the same check as the build – posts, messenger facts and sources – in German; exit code 1 on any problem. */
import { contentDir } from '../src/adapters/content-dir';
import { sourceDates } from '../src/adapters/content/source-dates';
import { checkContent } from '../src/adapters/content/read-content';
import { formatReport } from '../src/lib/content-check';

const { problems, warnings } = checkContent(process.cwd(), { contentDir: contentDir(), dates: sourceDates(process.cwd()) });
console.log(formatReport(problems));
for (const warning of warnings) console.warn(`Hinweis: ${warning}`);
process.exit(problems.length > 0 ? 1 : 0);
