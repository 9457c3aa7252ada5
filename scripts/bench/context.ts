/** Run options of `npm run bench` and the paths every section shares. */
import { join } from 'node:path';

export const ROOT = process.cwd();
export const SMOKE = process.argv.includes('--smoke');
/** `--only=search,comments,weight` reruns sections on the builds of the last run (for working on one budget). */
export const ONLY = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
export const wants = (section: string) => !ONLY || ONLY.includes(section);
export const WORK = join(ROOT, '.tmp', 'bench');
export const ASTRO = join(ROOT, 'node_modules/astro/astro.js');
/** `--sizes=1000` builds only these sizes (for working on one size's budget; the full run builds both). */
const sizesArg = process.argv
  .find((a) => a.startsWith('--sizes='))
  ?.slice(8)
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
export const SIZES = sizesArg?.length ? sizesArg : SMOKE ? [100] : [1000, 5000];
export const LOAD_SECONDS = SMOKE ? 2 : 10;
export const LOAD_ROUNDS = SMOKE ? 1 : 3;
/** Cold builds of each size, ours and bare Astro in turn (scripts/bench/build.ts). */
export const BUILD_ROUNDS = SMOKE ? 1 : 3;
