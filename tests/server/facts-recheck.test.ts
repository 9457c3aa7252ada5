/**
 * /redaktion/fakten/ against the platform contract (issue 22): the server sets `locals.editor` after checking
 * the session, refuses non-GET editor requests from other origins before Astro, and hands /redaktion/ pages
 * and /api/redaktion/ endpoints to the on-demand handler. Real server, real build, real Chromium.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { axeViolations } from '../helpers/axe';
import { EDITOR, signIn, signInOnPage, useEditorSession } from '../helpers/editor';
import { berlinDay } from '@/lib/posts/publish';
import { formatDate } from '@/lib/posts/format';
import { de } from '@/i18n/de';

const session = useEditorSession();
const t = de.factsReview;
const today = () => berlinDay(new Date());
const todayShown = () => formatDate(new Date(`${today()}T00:00:00Z`));

type FormFields = Record<'messenger' | 'kriterium' | 'version' | 'aktion', string>;

/** The hidden fields of every "Stimmt noch" form on the page, in page order. */
function confirmForms(html: string): FormFields[] {
  return [...html.matchAll(/<form[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/g)]
    .map((m) => Object.fromEntries([...m[1]!.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((f) => [f[1], f[2]])) as unknown as FormFields)
    .filter((f) => f.aktion === 'stimmt');
}

const factOf = (id: string, criterion: string) =>
  parse(readFileSync(join(session.setup.contentDir, 'messengers', `${id}.yaml`), 'utf8')).facts[criterion];

async function post(cookie: string, fields: Record<string, string>, origin = session.server.url): Promise<Response> {
  return fetch(`${session.server.url}/api/redaktion/fakten/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
}

describe('Fakten prüfen in the Redaktion', () => {
  it('sends a visitor without a session to the login; the page is not a static file', async () => {
    const response = await fetch(`${session.server.url}/redaktion/fakten/`, { redirect: 'manual' });
    expect([302, 303]).toContain(response.status);
    expect(response.headers.get('location')).toMatch(/\/redaktion\/anmelden\/$/);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('lists the facts in German with the unconfirmed first, and "Stimmt noch" sets today and the editor’s name', async () => {
    const cookie = await signIn(session.server.url);
    const page = await fetch(`${session.server.url}/redaktion/fakten/`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<h1 class="mt-2 text-3xl font-bold">${t.title}</h1>`);
    // No file path or YAML key on screen.
    expect(html).not.toMatch(/>[^<]*(?:content\/|\.yaml|checkedBy|quoteLang)[^<]*</);
    const forms = confirmForms(html);
    expect(forms.length).toBeGreaterThan(0);
    const first = forms[0]!;
    const response = await post(cookie, first);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('erledigt=stimmt');
    expect(factOf(first.messenger, first.kriterium)).toMatchObject({ checked: today(), checkedBy: EDITOR.name });
    const after = await (
      await fetch(new URL(response.headers.get('location')!, session.server.url), { headers: { Cookie: cookie } })
    ).text();
    expect(after).toContain(todayShown());
    expect(after).toContain(t.lastChecked(todayShown(), EDITOR.name));
    // The same button again, with the version the page showed before: the fact changed meanwhile → 409, current state shown.
    const again = await post(cookie, first);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain(EDITOR.name);
  });

  it('refuses a fact without quote (422, German), a cross-origin post (403) and a post without session, writing nothing', async () => {
    const cookie = await signIn(session.server.url);
    const html = await (await fetch(`${session.server.url}/redaktion/fakten/`, { headers: { Cookie: cookie } })).text();
    const form = confirmForms(html)[0]!;
    const before = readFileSync(join(session.setup.contentDir, 'messengers', `${form.messenger}.yaml`), 'utf8');
    const foreign = await post(cookie, form, 'https://fremd.example');
    expect(foreign.status).toBe(403);
    const anonymous = await post('', form);
    expect([302, 303, 401]).toContain(anonymous.status);
    expect(readFileSync(join(session.setup.contentDir, 'messengers', `${form.messenger}.yaml`), 'utf8')).toBe(before);
    // A fact the page shows without a button: its file's facts carry no quote.
    const missing = /data-fact="([\w-]+)\.(\w+)"(?:(?!data-fact=)[\s\S])*?data-missing/.exec(html)!;
    const refused = await post(cookie, { messenger: missing[1]!, kriterium: missing[2]!, version: 'x', aktion: 'stimmt' });
    expect([409, 422]).toContain(refused.status);
    expect(await refused.text()).toMatch(/Nicht gespeichert/);
  });

  it('in Chromium: signs in, presses "Stimmt noch", sees the date and name; "Stimmt nicht mehr" keeps a note; axe clean', async () => {
    const page = await session.browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${session.server.url}/redaktion/fakten/`);
    await page.waitForURL(`${session.server.url}/redaktion/anmelden/`);
    await signInOnPage(page, session.server.url);
    await page.goto(`${session.server.url}/redaktion/fakten/`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByRole('button', { name: t.stillTrue }).first().click();
    await page.waitForURL(/erledigt=stimmt/);
    await expect.poll(() => page.getByRole('status').textContent()).toContain(`geprüft am ${todayShown()} von ${EDITOR.name}`);
    const item = page
      .locator('[data-fact]')
      .filter({ has: page.locator('[data-missing]') })
      .first();
    await item.getByText(t.notTrue, { exact: true }).click();
    await item.getByLabel(t.notTrueLabel).fill('Die Quelle nennt inzwischen einen anderen Sitz.');
    await item.getByRole('button', { name: t.notTrueSend }).click();
    await page.waitForURL(/erledigt=hinweis/);
    await expect
      .poll(() => page.locator('[data-dispute]').first().textContent())
      .toContain('Die Quelle nennt inzwischen einen anderen Sitz.');
    await page.close();
  });
});
