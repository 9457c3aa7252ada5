/**
 * `npm run docs:bilder`: the pictures in docs/redaktion.md, taken in a German Chromium from the real
 * server on the last build (npm run build, npm run build:editor; DIST_DIR=… takes another build, e.g. the
 * tests' .tmp/test-run/dist), so the guide shows what editors see. Uses a copy of the content (in git,
 * so "what goes live" has something to compare) and a throw-away account; nothing in content/ or data/ changes.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EditorStore } from '../server/editor/store';
import { editorDbPath } from '@/lib/config/data-paths';
import { hashPassword } from '../server/editor/passwords';
import { launchBrowser } from '../tests/helpers/browser';
import { startServer } from '../tests/helpers/server';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'docs', 'bilder');
const work = mkdtempSync(join(ROOT, '.tmp', 'docs-'));
const dataDir = mkdtempSync(join(tmpdir(), 'innungswissen-docs-'));
cpSync(join(ROOT, 'content'), join(work, 'content'), { recursive: true });
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Bilder', '-c', 'user.email=bilder@example.invalid', '-c', 'core.hooksPath=/dev/null', ...args], {
    cwd: join(work, 'content'),
  });
git('init', '-q');
git('add', '.');
git('commit', '-q', '-m', 'live');
const store = new EditorStore(editorDbPath(dataDir));
store.setAccount('Redaktion Muster', await hashPassword('nur-fuer-die-bilder'));
store.close();

const server = await startServer(
  {
    DATA_DIR: dataDir,
    BUILDS_DIR: join(work, 'builds'),
    INNUNGSWISSEN_CONTENT_DIR: join(work, 'content'),
    COMMENTS_DB: join(dataDir, 'c.db'),
    EDITOR_SCHEDULE: '0',
  },
  process.env.DIST_DIR ?? join(ROOT, 'dist'),
);
const base = server.url;
// A German Chromium, as a clerk's: dates in the pictures read TT.MM.JJJJ, not mm/dd/yyyy.
const browser = await launchBrowser({ german: true });
try {
  mkdirSync(OUT, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1100, height: 720 }, locale: 'de-DE' });
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
  await page
    .getByRole('textbox', { name: 'Kurzbeschreibung' })
    .fill('Wie ein Betrieb Fotos von der Baustelle mit der Kundschaft teilt, ohne Daten preiszugeben.');
  await page.locator('[contenteditable=true]').first().focus();
  await page.keyboard.type('Fotos vom Bad gehören nicht in private Chats.');
  await shot('03-neuer-beitrag.png');
  await page.keyboard.press('Enter');
  await page.keyboard.type('/');
  await page.waitForTimeout(300);
  await shot('04-bausteine.png');
  // Section 5: a picture in the text and its description, behind "Bildangaben bearbeiten".
  await page.keyboard.type('Bild');
  await page.getByLabel('Einfügemenü').getByText('Bild', { exact: true }).first().waitFor();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByLabel('Einfügemenü').getByText('Bild', { exact: true }).first().click(),
  ]);
  await chooser.setFiles(join(ROOT, 'public', 'og-default.png'));
  await page.locator('[contenteditable=true] img:not(.ProseMirror-separator)').first().click();
  await page.getByRole('button', { name: 'Bildangaben bearbeiten' }).click();
  const details = page.getByRole('dialog', { name: 'Bildangaben' });
  await details.getByRole('textbox', { name: /Bildbeschreibung/ }).fill('Ein Badezimmer im Umbau, ohne Personen');
  await shot('05-bildangaben.png');
  await details.getByRole('button', { name: 'Speichern' }).click();
  await details.waitFor({ state: 'detached' });
  const topics = page.getByRole('group', { name: 'Themen' });
  await topics.getByRole('button', { name: 'Hinzufügen' }).click();
  // The picture's toolbar is a dialog too: the topic's dialog is the one with the field "Thema".
  const topic = page.getByRole('dialog').filter({ has: page.getByRole('textbox', { name: 'Thema' }) });
  await topic.getByRole('textbox', { name: 'Thema' }).fill('datenschutz');
  await topic.getByRole('button', { name: 'Hinzufügen' }).click();
  await topic.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Erstellen' }).click();
  await page.waitForURL(/\/item\//);
  // Section 8: what goes live, before the click.
  await page.goto(`${base}/redaktion/#veroeffentlichen`);
  await page.getByText('Baustellenfotos sicher teilen').first().waitFor();
  await page.getByRole('heading', { name: 'Was mit „Veröffentlichen“ online geht' }).scrollIntoViewIfNeeded();
  await shot('06-was-online-geht.png');
  console.log(`Bilder geschrieben nach ${OUT}`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
