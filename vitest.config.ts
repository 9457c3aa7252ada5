import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One production build and server for the build, HTTP and browser tests (see tests/helpers/global-setup.ts).
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser and server tests share two cores; running files one by one keeps timings honest.
    fileParallelism: false,
  },
});
