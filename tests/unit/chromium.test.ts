import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumCandidates, ensureChromium, findChromium } from '../helpers/chromium';

const saved = process.env.CHROME_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROME_PATH;
  else process.env.CHROME_PATH = saved;
});

/** A stand-in executable: answers `--version` like Chromium does, or fails like a snap stub. */
function fakeBrowser(works: boolean): string {
  const file = join(mkdtempSync(join(tmpdir(), 'iw-chrome-')), 'chrome');
  writeFileSync(file, works ? '#!/bin/sh\necho "Chromium 1.0"\n' : '#!/bin/sh\necho "install the chromium snap" >&2\nexit 1\n');
  chmodSync(file, 0o755);
  return file;
}

describe('finding Chromium for the browser tests', () => {
  it('looks at CHROME_PATH first, then the system browsers, then Playwright’s cache', () => {
    process.env.CHROME_PATH = '/somewhere/chrome';
    const candidates = chromiumCandidates();
    expect(candidates[0]).toBe('/somewhere/chrome');
    expect(candidates.indexOf('/usr/bin/chromium')).toBeLessThan(candidates.indexOf('/usr/bin/google-chrome'));
    expect(candidates.at(-1)).toMatch(/ms-playwright|chrom/);
  });

  it('uses a CHROME_PATH that starts, without installing anything', () => {
    process.env.CHROME_PATH = fakeBrowser(true);
    const said: string[] = [];
    expect(ensureChromium((line) => said.push(line))).toBe(process.env.CHROME_PATH);
    expect(findChromium()).toBe(process.env.CHROME_PATH);
    expect(said).toEqual([]);
  });

  it('refuses a CHROME_PATH that does not start, in German, instead of silently taking another', () => {
    process.env.CHROME_PATH = fakeBrowser(false);
    expect(() => ensureChromium(() => {})).toThrow(/CHROME_PATH=.* startet nicht/);
  });
});
