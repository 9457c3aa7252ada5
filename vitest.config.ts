import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';
import { BuildsApartSequencer, buildingFiles } from './tests/helpers/sequencer';

/** Test files whose time is mostly spent waiting, not computing (see the 'waiting' project). */
const WAITING = ['tests/server/server-process.test.ts', 'tests/server/crash.test.ts', 'tests/server/deploy.test.ts'];

/** Test files that run Astro builds of their own (see the 'building' project and tests/helpers/sequencer.ts). */
const BUILDING = buildingFiles(WAITING);

const WORKERS = Math.max(1, Number(process.env.TEST_WORKERS ?? 1) || 1);

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      testTimeout: 30_000,
      hookTimeout: 120_000,
      // One test file at a time per pool by default: on two cores, two computing files at once made
      // timing-bound tests miss their limits (a quiet run on 01.12.2026 had two timeouts). The worker
      // threads (building) run beside the forks (unit, site): one computing file there, the other
      // side mostly a build at low priority; the waiting files beside both (vmForks). TEST_WORKERS=2
      // overlaps files on larger machines; files that build then take turns (holdBuildLock in tests/helpers/build.ts).
      fileParallelism: WORKERS > 1,
      maxWorkers: WORKERS,
      minWorkers: 1,
      sequence: { sequencer: BuildsApartSequencer },
      projects: [
        // Pure logic: fast, no build (`npx vitest run --project unit`).
        // In the forks, in line with the site files: the worker threads carry the line of builds, the longer of the
        // two (full run of 03.12.2026: unit + building + waiting 898 s in the threads, site 657 s in the forks).
        { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], pool: 'forks' } },
        // One production build for the build, HTTP and browser tests (tests/helpers/global-setup.ts).
        {
          extends: true,
          test: {
            name: 'site',
            include: ['tests/{build,server,browser}/**/*.test.ts'],
            exclude: [...WAITING, ...BUILDING],
            globalSetup: ['tests/helpers/global-setup.ts'],
          },
        },
        // Files that build (a publish, a preview, a site copy): most of their time is one Astro build, on
        // about one core at low priority (the publisher's and buildSiteAsync's nice 10). In the worker
        // threads, so they run beside the 'site' files on the other core instead of before or after them;
        // never two at once (one worker per pool), and the build lock keeps any two builds apart.
        { extends: true, test: { name: 'building', include: BUILDING, pool: 'threads', globalSetup: ['tests/helpers/global-setup.ts'] } },
        // Files that mostly wait (for the server's own timeouts, a killed process, nginx): a pool of their own
        // (Vitest runs one pool per kind, each with its own worker), so they wait beside the site files and the
        // line of builds instead of taking turns in either. 'vmForks' because 'forks' and 'threads' are taken;
        // these files only start processes and speak HTTP, which runs the same in a VM context.
        // The same global set-up: it builds once per run (tests/helpers/global-setup.ts).
        { extends: true, test: { name: 'waiting', include: WAITING, pool: 'vmForks', globalSetup: ['tests/helpers/global-setup.ts'] } },
      ],
    },
  }),
);
