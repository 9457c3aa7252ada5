/** `npm run check:content`: every problem in every post at once, in German; exit code 1 when any. */
import { resolve } from 'node:path';
import { checkPosts, formatReport } from '../src/lib/content-check';
import { readPostFiles } from '../src/lib/files/read-posts';
import { contentDir } from '../src/lib/files/content-dir';

const root = process.cwd();
const problems = checkPosts(readPostFiles(resolve(root, contentDir(), 'posts'), root));
console.log(formatReport(problems));
process.exit(problems.length > 0 ? 1 : 0);
