/**
 * Finds a Chromium for the browser tests, the benchmark and the audit, and installs Debian's on a
 * fresh machine (`ensureChromium`, run once by the tests' global set-up, through the shared
 * system-program helper). Search order: CHROME_PATH, Debian's and Ubuntu's Chromium, Google Chrome,
 * a Playwright cache already on the machine. No test tool downloads a browser of its own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureProgram, thisMachine, type Machine, type SystemProgram } from './system-programs';

/** Flags for every Chromium we start: no sandbox (containers, root), and nothing that calls other hosts. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

/** Chromium builds already in Playwright's cache: the revision this playwright-core expects first, then any other. */
function playwrightCache(): string[] {
  const found = [chromium.executablePath()];
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  let entries: string[] = [];
  try {
    entries = readdirSync(cache).sort().reverse();
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!entry.startsWith('chromium-')) continue;
    for (const build of ['chrome-linux64', 'chrome-linux']) found.push(join(cache, entry, build, 'chrome'));
  }
  return found;
}

export function chromiumCandidates(): string[] {
  return [...(process.env.CHROME_PATH ? [process.env.CHROME_PATH] : []), ...SYSTEM_PATHS, ...playwrightCache()];
}

/** The first Chromium that exists, without starting it (cheap: called by every test file). */
export function findChromium(): string | null {
  return chromiumCandidates().find((path) => existsSync(path)) ?? null;
}

/** Starts the binary once: Ubuntu's /usr/bin/chromium-browser may be a stub asking for the snap. */
function works(path: string): boolean {
  try {
    execFileSync(path, ['--version'], { stdio: 'pipe', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/** Debian's package `chromium`; the other places count when a browser is already there. */
export function chromiumProgram(): SystemProgram {
  return { command: 'chromium', aptPackage: 'chromium', paths: [...SYSTEM_PATHS, ...playwrightCache()], works };
}

/**
 * Chromium in German (dates in `<input type=date>` as TT.MM.JJJJ, its own words German): on Linux
 * it takes its language from LANGUAGE/LANG, not from --lang, and Debian's package needs
 * chromium-l10n for it. A Playwright build carries every language itself.
 */
export const GERMAN_CHROMIUM_ENV = { LANGUAGE: 'de', LANG: 'de_DE.UTF-8' } as const;
const DEBIAN_GERMAN = '/usr/lib/chromium/locales/de.pak';

/** Installs chromium-l10n where Debian's Chromium runs without it (as ensureChromium installs Chromium). */
export function ensureGermanChromium(machine: Machine = thisMachine()): void {
  const path = findChromium();
  if (!path || !path.startsWith('/usr/bin/chromium') || existsSync(DEBIAN_GERMAN)) return;
  ensureProgram({ command: 'chromium', aptPackage: 'chromium-l10n', paths: [path], works: () => existsSync(DEBIAN_GERMAN) }, machine);
}

/**
 * Returns a working Chromium: CHROME_PATH when set (and refused in German when it does not start),
 * else one on this machine, else Debian's package installed as root with apt-get. Throws with the
 * package and the command to type otherwise.
 */
export function ensureChromium(log: (line: string) => void = (line) => console.log(line), machine: Machine = thisMachine()): string {
  const chosen = process.env.CHROME_PATH;
  if (chosen) {
    if (existsSync(chosen) && works(chosen)) return chosen;
    throw new Error(
      `CHROME_PATH=${chosen} startet nicht. Nennen Sie einen lauffähigen Chrome/Chromium oder entfernen Sie CHROME_PATH, damit die Tests selbst einen suchen.`,
    );
  }
  return ensureProgram(chromiumProgram(), { ...machine, log });
}
