/**
 * Quality gates: accessibility (axe, WCAG 2.0/2.1 A+AA), keyboard, privacy, CSP, console errors and
 * failed requests. The full gates run once per page template (a representative sitemap page each,
 * and a test that every sitemap page belongs to one) and on every interactive state, on one page
 * load each; every other sitemap page gets the cheap checks (status, requests, console, CSP, storage),
 * which are part of the full gates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Request, Response } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { launchBrowser, watchPage, type PageWatch } from '../helpers/browser';
import { axeViolations } from '../helpers/axe';
import { startServer, type RunningServer } from '../helpers/server';
import { withModerator, tempDb } from '../helpers/comments';
import { signInOnPage } from '../helpers/editor';
import { TEST_CLIENT } from '../helpers/paths';

let server: RunningServer;
let browser: Browser;

function sitemapPaths(): string[] {
  const parser = new XMLParser();
  const index = parser.parse(readFileSync(join(TEST_CLIENT, 'sitemap-index.xml'), 'utf8'));
  return [index.sitemapindex.sitemap].flat().flatMap((s: { loc: string }) => {
    const file = new URL(s.loc).pathname.slice(1);
    return [parser.parse(readFileSync(join(TEST_CLIENT, file), 'utf8')).urlset.url]
      .flat()
      .map((u: { loc: string }) => new URL(u.loc).pathname);
  });
}

/**
 * Page templates (one route each) and the sitemap page that stands for it in the full gates. The
 * article template is also checked with its comment form (STATES), on another article.
 */
const TEMPLATES: Array<{ name: string; route: RegExp; path: string }> = [
  { name: 'home page', route: /^\/$/, path: '/' },
  { name: 'article list', route: /^\/beitraege\/(\d+\/)?$/, path: '/beitraege/' },
  { name: 'article (every building block)', route: /^\/beitraege\/[^/]+\/$/, path: '/beitraege/bausteine-test/' },
  { name: 'privacy policy', route: /^\/datenschutz\/$/, path: '/datenschutz/' },
  { name: 'legal notice', route: /^\/impressum\/$/, path: '/impressum/' },
  { name: 'accessibility statement', route: /^\/barrierefreiheit\/$/, path: '/barrierefreiheit/' },
  { name: 'easy-to-read page', route: /^\/leichte-sprache\/$/, path: '/leichte-sprache/' },
  { name: 'messenger comparison', route: /^\/messenger-vergleich\/$/, path: '/messenger-vergleich/' },
  { name: 'comparison change log', route: /^\/messenger-vergleich\/aenderungen\/$/, path: '/messenger-vergleich/aenderungen/' },
  { name: 'messenger profile', route: /^\/messenger\/[^/]+\/$/, path: '/messenger/whatsapp/' },
  { name: 'topic overview', route: /^\/themen\/$/, path: '/themen/' },
  { name: 'topic', route: /^\/themen\/[^/]+\/$/, path: '/themen/datenschutz/' },
];

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
  { name: 'Redaktion login page', path: '/redaktion/anmelden/' },
  {
    name: 'Redaktion start page, signed in',
    path: '/redaktion/',
    prepare: async (page) => {
      await signInOnPage(page, server.url);
      await page.locator('[data-comments-link]').waitFor();
    },
  },
  {
    name: 'moderation page, signed in to the Redaktion',
    path: '/redaktion/kommentare/',
    prepare: async (page) => {
      await signInOnPage(page, server.url);
      // The start page loads its status, history and what goes live; leaving before they answer aborts them.
      await page.waitForLoadState('networkidle');
      await page.goto(`${server.url}/redaktion/kommentare/`);
      await page.locator('[data-panel]:not([hidden])').waitFor();
    },
  },
  { name: 'comments page without JavaScript enhancements', path: '/beitraege/whatsapp-im-unternehmen/kommentare/' },
  {
    name: 'decision aid result',
    path: '/messenger-vergleich/empfehlung/?use=kunden&ohneNeueApp=ja&privateHandys=nein&avvPflicht=ja&budget=egal',
  },
];

let gateTab: Tab;

beforeAll(async () => {
  server = await startServer({ COMMENTS_DB: tempDb(), ...withModerator(), COMMENTS_MIN_SUBMIT_SECONDS: '0' });
  browser = await launchBrowser();
  gateTab = await openTab();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * A browser tab that visits one page after another. A new context and page per visit cost more
 * than the visit itself on a busy machine; between visits the tab forgets cookies, storage and
 * what it saw, so each visit is checked as on a fresh start.
 */
interface Tab {
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
  /** Requests sent and not yet finished or failed. */
  open: Set<Request>;
}

async function openTab(): Promise<Tab> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const open = new Set<Request>();
  page.on('request', (request) => open.add(request));
  page.on('requestfinished', (request) => open.delete(request));
  page.on('requestfailed', (request) => open.delete(request));
  return { context, page, watch: watchPage(page, server.url), open };
}

/**
 * After the load event: waits until no request has been open for `quietMs` (what a page asks for
 * around its load, the comment counts or the favicon, is seen and finished). Playwright's
 * networkidle waits 500 ms of silence on every page; this ends as soon as the page is quiet.
 */
async function settled(tab: Tab, quietMs = 150, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (tab.open.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`still loading after ${timeoutMs} ms: ${[...tab.open].map((r) => r.url()).join(', ')}`);
}

async function visit(tab: Tab, state: PageState) {
  if (tab.page.url().startsWith(server.url)) {
    await tab.page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
  }
  // Leave the last page first: a request it still had open (the favicon) ends here, not in the next check.
  await tab.page.goto('about:blank');
  await tab.context.clearCookies();
  for (const seen of Object.values(tab.watch)) seen.length = 0;
  tab.open.clear();
  const response = await tab.page.goto(server.url + state.path, { waitUntil: 'load' });
  await settled(tab);
  await state.prepare?.(tab.page);
  return response;
}

/** The checks that cost nothing beyond loading the page: status, requests, console, CSP, cookies, storage. */
async function privacyFindings({ context, page, watch }: Tab, response: Response | null, path: string) {
  return {
    status: response?.status(),
    consoleErrors: [...watch.consoleErrors],
    failedRequests: [...watch.failedRequests],
    foreignRequests: [...watch.foreignRequests],
    csp: await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
    // The editor's own session cookie (scoped to its paths; tests/server/editor.test.ts checks it) is the one allowed.
    cookies: (await context.cookies()).filter((c) => !(path.startsWith('/redaktion/') && c.name === 'redaktion_sitzung')),
    localStorage: await page.evaluate(() => Object.keys(localStorage)),
  };
}
const CLEAN = { status: 200, consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [], cookies: [], localStorage: [] };

/** The controls a keyboard user must reach inside scope (a radio group is one tab stop). */
async function countFocusables(page: Page, scope = 'body') {
  return page.evaluate((scopeSelector) => {
    const root = document.querySelector(scopeSelector)!;
    const focusables = [
      ...root.querySelectorAll<HTMLElement>(
        'a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), select, textarea, [tabindex="0"], summary',
      ),
    ].filter((el) => {
      const rect = el.getBoundingClientRect();
      // Content of a closed <details> is not rendered (its summary is).
      const inClosedDetails = el.tagName !== 'SUMMARY' && el.closest('details:not([open])') !== null;
      return (
        rect.width > 0 &&
        rect.height > 0 &&
        getComputedStyle(el).visibility !== 'hidden' &&
        !el.closest('[hidden], [inert]') &&
        !inClosedDetails &&
        el.tabIndex >= 0
      );
    });
    const radioGroups = new Set(
      focusables.filter((el) => el instanceof HTMLInputElement && el.type === 'radio').map((el) => (el as HTMLInputElement).name),
    );
    return focusables.filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio')).length + radioGroups.size;
  }, scope);
}

/**
 * Presses Tab `steps` times as real key events and records, after each press, the focused element
 * and whether its focus is visible. The presses go out in one batch over the DevTools protocol
 * (Chromium handles them in order); a keyup listener in the page notes where each one landed, so the
 * whole walk is one round trip plus one evaluation instead of two round trips per press.
 */
async function tabWalk(page: Page, steps: number) {
  await page.evaluate(() => {
    const w = window as unknown as { __tabs: Array<{ id: number; visible: boolean; label: string }> };
    const ids = new WeakMap<Element, number>();
    let next = 0;
    w.__tabs = [];
    window.addEventListener(
      'keyup',
      (event) => {
        if (event.key !== 'Tab') return;
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return;
        if (!ids.has(el)) ids.set(el, ++next);
        const style = getComputedStyle(el);
        const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        w.__tabs.push({ id: ids.get(el)!, visible, label: `${el.tagName} ${el.textContent?.trim().slice(0, 30) ?? ''}` });
      },
      true,
    );
  });
  const cdp = await page.context().newCDPSession(page);
  const key = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 };
  const presses: Array<Promise<unknown>> = [];
  for (let i = 0; i < steps; i++) {
    presses.push(cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key }));
    presses.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }));
  }
  await Promise.all(presses);
  await cdp.detach();
  return page.evaluate(() => (window as unknown as { __tabs: Array<{ id: number; visible: boolean; label: string }> }).__tabs);
}

/** Visits every path in one of `tabs` tabs at once (a visit mostly waits for the page and its requests). */
async function visitAll(paths: string[], tabs: number, check: (tab: Tab, path: string, response: Response | null) => Promise<void>) {
  const queue = [...paths];
  await Promise.all(
    Array.from({ length: tabs }, async () => {
      const tab = await openTab();
      for (let path = queue.shift(); path !== undefined; path = queue.shift())
        await check(tab, path, await visit(tab, { name: path, path }));
      await tab.context.close();
    }),
  );
}

describe('every sitemap page', () => {
  const paths = sitemapPaths();

  it('belongs to a page template that gets the full gates below', () => {
    expect(paths.filter((path) => !TEMPLATES.some((t) => t.route.test(path)))).toEqual([]);
    for (const template of TEMPLATES) expect(paths, template.name).toContain(template.path);
  });

  it(
    'answers 200 with no console error, no failed or foreign request, no CSP violation, no cookie, no stored data',
    { timeout: 180_000 },
    async () => {
      // The pages standing for a template get these same checks on their gate load below: not loaded twice.
      const others = paths.filter((path) => !TEMPLATES.some((t) => t.path === path));
      const findings: Record<string, unknown> = {};
      await visitAll(others, 3, async (tab, path, response) => {
        findings[path] = await privacyFindings(tab, response, path);
      });
      expect(findings).toEqual(Object.fromEntries(others.map((path) => [path, CLEAN])));
    },
  );
});

describe.each([...TEMPLATES.map(({ name, path }) => ({ name: `${name} ${path}`, path }) as PageState), ...STATES])(
  'gate: $name',
  (state) => {
    // One page load for all gates: privacy and axe on the prepared state, then the keyboard walk.
    let response: Response | null;
    beforeAll(async () => {
      response = await visit(gateTab, state);
    });

    it('no axe violation (WCAG 2.0/2.1 A and AA), no console error, no failed or foreign request, no CSP violation, no cookie', async () => {
      expect(await privacyFindings(gateTab, response, state.path)).toEqual(CLEAN);
      expect(await axeViolations(gateTab.page)).toEqual([]);
    });

    it('keyboard only: every control reachable with Tab, focus visible, no trap', async () => {
      const expected = await countFocusables(gateTab.page, state.scope);
      const walk = await tabWalk(gateTab.page, expected + 3);
      expect([...new Set(walk.filter((step) => !step.visible).map((step) => step.label))]).toEqual([]);
      // Every control was reached (the walk may wrap around through the browser UI, which is not a trap).
      expect(new Set(walk.map((step) => step.id)).size).toBeGreaterThanOrEqual(expected);
      // Nothing the walk did logged an error.
      expect(gateTab.watch.consoleErrors).toEqual([]);
    });
  },
);

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
    for (const path of ['/', '/redaktion/kommentare/', '/api/comments/counts?threads=whatsapp-im-unternehmen']) {
      const response = await fetch(server.url + path);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('permissions-policy')).toContain('geolocation=()');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
    expect((await fetch(`${server.url}/redaktion/kommentare/`, { redirect: 'manual' })).headers.get('cache-control')).toBe(
      'private, no-store',
    );
    expect((await fetch(`${server.url}/api/comments/counts?threads=x`)).headers.get('cache-control')).toMatch(/^private/);
  });
});
