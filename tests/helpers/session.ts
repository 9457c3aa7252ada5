import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';
import { tempDb } from './comments';

/** A production server on the test build (with its own comment database) and a Chromium, for one test file. */
export function useServerAndBrowser(env: Record<string, string> = {}): { server: RunningServer; browser: Browser } {
  const session = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    session.server = await startServer({ COMMENTS_DB: tempDb(), ...env });
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}
