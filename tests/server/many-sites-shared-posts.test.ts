/**
 * Shared posts of several guilds and opting out of one (issue 26): the shared set holds a post in
 * gemeinsame-beitraege/ next to the comparison. Two fixture sites are built from it: nord shows the post, west lists
 * its slug under „ohne“ in its gemeinsam.json. The post is on nord's pages (its own page, the post list, the home
 * page), in its sitemap, feed and search index, and nowhere in west's build; west's own post stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { holdBuildLock } from '../helpers/build';
import { buildSiteFolder } from '../helpers/site-build';
import { ROOT, TEST_RUN } from '../helpers/paths';
import { manySitesClient, startSitesServer } from '../helpers/many-sites-client';
import type { RunningServer } from '../helpers/server';
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';
import { SITE_SHARED_PIN_FILE } from '@/lib/config/data-paths';
import { SHARED_POSTS_DIR } from '@/lib/sites/shared-set';

const WORK = join(TEST_RUN, 'many-sites-shared-posts');
const SITES = join(WORK, 'sites');
const BUILDS = join(WORK, 'dist-sites');
const SHARED = join(WORK, 'shared');
const env = { INNUNGSWISSEN_SHARED_CONTENT_DIR: SHARED, INNUNGSWISSEN_SHARED_VERSIONS_DIR: join(WORK, 'versions') };
const SLUG = 'verbandstag-2026';
const WORD = 'Verbandstagwort';
const PASSWORD = 'geheimes-passwort-123';
let server: RunningServer;
let dataDir: string;
const { call, signIn, account, copySite } = manySitesClient({
  server: () => server,
  dataDir: () => dataDir,
  sitesDir: SITES,
  password: PASSWORD,
});

/** Every file of a build's client folder whose text holds `text` (the search index decoded). */
function filesWith(site: string, text: string): string[] {
  const client = join(BUILDS, site, 'client');
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else if (/\.(html|xml)$/.test(name.name) && readFileSync(path, 'utf8').includes(text)) found.push(path.slice(client.length));
      else if (path.includes('/pagefind/fragment/') && gunzipSync(readFileSync(path)).toString('utf8').includes(text))
        found.push(path.slice(client.length));
    }
  };
  walk(client);
  return found.sort();
}

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(SITES, { recursive: true });
  copySite('nord', 'nord');
  copySite('nord', 'west', { name: 'Innung West', host: 'west.innung.test' });
  for (const entry of ['messengers', 'sources', 'aenderungen.yaml'])
    cpSync(join(ROOT, 'content', entry), join(SHARED, entry), { recursive: true });
  mkdirSync(join(SHARED, SHARED_POSTS_DIR), { recursive: true });
  writeFileSync(
    join(SHARED, SHARED_POSTS_DIR, `${SLUG}.md`),
    [
      '---',
      'title: Verbandstag 2026 der Innungen',
      'description: Der Landesinnungsverband lädt alle Innungen zum Verbandstag ein, mit Vorträgen zu Messengern im Betrieb.',
      'pubDate: 2026-03-05',
      'category: Betrieb',
      'tags: [verband]',
      '---',
      '',
      `Eine Nachricht des Verbands an alle Innungen: das Wort ${WORD}.`,
      '',
    ].join('\n'),
  );
  writeFileSync(join(SITES, 'west', SITE_SHARED_PIN_FILE), JSON.stringify({ ohne: [SLUG] }));
  const release = await holdBuildLock();
  try {
    for (const site of ['nord', 'west']) {
      const started = Date.now();
      const result = await buildSiteFolder(site, SITES, BUILDS, env);
      expect(result.status, result.output.slice(-3000)).toBe(0);
      console.log(`build ${site}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    release();
  }
  dataDir = mkdtempSync(join(tmpdir(), 'innungswissen-shared-posts-'));
  account('Vera Verwaltung', '--verwaltung');
  account('Anna Nord', '--innung', 'nord');
  server = await startSitesServer({ work: WORK, sites: SITES, builds: BUILDS, dataDir }, { ...env, OG_PICTURES: 'off' });
}, 600_000);

afterAll(async () => {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a shared post, and a site that opted out of it', () => {
  it('nord shows the shared post on its pages, in its sitemap, feed and search index', () => {
    expect(existsSync(join(BUILDS, 'nord', 'client', 'beitraege', SLUG, 'index.html'))).toBe(true);
    const found = filesWith('nord', WORD);
    expect(found).toContain(`/beitraege/${SLUG}/index.html`);
    expect(found.some((file) => file.startsWith('/pagefind/fragment/'))).toBe(true);
    expect(filesWith('nord', `/beitraege/${SLUG}/`)).toEqual(expect.arrayContaining(['/sitemap-0.xml', '/rss.xml', '/index.html']));
    // Its own post stays beside it.
    expect(filesWith('nord', 'Nordlichtwort')).toContain('/beitraege/nordlicht-stammtisch/index.html');
  });

  it('west, which opted out, has the post nowhere: no page, no link, not in sitemap, feed or search index', () => {
    expect(existsSync(join(BUILDS, 'west', 'client', 'beitraege', SLUG))).toBe(false);
    expect(filesWith('west', WORD)).toEqual([]);
    expect(filesWith('west', SLUG)).toEqual([]);
    expect(filesWith('west', 'Nordlichtwort')).toContain('/beitraege/nordlicht-stammtisch/index.html');
  });

  it('in the Verwaltung a tick „auf dieser Seite zeigen“ brings the post to west after its rebuild; a Redaktion account cannot', async () => {
    const pin = join(SITES, 'west', SITE_SHARED_PIN_FILE);
    const body = new URLSearchParams({ aktion: 'gemeinsame-beitraege', innung: 'west', zeigen: SLUG }).toString();
    const anna = await signIn('nord.innung.test', 'Anna Nord');
    expect((await call('nord.innung.test', '/redaktion/verwaltung/', { method: 'POST', cookie: anna, body })).status).toBe(403);
    expect(JSON.parse(readFileSync(pin, 'utf8'))).toEqual({ ohne: [SLUG] });

    const cookie = await signIn('nord.innung.test', 'Vera Verwaltung');
    const page = (await call('nord.innung.test', '/redaktion/verwaltung/', { cookie })).body;
    const boxes = (kennung: string) => page.match(new RegExp(`data-shared-posts-site="${kennung}"[\\s\\S]*?</form>`))?.[0] ?? '';
    expect(boxes('nord')).toContain('Verbandstag 2026 der Innungen: ' + de.sharedPosts.show);
    expect(boxes('nord')).toMatch(new RegExp(`value="${SLUG}" checked`));
    expect(boxes('west')).not.toMatch(new RegExp(`value="${SLUG}" checked`));

    const started = Date.now();
    const saved = await call('nord.innung.test', '/redaktion/verwaltung/', { method: 'POST', cookie, body });
    expect(saved.status, saved.body.slice(0, 1500)).toBe(200);
    expect(saved.body).toContain(format(de.sharedPosts.saved, { name: 'Innung West' }));
    expect(JSON.parse(readFileSync(pin, 'utf8'))).toEqual({});
    for (;;) {
      const post = await call('west.innung.test', `/beitraege/${SLUG}/`);
      if (post.status === 200) {
        expect(post.body).toContain(WORD);
        break;
      }
      expect(Date.now() - started).toBeLessThan(300_000);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    console.log(`opting in from the Verwaltung to the post being served: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 400_000);
});
