import { readdirSync, readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Test files that run Astro builds of their own: those that take the build lock (holdBuildLock in
 * tests/helpers/build.ts), found by reading the files, so a new file that builds joins by taking the
 * lock, as it must anyway. vitest.config.ts gives them the 'building' project; the sequencer keeps them apart.
 */
export function buildingFiles(exclude: readonly string[] = []): string[] {
  return ['build', 'server', 'browser']
    .flatMap((dir) => (readdirSync(`tests/${dir}`, { recursive: true }) as string[]).map((file) => `tests/${dir}/${file}`))
    .filter((file) => file.endsWith('.test.ts') && !exclude.includes(file) && /holdBuildLock\(/.test(readFileSync(file, 'utf8')))
    .sort();
}

const BUILDING = buildingFiles();
const builds = (spec: TestSpecification) => BUILDING.some((file) => spec.moduleId.endsWith(file));

/**
 * Vitest's order (failed first, then the longest), but never two files that build one after the
 * other: with two files at a time they would start together and one would only wait for the lock.
 */
export class BuildsApartSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const pending = await super.sort(files);
    const order: TestSpecification[] = [];
    while (pending.length > 0) {
      const last = order.at(-1);
      const next =
        last && builds(last)
          ? Math.max(
              0,
              pending.findIndex((spec) => !builds(spec)),
            )
          : 0;
      order.push(...pending.splice(next, 1));
    }
    return order;
  }
}
