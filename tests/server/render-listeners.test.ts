/**
 * Every build's Astro handler adds a process 'unhandledRejection' listener when its code loads; switching
 * builds at every publish piled them up until Node logged MaxListenersExceededWarning (issue 25). After
 * many switches only the current and the previous build's listeners remain.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TEST_DIST } from '../helpers/paths';
import { loadSite, SiteHolder } from '../../server/site';

const work = mkdtempSync(join(ROOT, '.tmp', 'listeners-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the test build in a folder of its own: its code loads as a new module, as a new publish's does. */
function build(n: number): string {
  const dir = join(work, `build-${n}`);
  cpSync(TEST_DIST, dir, { recursive: true });
  return dir;
}

const renderListeners = () => process.listeners('unhandledRejection').filter((l) => String(l).includes('while rendering')).length;

describe('publishing many times', () => {
  it('keeps the render listeners of the current and the previous build only: no MaxListenersExceededWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const sites = new SiteHolder(await loadSite(build(0)));
      for (let n = 1; n <= 11; n++) await sites.switchTo(build(n));
      expect(renderListeners()).toBeLessThanOrEqual(2);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  }, 300_000);
});
