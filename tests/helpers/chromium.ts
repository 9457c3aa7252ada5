/**
 * Finds a Chromium for the browser tests, the benchmark and the audit, and installs one on a fresh
 * machine (`ensureChromium`, run once by the tests' global set-up). Search order: CHROME_PATH,
 * Debian's and Ubuntu's Chromium, Google Chrome, Playwright's own download cache.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

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

/** Chromium builds in Playwright's cache: the revision this playwright-core expects first, then any other. */
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

function firstWorking(): string | null {
  return chromiumCandidates().find((path) => existsSync(path) && works(path)) ?? null;
}

function isDebian(): boolean {
  try {
    return /^ID=debian$/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const INSTRUCTION =
  'Bitte installieren Sie Chromium selbst – Debian: `sudo apt-get install chromium`, sonst `npx playwright-core install --with-deps chromium` – ' +
  'oder nennen Sie einen vorhandenen Chrome/Chromium mit CHROME_PATH=/pfad/zu/chrome.';

/**
 * Returns a working Chromium, installing one where none is: Debian's package when running as root
 * with apt-get, otherwise Playwright's own build. Prints one German line when it installs; throws
 * with an instruction only when neither works.
 */
export function ensureChromium(log: (line: string) => void = (line) => console.log(line)): string {
  const chosen = process.env.CHROME_PATH;
  if (chosen) {
    if (existsSync(chosen) && works(chosen)) return chosen;
    throw new Error(`CHROME_PATH=${chosen} startet nicht. Nennen Sie einen lauffähigen Chrome/Chromium oder entfernen Sie CHROME_PATH, damit die Tests selbst einen suchen.`);
  }
  const present = firstWorking();
  if (present) return present;
  const attempts: string[] = [];
  if (process.getuid?.() === 0 && hasCommand('apt-get') && isDebian()) {
    log('Kein Chromium gefunden – installiere Debians Paket „chromium“ mit apt-get (einmalig, etwa eine Minute) …');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'pipe', env, encoding: 'utf8' });
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'pipe', env, encoding: 'utf8' }) : update;
    if (install.status === 0) {
      const found = firstWorking();
      if (found) return found;
    }
    attempts.push(`apt-get: ${(install.stderr || install.stdout || '').trim().split('\n').slice(-3).join(' ')}`);
  }
  log('Kein Chromium gefunden – lade Playwrights Chromium herunter (`npx playwright-core install chromium`, einmalig, etwa 150 MB) …');
  const cli = join(dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')), 'cli.js');
  const install = spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'pipe', encoding: 'utf8' });
  if (install.status === 0) {
    const found = firstWorking();
    if (found) return found;
    attempts.push('Playwrights Chromium ist geladen, startet aber nicht (fehlende Systembibliotheken?)');
  } else {
    attempts.push(`playwright-core install: ${(install.stderr || install.stdout || '').trim().split('\n').slice(-3).join(' ')}`);
  }
  throw new Error(`Kein lauffähiges Chromium gefunden, und die Installation schlug fehl (${attempts.join('; ')}).\n${INSTRUCTION}`);
}
