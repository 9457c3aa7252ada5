/**
 * `npm run docs:bilder`: the pictures in docs/redaktion.md, taken in Chromium from the real
 * server on the last build (npm run build, npm run build:editor), so the guide shows what editors see.
 * Uses a copy of the content and a throw-away account; nothing in content/ or data/ changes.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { EditorStore } from '../server/editor/store';
import { hashPassword } from '../server/editor/passwords';
import { childEnv } from './child-env';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'docs', 'bilder');
const work = mkdtempSync(join(ROOT, '.tmp', 'docs-'));
const dataDir = mkdtempSync(join(tmpdir(), 'innungswissen-docs-'));
cpSync(join(ROOT, 'content'), join(work, 'content'), { recursive: true });
const store = new EditorStore(join(dataDir, 'redaktion.db'));
store.setAccount('Redaktion Muster', await hashPassword('nur-fuer-die-bilder'));
store.close();

const port = 4400 + Math.floor(Math.random() * 500);
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs')], {
  cwd: ROOT,
  env: childEnv({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, BUILDS_DIR: join(work, 'builds'), INNUNGSWISSEN_CONTENT_DIR: join(work, 'content'), COMMENTS_DB: join(dataDir, 'c.db'), EDITOR_SCHEDULE: '0' }),
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  server.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('läuft auf') && resolve());
  server.on('exit', (code) => reject(new Error(`Server beendet (${code})`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  mkdirSync(OUT, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1100, height: 720 } });
  const shot = (name: string) => page.screenshot({ path: join(OUT, name) });
  await page.goto(`${base}/redaktion/anmelden/`);
  await page.getByLabel('Name').fill('Redaktion Muster');
  await shot('01-anmelden.png');
  await page.getByLabel('Passwort').fill('nur-fuer-die-bilder');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(`${base}/redaktion/`);
  await page.getByText('Bereit.').waitFor();
  await shot('02-redaktion.png');
  await page.goto(`${base}/keystatic/collection/posts/create`);
  await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('Baustellenfotos sicher teilen');
  await page.getByRole('textbox', { name: 'Kurzbeschreibung' }).fill('Wie ein Betrieb Fotos von der Baustelle mit der Kundschaft teilt, ohne Daten preiszugeben.');
  await page.locator('[contenteditable=true]').first().focus();
  await page.keyboard.type('Fotos vom Bad gehören nicht in private Chats.');
  await shot('03-neuer-beitrag.png');
  await page.keyboard.press('Enter');
  await page.keyboard.type('/');
  await page.waitForTimeout(300);
  await shot('04-bausteine.png');
  console.log(`Bilder geschrieben nach ${OUT}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
