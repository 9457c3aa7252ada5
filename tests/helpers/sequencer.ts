import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Test files that run a build (and take turns through holdBuildLock in tests/helpers/build.ts). */
const BUILDING = [
  'tests/server/editor.test.ts',
  'tests/browser/editor.test.ts',
  'tests/browser/comments-cross-origin.test.ts',
  'tests/build/site.test.ts',
];
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
