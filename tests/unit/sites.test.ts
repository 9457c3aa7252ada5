/** Several guilds on one installation (issue 26): the sites list, host matching and a broken site's message. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv } from '../../scripts/child-env';
import { nginxForSites } from '@/lib/sites/nginx';
import { releaseProblems } from '@/lib/config/release';
import { hasSites, readSites, siteFolders } from '@/adapters/sites/read-sites';
import { siteForBuild } from '@/adapters/sites/build-site';
import { hostOfSiteUrl, hostProblem, kennungProblem, normaliseHost, siteForHost, withUniqueHosts, type SiteEntry } from '@/lib/sites/sites';
import { parseGuildConfig } from '@/lib/config/schema';
import { demoGuildConfig } from '@/lib/config/demo';
import { siteBuildDir, siteCommentsDbPath, sitesDir } from '@/lib/config/data-paths';
import { ROOT } from '../helpers/paths';

const FIXTURES = join(ROOT, 'tests/fixtures/sites');

function entry(kennung: string, host: string): SiteEntry {
  return { kennung, host, configFile: `sites/${kennung}/guild.config.ts`, contentDir: '', config: parseGuildConfig(demoGuildConfig) };
}

describe('kennung and host rules', () => {
  it('a kennung is lowercase letters, digits and inner hyphens; anything else gets a German reason', () => {
    for (const ok of ['shk-berlin', 'elektro2', 'a']) expect(kennungProblem(ok)).toBeUndefined();
    for (const bad of ['SHK', 'shk_berlin', '-shk', 'shk-', 'shk--x', '../x', 'ä-innung', 'a b']) {
      expect(kennungProblem(bad), bad).toMatch(/ungültig: erlaubt sind nur Kleinbuchstaben/);
    }
    expect(kennungProblem('')).toMatch(/Bitte eine Kennung angeben/);
    expect(kennungProblem('x'.repeat(41))).toMatch(/zu lang \(höchstens 40 Zeichen\)/);
  });

  it('a host is a plain name: no scheme, path, port or spaces', () => {
    expect(hostProblem('www.shk-berlin.de')).toBeUndefined();
    for (const bad of ['https://shk.de', 'shk.de/pfad', 'shk.de:8080', 'shk .de', 'SHK.de', '-shk.de']) {
      expect(hostProblem(bad), bad).toMatch(/ist ungültig: erwartet wird ein Name/);
    }
  });

  it('the Host header matches exactly, ignoring port and case; a trailing dot is the same name', () => {
    const sites = [entry('nord', 'nord.innung.test'), entry('sued', 'sued.innung.test')];
    expect(siteForHost(sites, 'nord.innung.test')?.kennung).toBe('nord');
    expect(siteForHost(sites, 'NORD.Innung.Test:8443')?.kennung).toBe('nord');
    expect(siteForHost(sites, 'sued.innung.test.')?.kennung).toBe('sued');
    for (const other of ['innung.test', 'x.nord.innung.test', 'nord.innung.test.evil', '127.0.0.1', '[::1]:80', '', undefined]) {
      expect(siteForHost(sites, other), String(other)).toBeUndefined();
    }
    expect(normaliseHost('[::1]:4321')).toBe('[::1]');
    expect(hostOfSiteUrl('https://WWW.Innung.de:443/')).toBe('www.innung.de');
  });

  it('two sites claiming one host are both refused, by name; the rest stay', () => {
    const list = withUniqueHosts({ sites: [entry('b', 'x.test'), entry('a', 'x.test'), entry('c', 'c.test')], problems: [] });
    expect(list.sites.map((s) => s.kennung)).toEqual(['c']);
    expect(list.problems.map((p) => p.kennung)).toEqual(['a', 'b']);
    expect(list.problems[0]!.message).toBe(
      'Die Adresse x.test steht in mehreren Innungen (b, a); keine davon wird ausgeliefert, bis jede ihre eigene hat.',
    );
  });
});

describe('the sites folder', () => {
  it('no sites folder is the single-guild layout', () => {
    expect(hasSites(join(ROOT, 'gibt-es-nicht'))).toBe(false);
    expect(siteFolders(join(ROOT, 'gibt-es-nicht'))).toEqual([]);
    expect(sitesDir('/app', {})).toBe('/app/sites');
    expect(siteBuildDir('/app', {}, 'nord')).toBe('/app/dist-sites/nord');
    expect(siteCommentsDbPath('/var/lib/iw', 'nord')).toBe('/var/lib/iw/sites/nord/comments.db');
  });

  it('lists every valid site with its host from siteUrl, and names the broken one with file, field and what was expected', async () => {
    const { sites, problems } = await readSites(FIXTURES, ROOT);
    expect(sites.map((s) => [s.kennung, s.host])).toEqual([
      ['nord', 'nord.innung.test'],
      ['sued', 'sued.innung.test'],
    ]);
    expect(sites[0]!.config.name).toBe('Innung Nord');
    expect(sites[0]!.contentDir).toBe(join(FIXTURES, 'nord', 'content'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.kennung).toBe('kaputt');
    expect(problems[0]!.message).toBe(
      'Die Konfiguration tests/fixtures/sites/kaputt/guild.config.ts ist ungültig:\n  - address.postalCode: erwartet eine fünfstellige Postleitzahl',
    );
  });

  it('a build for an unknown or broken site stops with the reason; no SITE builds the single guild', async () => {
    const env = { INNUNGSWISSEN_SITES_DIR: FIXTURES };
    await expect(siteForBuild(ROOT, {})).resolves.toBeUndefined();
    await expect(siteForBuild(ROOT, { ...env, SITE: 'west' })).rejects.toThrow(
      'Eine Innung mit der Kennung „west“ gibt es unter tests/fixtures/sites nicht. Vorhanden: kaputt, nord, sued.',
    );
    await expect(siteForBuild(ROOT, { ...env, SITE: 'kaputt' })).rejects.toThrow(
      /kaputt\/guild\.config\.ts ist ungültig:\n {2}- address\.postalCode/,
    );
    await expect(siteForBuild(ROOT, { ...env, SITE: '../nord' })).rejects.toThrow(/ungültig: erlaubt sind nur Kleinbuchstaben/);
    const nord = await siteForBuild(ROOT, { ...env, SITE: 'nord', SITES_BUILD_DIR: '/tmp/x' });
    expect(nord?.outDir).toBe('/tmp/x/nord');
    expect(nord?.configPath).toBe(join(FIXTURES, 'nord', 'guild.config.ts'));
  });
});

describe('npm run sites', () => {
  const sites = (dir: string, ...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/sites.ts'), '--', ...args], {
      cwd: ROOT,
      env: childEnv({ INNUNGSWISSEN_SITES_DIR: dir, SITES_BUILD_DIR: join(dir, 'builds') }),
      encoding: 'utf8',
    });

  it('anlegen creates a site whose config the schema accepts and the release check flags; bad or taken names are refused in German', async () => {
    const dir = join(mkdtempSync(join(ROOT, '.tmp', 'sites-cli-')), 'sites');
    try {
      expect(sites(dir, 'liste').stdout).toContain('Noch keine Innung unter');
      const made = sites(dir, 'anlegen', 'shk-mitte', 'www.shk-mitte.test', '--ohne-build');
      expect(made.status, made.stderr).toBe(0);
      expect(made.stdout).toContain('Innung „shk-mitte“ angelegt');
      const { sites: list, problems } = await readSites(dir, ROOT);
      expect(problems).toEqual([]);
      expect(list.map((s) => [s.kennung, s.host])).toEqual([['shk-mitte', 'www.shk-mitte.test']]);
      const flagged = releaseProblems(list[0]!.config).map((p) => p.key);
      expect(flagged).toEqual(expect.arrayContaining(['name', 'shortName', 'address.street', 'email']));
      expect(flagged).not.toContain('siteUrl');

      const refused = [
        sites(dir, 'anlegen', 'SHK', 'a.test'),
        sites(dir, 'anlegen', 'shk-mitte', 'b.test', '--ohne-build'),
        sites(dir, 'anlegen', 'elektro', 'www.shk-mitte.test', '--ohne-build'),
        sites(dir, 'anlegen', 'elektro', 'https://elektro.test/'),
        sites(dir, 'anlegen', 'elektro'),
      ];
      expect(refused.map((r) => r.status)).toEqual([1, 1, 1, 1, 1]);
      expect(refused[0]!.stderr).toContain('Die Kennung „SHK“ ist ungültig');
      expect(refused[1]!.stderr).toContain('Eine Innung mit der Kennung „shk-mitte“ gibt es schon');
      expect(refused[2]!.stderr).toContain('Die Adresse „www.shk-mitte.test“ gehört schon zur Innung „shk-mitte“.');
      expect(refused[3]!.stderr).toContain('Die Adresse „https://elektro.test/“ ist ungültig');
      expect(refused[4]!.stderr).toContain('Aufruf:');

      const listed = sites(dir, 'liste').stdout.split('\n');
      expect(listed[0]).toMatch(/^Kennung\s+Adresse\s+Build$/);
      expect(listed[1]).toMatch(/^shk-mitte\s+www\.shk-mitte\.test\s+noch nicht gebaut$/);
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  }, 180_000); // eight runs of tsx: a few seconds each on a busy machine

  it('nginx: one pair of server blocks per site from the shipped file, the shared part once', () => {
    const template = readFileSync(join(ROOT, 'deploy/nginx/innungswissen.conf'), 'utf8');
    const conf = nginxForSites(template, [
      { kennung: 'nord', host: 'nord.innung.test' },
      { kennung: 'sued', host: 'sued.innung.test' },
    ]);
    expect(conf.match(/^upstream innungswissen \{/gm)).toHaveLength(1);
    expect(conf.match(/^log_format /gm)).toHaveLength(1);
    expect(conf.match(/^server \{/gm)).toHaveLength(4);
    for (const host of ['nord.innung.test', 'sued.innung.test']) {
      expect(conf.match(new RegExp(`server_name ${host.replaceAll('.', '\\.')};`, 'g'))).toHaveLength(2);
      expect(conf).toContain(`ssl_certificate /etc/letsencrypt/live/${host}/fullchain.pem;`);
    }
    expect(conf).not.toContain('innung.example.org');
  });
});
