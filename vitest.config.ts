import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

export default mergeConfig(viteConfig, defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser and server tests share two cores; running files one by one keeps timings honest.
    fileParallelism: false,
    projects: [
      // Pure logic: fast, no build (`npx vitest run --project unit`).
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // One production build for the build, HTTP and browser tests (tests/helpers/global-setup.ts).
      {
        extends: true,
        test: { name: 'site', include: ['tests/{build,server,browser}/**/*.test.ts'], globalSetup: ['tests/helpers/global-setup.ts'] },
      },
    ],
  },
}));
