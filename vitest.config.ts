import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';
import { BuildsApartSequencer } from './tests/helpers/sequencer';

const WORKERS = Math.max(1, Number(process.env.TEST_WORKERS ?? 1) || 1);

export default mergeConfig(viteConfig, defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // One test file at a time by default: on two cores, two files at once made timing-bound tests
    // miss their limits (a quiet run on 01.12.2026 had two timeouts). TEST_WORKERS=2 overlaps files
    // on larger machines; files that build then take turns (holdBuildLock in tests/helpers/build.ts).
    fileParallelism: WORKERS > 1,
    maxWorkers: WORKERS,
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
