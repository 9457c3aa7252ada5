/** Search section: bytes for the first search and time from keystroke to results, against Pagefind alone. */
import type { Browser } from 'playwright-core';
import { median } from './measure';
import { add, kb } from './report';

export async function searchBench(browser: Browser, base: string, label: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/beitraege/beitrag-1/`, { waitUntil: 'networkidle' });
  let transferred = 0;
  let pagefindOwn = 0;
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes();
    const size = sizes.responseBodySize + sizes.responseHeadersSize;
    transferred += size;
    if (/pagefind\.js|wasm\.|pagefind-entry/.test(request.url())) pagefindOwn += size;
  });
  await page.keyboard.press('Control+k');
  await page.keyboard.type('datenschutz');
  await page.locator('site-search [data-result-link]').first().waitFor();
  await page.waitForTimeout(500);
  const section = `Suche ${label}`;
  add(section, 'Pagefinds eigene Dateien (Baseline)', kb(pagefindOwn));
  add(section, 'Übertragen für die erste Suche', kb(transferred), '≤ 150 kB', transferred <= 150 * 1024);

  // Warm page: time from the keystroke to rendered results, against Pagefind's own search time.
  const queries = [
    'threema',
    'messenger',
    'kosten',
    'baustelle',
    'fotos',
    'archiv',
    'kundschaft',
    'verschlüsselung',
    'innung',
    'recht',
    'sicherheit',
  ];
  await page.evaluate(() => {
    const w = window as unknown as { __t0: number; __times: number[] };
    w.__times = [];
    document.addEventListener('keydown', () => (w.__t0 = performance.now()), true);
    const status = document.querySelector('site-search [data-search-status]')!;
    new MutationObserver(() => w.__times.push(performance.now() - w.__t0)).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  const uiTimes: number[] = [];
  for (const q of queries) {
    await page.fill('#site-search-input', q.slice(0, -1));
    await page.waitForTimeout(150);
    await page.evaluate(() => ((window as unknown as { __times: number[] }).__times = []));
    await page.keyboard.type(q.slice(-1));
    await page.waitForFunction(() => (window as unknown as { __times: number[] }).__times.length > 0);
    uiTimes.push(await page.evaluate(() => (window as unknown as { __times: number[] }).__times[0]!));
  }
  // A string, so the bundler running this script leaves the browser's import() alone.
  const rawTimes = (await page.evaluate(`(async (qs) => {
    const pf = await import('/pagefind/pagefind.js');
    const out = [];
    for (const q of qs) {
      const t0 = performance.now();
      const r = await pf.search(q);
      await Promise.all(r.results.slice(0, 8).map((x) => x.data()));
      out.push(performance.now() - t0);
    }
    return out;
  })(${JSON.stringify(queries)})`)) as number[];
  add(section, 'Pagefind allein: Suche + 8 Ergebnisse (Baseline, Median)', `${median(rawTimes).toFixed(1)} ms`);
  add(
    section,
    'Tastendruck bis Ergebnis sichtbar (Median / Max.)',
    `${median(uiTimes).toFixed(1)} / ${Math.max(...uiTimes).toFixed(1)} ms`,
    '≤ 100 ms',
    median(uiTimes) <= 100,
  );
  await context.close();
}
