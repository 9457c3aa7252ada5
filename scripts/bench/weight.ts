/** Weight section: bytes per page template as the browser loads them, and render-blocking scripts. */
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { add, kb } from './report';

export async function pageWeight(browser: Browser, base: string) {
  const templates = [
    ['Startseite', '/'],
    ['Liste', '/beitraege/'],
    ['Artikel', '/beitraege/whatsapp-im-unternehmen/'],
    ['Vergleich', '/messenger-vergleich/'],
    ['Suche', '/suche/'],
  ] as const;
  for (const [name, path] of templates) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bodies: Array<{ type: string; bytes: number; gz: number }> = [];
    page.on('response', async (response) => {
      try {
        const body = await response.body();
        const type = response.request().resourceType();
        bodies.push({ type, bytes: body.length, gz: gzipSync(body).length });
      } catch {
        // redirects have no body
      }
    });
    await page.goto(base + path, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    const blocking = await page.evaluate(
      () => document.querySelectorAll('head script[src]:not([type="module"]):not([async]):not([defer])').length,
    );
    const sum = (types: string[]) => bodies.filter((b) => types.includes(b.type)).reduce((s, b) => s + b.gz, 0);
    const html = sum(['document']);
    const css = sum(['stylesheet']);
    const js = sum(['script']);
    const section = `Seitengewicht ${name}`;
    add(section, 'HTML / CSS / JS (gzip)', `${kb(html)} / ${kb(css)} / ${kb(js)}, ${bodies.length} Anfragen`);
    if (name === 'Artikel') {
      add(section, 'HTML + CSS (gzip)', kb(html + css), '≤ 30 kB', html + css <= 30 * 1024);
      add(section, 'JavaScript vor Interaktion (gzip)', kb(js), '≤ 10 kB', js <= 10 * 1024);
    }
    if (name === 'Vergleich') {
      add(section, 'HTML + CSS mit Übersicht (gzip)', kb(html + css), '≤ 35 kB', html + css <= 35 * 1024);
      add(section, 'JavaScript (gzip)', kb(js), '≤ 8 kB', js <= 8 * 1024);
    }
    add(section, 'render-blockierende Skripte', String(blocking), '0', blocking === 0);
    await context.close();
  }
}
