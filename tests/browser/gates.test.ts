/**
 * Quality gates on every page: accessibility (axe, WCAG 2.0/2.1 A+AA), keyboard, privacy, CSP,
 * console errors and failed requests. Pages come from the sitemap plus interactive states.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { launchBrowser, watchPage } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';
import { ADMIN, tempDb } from '../helpers/comments';
import { TEST_CLIENT } from '../helpers/paths';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server: RunningServer;
let browser: Browser;

function sitemapPaths(): string[] {
  const parser = new XMLParser();
  const index = parser.parse(readFileSync(join(TEST_CLIENT, 'sitemap-index.xml'), 'utf8'));
  return [index.sitemapindex.sitemap].flat().flatMap((s: { loc: string }) => {
    const file = new URL(s.loc).pathname.slice(1);
    return [parser.parse(readFileSync(join(TEST_CLIENT, file), 'utf8')).urlset.url].flat().map((u: { loc: string }) => new URL(u.loc).pathname);
  });
}

interface PageState {
  name: string;
  path: string;
  /** Brings the page into the state to check (dialog open, filters set, errors shown). */
  prepare?: (page: Page) => Promise<void>;
  /** The element that must keep focus inside (dialogs). */
  scope?: string;
}

const STATES: PageState[] = [
  {
    name: 'search dialog open with results',
    path: '/',
    prepare: async (page) => {
      await page.keyboard.press('Control+k');
      await page.keyboard.type('threema');
      await page.locator('site-search [data-result-link]').first().waitFor();
    },
    scope: 'dialog[open]',
  },
  {
    name: 'search page with results and filters',
    path: '/suche/?q=adressbuch',
    prepare: async (page) => {
      await page.locator('search-page [data-result-link]').first().waitFor();
    },
  },
  {
    name: 'comparison with filters applied',
    path: '/messenger-vergleich/?q=schweiz&filter=e2ee',
    prepare: async (page) => {
      await page.locator('[data-result-count]:not(:empty)').waitFor();
      await page.locator('#empfehlung').scrollIntoViewIfNeeded();
      await page.locator('[data-advice-output] [data-advice-result]').waitFor();
    },
  },
  {
    name: 'article with comment form showing validation errors',
    path: '/beitraege/whatsapp-im-unternehmen/',
    prepare: async (page) => {
      await page.locator('comment-section form:not([hidden])').waitFor();
      await page.click('comment-section [data-submit]');
      await page.locator('comment-section [data-error-for="text"]:not(:empty)').waitFor();
    },
  },
  {
    name: 'moderation page, logged in',
    path: '/admin/kommentare/',
    prepare: async (page) => {
      await page.fill('#admin-token', ADMIN);
      await page.keyboard.press('Enter');
      await page.locator('[data-panel]:not([hidden])').waitFor();
    },
  },
  { name: 'comments page without JavaScript enhancements', path: '/beitraege/whatsapp-im-unternehmen/kommentare/' },
  { name: 'decision aid result', path: '/messenger-vergleich/empfehlung/?use=kunden&ohneNeueApp=ja&privateHandys=nein&avvPflicht=ja&budget=egal' },
];

beforeAll(async () => {
  server = await startServer({ COMMENTS_DB: tempDb(), COMMENTS_ADMIN_TOKEN: ADMIN, COMMENTS_MIN_SUBMIT_SECONDS: '0' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openChecked(state: PageState) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const watch = watchPage(page, server.url);
  const response = await page.goto(server.url + state.path, { waitUntil: 'networkidle' });
  await state.prepare?.(page);
  return { context, page, watch, response };
}

async function axeViolations(page: Page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

/** Tabs through the page; every visible control must get focus, with a visible outline, and focus must come back around. */
async function keyboardWalk(page: Page, scope = 'body') {
  return page.evaluate(async (scopeSelector) => {
    const root = document.querySelector(scopeSelector)!;
    const focusables = [...root.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), select, textarea, [tabindex="0"], summary')].filter((el) => {
      const rect = el.getBoundingClientRect();
      // Content of a closed <details> is not rendered (its summary is).
      const inClosedDetails = el.tagName !== 'SUMMARY' && el.closest('details:not([open])') !== null;
      return rect.width > 0 && rect.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[hidden], [inert]') && !inClosedDetails && el.tabIndex >= 0;
    });
    // A radio group is one tab stop.
    const radioGroups = new Set(focusables.filter((el) => el instanceof HTMLInputElement && el.type === 'radio').map((el) => (el as HTMLInputElement).name));
    return focusables.filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio')).length + radioGroups.size;
  }, scope);
}

describe.each([...sitemapPaths().map((path) => ({ name: path, path }) as PageState), ...STATES])('gate: $name', (state) => {
  it('no axe violation (WCAG 2.0/2.1 A and AA), no console error, no failed or foreign request, no CSP violation, no cookie', async () => {
    const { context, page, watch, response } = await openChecked(state);
    expect(response?.status()).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.failedRequests).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    if (!state.path.startsWith('/admin/')) expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await context.close();
  });

  it('keyboard only: every control reachable with Tab, focus visible, no trap', async () => {
    const { context, page } = await openChecked(state);
    const expected = await keyboardWalk(page, state.scope);
    const seen = new Set<string>();
    let invisibleFocus: string[] = [];
    const steps = expected + 3;
    for (let i = 0; i < steps; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        if (!el.dataset.kbId) el.dataset.kbId = String(Math.random());
        const style = getComputedStyle(el);
        const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        return { id: el.dataset.kbId, visible, label: `${el.tagName} ${el.textContent?.trim().slice(0, 30) ?? ''}` };
      });
      if (!info) continue;
      seen.add(info.id);
      if (!info.visible) invisibleFocus.push(info.label);
    }
    invisibleFocus = [...new Set(invisibleFocus)];
    expect(invisibleFocus).toEqual([]);
    // Every control was reached (the walk may wrap around through the browser UI, which is not a trap).
    expect(seen.size).toBeGreaterThanOrEqual(expected);
    await context.close();
  });
});

describe('security headers and CSP', () => {
  it('every page carries a CSP without unsafe-inline for scripts, with wasm for Pagefind', async () => {
    for (const path of ['/', '/beitraege/whatsapp-im-unternehmen/', '/suche/']) {
      const html = await (await fetch(server.url + path)).text();
      const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
      const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
      expect(scriptSrc).toContain("'self'");
      expect(scriptSrc).toContain("'wasm-unsafe-eval'");
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(csp).toContain("object-src 'none'");
    }
  });

  it('the server sends nosniff, referrer and permissions policies and forbids framing; moderation is never cached', async () => {
    for (const path of ['/', '/admin/kommentare/', '/api/comments/counts?threads=whatsapp-im-unternehmen']) {
      const response = await fetch(server.url + path);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('permissions-policy')).toContain('geolocation=()');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
    expect((await fetch(`${server.url}/admin/kommentare/`)).headers.get('cache-control')).toBe('private, no-store');
    expect((await fetch(`${server.url}/api/comments/counts?threads=x`)).headers.get('cache-control')).toMatch(/^private/);
  });
});
