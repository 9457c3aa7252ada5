/**
 * The newcomer trial of issue 25, scripted: the task list done from docs/redaktion.md alone — sign in,
 * write a post with a picture and a Hinweis, schedule one for a later day, change a messenger fact,
 * make a typical mistake, see what goes live, publish, sign out. Every step finds its way by the
 * visible German words the guide names (roles and labels, no CSS selectors the guide does not name),
 * in a German Chromium against the real server on a copy of the content that is in git (its HEAD is
 * live). Each step's wall time is written to .tmp/newcomer-steps.json and printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { holdBuildLock } from '../helpers/build';
import { launchBrowser } from '../helpers/browser';
import { EDITOR, editorSetup, insertMenuEntry, type EditorSetup } from '../helpers/editor';
import { ROOT } from '../helpers/paths';
import { startServer, type RunningServer } from '../helpers/server';
import { englishOnPage } from './editor-english';

const GUIDE = readFileSync(join(ROOT, 'docs', 'redaktion.md'), 'utf8');
const PICTURE = join(ROOT, 'public', 'og-default.png');
const POST_TITLE = 'Baustellenfotos sicher teilen';
const LATER_TITLE = 'Einladung zum Innungstag';

let release: () => void;
let setup: EditorSetup;
let server: RunningServer;
let browser: Browser;
let page: Page;
const steps: Array<{ step: string; seconds: number }> = [];
/** Words the guide uses for this step; the trial fails when the guide no longer names them. */
const english: Record<string, string[]> = {};

beforeAll(async () => {
  release = await holdBuildLock();
  setup = editorSetup();
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'core.hooksPath=/dev/null', ...args], {
      cwd: setup.contentDir,
    });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'live');
  server = await startServer(setup.env);
  browser = await launchBrowser({ german: true });
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  // Leaving a post with a refused save: the browser asks (guide, section 3); the newcomer leaves.
  page.on('dialog', (dialog) => void dialog.accept());
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  release?.();
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  writeFileSync(join(ROOT, '.tmp', 'newcomer-steps.json'), `${JSON.stringify(steps, null, 2)}\n`);
  console.log(steps.map((s) => `${s.step}: ${s.seconds.toFixed(1)} s`).join('\n'));
});

/** Runs one step of the task list, timed; the guide must name the words it relies on. */
async function step(name: string, guideWords: string[], run: () => Promise<void>): Promise<void> {
  for (const word of guideWords) expect(GUIDE, `${name}: the guide names „${word}“`).toContain(word);
  const started = Date.now();
  try {
    await run();
  } catch (error) {
    // What the newcomer saw when the guide's words led nowhere.
    await page.screenshot({ path: join(ROOT, '.tmp', 'newcomer-failed.png') }).catch(() => undefined);
    throw error;
  }
  steps.push({ step: name, seconds: (Date.now() - started) / 1000 });
  english[name] = await englishOnPage(page);
}

/** The day `days` from today as the guide asks it to be typed: TT.MM.JJJJ. */
function germanDay(days: number): string {
  const day = new Date(Date.now() + days * 86_400_000);
  return `${String(day.getDate()).padStart(2, '0')}.${String(day.getMonth() + 1).padStart(2, '0')}.${day.getFullYear()}`;
}

/**
 * The bar above every Redaktion screen (guide, sections 2 and 3), the navigation named "Redaktion": on the
 * start page the site's own menu has a "Beiträge" too (the readers' list).
 */
const header = (name: string) => page.getByRole('navigation', { name: 'Redaktion' }).first().getByRole('link', { name, exact: true });

/** Types "/" in the text and picks a building block by its name in the menu (guide, section 4). */
async function insert(block: string): Promise<void> {
  await (await insertMenuEntry(page, block)).click();
}

/** A new post with the fields the guide's table asks for (section 3). */
async function newPost(title: string, description: string): Promise<void> {
  await header('Beiträge').click();
  await page.getByRole('button', { name: 'Hinzufügen' }).first().click();
  await page.getByRole('textbox', { name: 'Titel', exact: true }).fill(title);
  await page.getByRole('textbox', { name: 'Kurzbeschreibung' }).fill(description);
  const topics = page.getByRole('group', { name: 'Themen' });
  await topics.getByRole('button', { name: 'Hinzufügen' }).click();
  const dialog = page.getByRole('dialog').filter({ has: page.getByRole('textbox', { name: 'Thema' }) });
  await dialog.getByRole('textbox', { name: 'Thema' }).fill('datenschutz');
  await dialog.getByRole('button', { name: 'Hinzufügen' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('checkbox', { name: /^Entwurf/ }).uncheck();
}

describe('the newcomer trial (issue 25): the task list from docs/redaktion.md alone', () => {
  it('signs in, writes, schedules, changes a fact, makes a mistake, sees what goes live, publishes, signs out', async () => {
    const base = server.url;

    await step('1 Anmelden', ['/redaktion/', 'Anmelden'], async () => {
      await page.goto(`${base}/redaktion/`);
      await page.getByLabel('Name').fill(EDITOR.name);
      await page.getByLabel('Passwort').fill(EDITOR.password);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByRole('heading', { name: 'Was mit „Veröffentlichen“ online geht' }).waitFor();
    });

    await step(
      '2 Beitrag mit Bild und Hinweis',
      ['**Beiträge**', '**Hinzufügen**', 'Hinweis (Kasten)', '**Bild**', '**Bildangaben bearbeiten**', '**Erstellen**'],
      async () => {
        await newPost(POST_TITLE, 'Wie ein Betrieb Fotos von der Baustelle teilt, ohne Daten der Kundschaft preiszugeben.');
        const text = page.locator('[contenteditable=true]').first();
        await text.click();
        await page.keyboard.type('Fotos vom Bad gehören nicht in private Chats.');
        await page.keyboard.press('Enter');
        await insert('Hinweis (Kasten)');
        await page.keyboard.type('Fragen Sie vorher, ob die Kundschaft einverstanden ist.');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        const [chooser] = await Promise.all([page.waitForEvent('filechooser'), insert('Bild')]);
        await chooser.setFiles(PICTURE);
        await page.locator('[contenteditable=true] img:not(.ProseMirror-separator)').first().click();
        await page.getByRole('button', { name: 'Bildangaben bearbeiten' }).click();
        const details = page.getByRole('dialog', { name: 'Bildangaben' });
        await details.getByRole('textbox', { name: /Bildbeschreibung/ }).fill('Ein Badezimmer im Umbau, ohne Personen');
        await details.getByRole('button', { name: 'Speichern' }).click();
        await details.waitFor({ state: 'detached' });
        await page.getByRole('button', { name: 'Erstellen' }).click();
        await page.waitForURL(/\/item\/baustellenfotos-sicher-teilen$/, { timeout: 60_000 });
      },
    );

    await step('3 Beitrag für einen späteren Tag planen', ['Erscheint am', 'Wird am 10.12.2026 veröffentlicht.'], async () => {
      await newPost(LATER_TITLE, 'Die Innung lädt alle Mitgliedsbetriebe zum Innungstag mit Vorträgen und Austausch ein.');
      const later = germanDay(7);
      const date = page.getByLabel('Erscheint am');
      await date.click();
      await page.keyboard.press('Home');
      await page.keyboard.type(later);
      await date.blur();
      await page.getByText(`Wird am ${later} veröffentlicht.`).waitFor();
      await page.locator('[contenteditable=true]').first().click();
      await page.keyboard.type('Programm und Anmeldung folgen.');
      await page.getByRole('button', { name: 'Erstellen' }).click();
      await page.waitForURL(/\/item\/einladung-zum-innungstag$/, { timeout: 60_000 });
    });

    await step('4 Messenger-Angabe ändern', ['**Messenger**', '**Speichern**'], async () => {
      await header('Messenger').click();
      await page.getByText('Threema', { exact: true }).first().click();
      await page.waitForURL(/\/item\/threema$/);
      const value = page.getByRole('textbox', { name: 'Angabe' }).first();
      await expect.poll(() => value.inputValue(), { timeout: 30_000 }).not.toBe('');
      await value.fill(`${await value.inputValue()} Stand: geprüft.`);
      await page.getByRole('button', { name: 'Speichern' }).click();
      await expect
        .poll(() => readFileSync(join(setup.contentDir, 'messengers', 'threema.yaml'), 'utf8'), { timeout: 30_000 })
        .toContain('Stand: geprüft.');
    });

    await step('5 Typischer Fehler: zu kurzer Titel', ['Titel: bitte mindestens 5 Zeichen.'], async () => {
      await header('Beiträge').click();
      await page.getByRole('button', { name: 'Hinzufügen' }).first().click();
      await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('Test');
      await page.getByRole('button', { name: 'Erstellen' }).click();
      await page.getByText('Titel: bitte mindestens 5 Zeichen.').first().waitFor();
    });

    await step('6 Sehen, was online geht', ['Was mit „Veröffentlichen“ online geht', 'geplant für'], async () => {
      await header('Redaktion').click();
      await page.getByRole('heading', { name: 'Was mit „Veröffentlichen“ online geht' }).waitFor();
      const list = page.getByRole('region', { name: 'Veröffentlichen' });
      await list.getByText(POST_TITLE).first().waitFor({ timeout: 60_000 });
      await list.getByText(LATER_TITLE).first().waitFor();
      await list
        .getByText(/geplant für/)
        .first()
        .waitFor();
      await list
        .getByText(/Threema/)
        .first()
        .waitFor();
    });

    await step('7 Veröffentlichen', ['**Alles veröffentlichen**', 'Veröffentlicht um'], async () => {
      await page.getByRole('button', { name: 'Alles veröffentlichen' }).click();
      await page
        .getByText(/Veröffentlicht um \d{1,2}:\d{2}/)
        .first()
        .waitFor({ timeout: 600_000 });
    });
    const live = await fetch(`${base}/beitraege/baustellenfotos-sicher-teilen/`);
    expect(live.status).toBe(200);
    expect((await fetch(`${base}/beitraege/einladung-zum-innungstag/`)).status).toBe(404);

    await step('8 Abmelden', ['Abmelden', 'Sie sind abgemeldet.'], async () => {
      await page.getByRole('button', { name: 'Abmelden' }).first().click();
      await page.getByText('Sie sind abgemeldet.').waitFor();
    });

    expect(english).toEqual(Object.fromEntries(Object.keys(english).map((k) => [k, []])));
  }, 900_000);
});
