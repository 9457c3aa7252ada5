import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';
import { BuildsApartSequencer } from './tests/helpers/sequencer';

export default mergeConfig(viteConfig, defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two test files at a time: most of a server or browser test is waiting (for a page, a
    // timeout, a build), so two overlap well even on two cores. Files that build take turns
    // (holdBuildLock in tests/helpers/build.ts); TEST_WORKERS=1 runs one file at a time.
    fileParallelism: true,
    maxWorkers: Number(process.env.TEST_WORKERS ?? 2),
    minWorkers: 1,
    sequence: { sequencer: BuildsApartSequencer },
    projects: [
      // Pure logic: fast, no build (`npx vitest run --project unit`).
      // In worker threads: a pool of their own, so they run beside the site files, not after them.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], pool: 'threads' } },
      // One production build for the build, HTTP and browser tests (tests/helpers/global-setup.ts).
      {
        extends: true,
        test: { name: 'site', include: ['tests/{build,server,browser}/**/*.test.ts'], globalSetup: ['tests/helpers/global-setup.ts'] },
      },
    ],
  },
}));
