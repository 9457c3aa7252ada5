/**
 * `npm run audit`: Lighthouse 12 (mobile settings) on the home page, an article, the comparison and
 * the search page, median of three runs each, against Debian's Chromium (CHROME_PATH).
 * Fails below 100 for accessibility, best practices and SEO, and below 95 for performance.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { childEnv } from './child-env';

const ROOT = process.cwd();
const OUT = join(ROOT, '.tmp', 'audit');
const PAGES = process.env.AUDIT_PAGES?.split(',') ?? ['/', '/beitraege/whatsapp-im-unternehmen/', '/messenger-vergleich/', '/suche/'];
const RUNS = 3;
const MIN = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
type Category = keyof typeof MIN;

function exec(args: string[], extra: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv(extra), stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} → ${code}`))));
  });
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const dist = join(OUT, 'dist');
  console.error('Baue die Seite …');
  await exec([join(ROOT, 'scripts/build.mjs'), '--outDir', dist]);
  const port = 4700 + Math.floor(Math.random() * 100);
  const server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs')], { cwd: ROOT, env: childEnv({ DIST_DIR: dist, PORT: String(port), HOST: '127.0.0.1', COMMENTS_DB: join(OUT, 'audit.db') }), stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => server.stdout!.on('data', (d: Buffer) => d.toString().includes('läuft auf') && resolve()));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rows: string[] = [];
  let failed = 0;
  try {
    for (const path of PAGES) {
      const scores: Record<Category, number[]> = { performance: [], accessibility: [], 'best-practices': [], seo: [] };
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(`http://127.0.0.1:${port}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(MIN) });
        for (const category of Object.keys(MIN) as Category[]) scores[category].push(Math.round((result?.lhr.categories[category]?.score ?? 0) * 100));
        if (i === 0 && result) {
          const metric = (id: string) => result.lhr.audits[id]?.displayValue ?? '–';
          console.error(`  ${path}: FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')}`);
          for (const [id, audit] of Object.entries(result.lhr.audits)) {
            if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary') console.error(`  ${path}: ${id} – ${audit.title}`);
          }
        }
      }
      const medians = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!])) as Record<Category, number>;
      const ok = (Object.keys(MIN) as Category[]).every((c) => medians[c] >= MIN[c]);
      if (!ok) failed++;
      rows.push(`| ${path} | ${medians.performance} | ${medians.accessibility} | ${medians['best-practices']} | ${medians.seo} | ${ok ? '✅' : '❌'} |`);
    }
  } finally {
    await chrome.kill();
    server.kill();
  }
  console.log(['# Lighthouse (mobil, Median aus 3 Läufen)', '', '| Seite | Leistung | Barrierefreiheit | Best Practices | SEO | |', '|---|---|---|---|---|---|', ...rows, '', `Mindestwerte: Leistung ${MIN.performance}, sonst 100.`].join('\n'));
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
