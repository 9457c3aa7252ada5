import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import guildConfig from '@/guild.config';
import complete from '../fixtures/config/guild.complete';
import munich from '../fixtures/config/guild.munich';
import { demoGuildConfig } from '@/lib/config/demo';
import { ConfigError, parseGuildConfig } from '@/lib/config/schema';
import { releaseProblems } from '@/lib/config/release';
import { legalBases, inEea, representation } from '@/lib/config/legal';
import { ROOT } from '../helpers/paths';
import { childEnv } from '../../scripts/child-env';
import { pathToFileURL } from 'node:url';
import { contentCheck } from '@/integrations/content-check';

function withChange(change: Record<string, unknown>, base: Record<string, unknown> = guildConfig) {
  return { ...base, ...change };
}

function problemsOf(input: unknown): string[] {
  try {
    parseGuildConfig(input);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('guild configuration', () => {
  it('accepts the shipped demo instance and the complete fixture', () => {
    expect(parseGuildConfig(guildConfig).facebookUrl).toBe('https://www.facebook.com/Berliner.Innung/');
    expect(parseGuildConfig(complete).name).toBe('Innung für Metallhandwerk Musterstadt');
  });

  it('refuses a Facebook URL on another host and names the key', () => {
    const problems = problemsOf(withChange({ facebookUrl: 'https://www.faceb00k.com/Berliner.Innung/' }));
    expect(problems).toEqual([expect.stringMatching(/^facebookUrl: .*facebook\.com/)]);
  });

  it('refuses a malformed e-mail and names the nested key', () => {
    const problems = problemsOf(withChange({ dataProtectionOfficer: { name: 'A. Muster', email: 'kein-at-zeichen' } }));
    expect(problems).toEqual([expect.stringMatching(/^dataProtectionOfficer\.email: erwartet eine E-Mail-Adresse/)]);
  });

  it('refuses a colour that is not #rrggbb and a misspelt key, all at once', () => {
    const problems = problemsOf(withChange({ colors: { primary: 'blau', primaryDark: '#000000', accent: '#111111' }, facebok: 'x' }));
    expect(problems).toContain('colors.primary: erwartet eine Farbe als #rrggbb, z. B. #1d4ed8');
    expect(problems.some((p) => p.includes('unbekannter Schlüssel facebok'))).toBe(true);
  });

  it('the error message names the config file for the web person', () => {
    expect(() => parseGuildConfig(withChange({ email: 'x' }))).toThrow(/src\/guild\.config\.ts[\s\S]*email: /);
  });

  it('refuses keeping a replaced database longer than the backups (the notice promises backupKeep days)', () => {
    expect(
      problemsOf(withChange({ comments: { enabled: true, purgeRejectedAfterDays: 30, backupKeep: 14, restoreKeepDays: 20 } })),
    ).toEqual([expect.stringMatching(/^comments\.restoreKeepDays: höchstens comments\.backupKeep \(14\) Tage/)]);
  });

  it('requires a data protection officer when the guild acts as a public body (Art. 37 Abs. 1 lit. a DSGVO)', () => {
    const { dataProtectionOfficer: _dpo, ...withoutDpo } = complete as Record<string, unknown>;
    expect(problemsOf(withoutDpo)).toEqual([
      expect.stringMatching(/^dataProtectionOfficer: Pflicht für eine öffentliche Stelle \(Art\. 37 Abs\. 1 lit\. a DSGVO\)/),
    ]);
    expect(problemsOf({ ...withoutDpo, publicBody: false })).toEqual([]);
  });
});

describe('legal bases from the one choice "public body"', () => {
  it('a public body uses lit. e with the national provision, never lit. f', () => {
    const law = legalBases(parseGuildConfig(complete));
    expect(law.task).toMatch(/^Art\. 6 Abs\. 1 UAbs\. 1 lit\. e DSGVO in Verbindung mit § 3 Landesdatenschutzgesetz Musterland/);
    expect(JSON.stringify(law)).not.toContain('lit. f');
    expect(law.comment).toContain('lit. a');
    expect(law.deviceStorage).toContain('§ 25 Abs. 2 Nr. 2 TDDDG');
  });

  it('a private operator uses lit. f', () => {
    expect(legalBases({ publicBody: false }).task).toMatch(/^Art\. 6 Abs\. 1 UAbs\. 1 lit\. f DSGVO/);
  });

  it('the Impressum names the board as representing the guild (§ 66 Abs. 3 HwO), or whom the Satzung names', () => {
    const board = [
      { name: 'Max Beispiel', role: 'Obermeister' },
      { name: 'Eva Beispiel', role: 'Stellvertretende Obermeisterin' },
    ];
    expect(representation({ board })).toEqual({
      lead: 'Die Innung wird durch ihren Vorstand vertreten (§ 66 Abs. 3 Handwerksordnung).',
      board: ['Max Beispiel (Obermeister)', 'Eva Beispiel (Stellvertretende Obermeisterin)'],
    });
    const statute = representation({ board, statute: { clause: '§ 12 Abs. 2 der Satzung', representatives: board } });
    expect(statute.lead).toBe(
      'Die Innung wird nach § 66 Abs. 3 Handwerksordnung durch ihren Vorstand vertreten. Nach § 12 Abs. 2 der Satzung vertreten sie: Max Beispiel (Obermeister), Eva Beispiel (Stellvertretende Obermeisterin).',
    );
    expect(JSON.stringify(statute)).not.toContain('dieser vertreten durch');
  });

  it('knows EU/EEA countries for the third-country statement', () => {
    expect(inEea('Deutschland')).toBe(true);
    expect(inEea('USA')).toBe(false);
  });
});

describe('release check: demo data must not go live', () => {
  it('the shipped config is the demo the check compares with', () => {
    expect(parseGuildConfig(guildConfig)).toEqual(parseGuildConfig(demoGuildConfig));
  });

  it('names every key of the shipped demo config, including the demo phone number and guild name', () => {
    const keys = releaseProblems(parseGuildConfig(guildConfig)).map((p) => p.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'name',
        'shortName',
        'description',
        'phone',
        'email',
        'siteUrl',
        'address.street',
        'address.postalCode',
        'responsiblePerson.name',
        'representation.board.0.name',
        'dataProtectionOfficer.name',
        'supervisoryAuthority.name',
        'dataProtectionAuthority.name',
        'hosting.proxyLogDays',
        'hosting.confirmedOn',
        'facebookUrl',
        'facebook',
        'editors',
        'privacyNoticeDate',
        'accessibility.reviewedOn',
        'accessibility.preparedOn',
        'accessibility.stateLaw',
      ]),
    );
    expect(keys).not.toContain('colors.primary');
  });

  it('passes a complete config', () => {
    expect(releaseProblems(parseGuildConfig(complete))).toEqual([]);
  });

  it('refuses a Munich guild that replaced every flagged key but kept the Berlin authorities and the demo log days', () => {
    const problems = releaseProblems(parseGuildConfig(munich));
    expect(problems.map((p) => p.key).sort()).toEqual([
      'dataProtectionAuthority.name',
      'dataProtectionAuthority.url',
      'hosting.proxyLogDays',
      'supervisoryAuthority.name',
      'supervisoryAuthority.url',
    ]);
    expect(problems.find((p) => p.key === 'supervisoryAuthority.name')?.reason).toBe(
      '„Handwerkskammer Berlin“ ist für Berlin zuständig, die Innung sitzt aber in 80336 München – bitte die Handwerkskammer, die die Innung beaufsichtigt (§ 75 HwO) eintragen',
    );
    // Marking the authorities as kept does not help while the address is elsewhere.
    const kept = parseGuildConfig({
      ...munich,
      keptDemoValues: ['supervisoryAuthority.name', 'supervisoryAuthority.url', 'hosting.proxyLogDays'],
    });
    expect(releaseProblems(kept).map((p) => p.key)).toContain('supervisoryAuthority.name');
    expect(releaseProblems(kept).map((p) => p.key)).not.toContain('hosting.proxyLogDays');
  });

  it('the real Facebook page of the Berliner Innung passes once marked as kept; a linked page needs Art. 26 information or a decision', () => {
    const berlin = { ...complete, facebookUrl: 'https://www.facebook.com/Berliner.Innung/' };
    expect(releaseProblems(parseGuildConfig(berlin)).map((p) => p.key)).toEqual(['facebookUrl']);
    expect(releaseProblems(parseGuildConfig({ ...berlin, keptDemoValues: ['hosting.proxyLogDays', 'facebookUrl'] }))).toEqual([]);
    const none = releaseProblems(parseGuildConfig({ ...complete, facebook: {} }));
    expect(none).toEqual([{ key: 'facebook', reason: expect.stringContaining('Art. 26 DSGVO') }]);
  });

  const run = (args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/check-release.ts'), '--', ...args], {
      cwd: ROOT,
      env: childEnv(),
      encoding: 'utf8',
    });

  it('the server in live mode refuses the demo config, naming the keys (the demo runs as before without --live)', () => {
    const server = spawnSync(process.execPath, [join(ROOT, 'scripts/serve.mjs'), '--live'], {
      cwd: ROOT,
      env: childEnv({ PORT: '0', DIST_DIR: join(ROOT, 'gibt-es-nicht'), COMMENTS_BACKUP_DAILY: '0', EDITOR_SCHEDULE: '0' }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(server.status).toBe(1);
    expect(server.stdout + server.stderr).toMatch(
      /Livebetrieb abgelehnt\. src\/guild\.config\.ts: \d+ Schlüssel enthalten noch Musterdaten/,
    );
    expect(server.stdout + server.stderr).toMatch(/supervisoryAuthority\.name|name – ist noch der Musterwert/);
  });

  it('a build in live mode (INNUNGSWISSEN_LIVE=1, as every publish of a live server) stops on demo data; otherwise it warns', () => {
    const warnings: string[] = [];
    const logger = { info: () => {}, warn: (line: string) => warnings.push(line), error: (line: string) => warnings.push(line) };
    const setup = contentCheck().hooks['astro:config:setup'] as unknown as (options: Record<string, unknown>) => void;
    // Astro's resolved config always has both folders (the cache one holds the content check's verdicts).
    const config = { root: pathToFileURL(`${ROOT}/`), cacheDir: pathToFileURL(`${ROOT}/node_modules/.astro/`) };
    const options = { config, command: 'build', logger, updateConfig: () => {} };
    const before = process.env.INNUNGSWISSEN_LIVE;
    try {
      process.env.INNUNGSWISSEN_LIVE = '1';
      expect(() => setup(options)).toThrow(
        /Livebetrieb: src\/guild\.config\.ts: \d+ Schlüssel enthalten noch Musterdaten[\s\S]* {2}facebook – fehlt/,
      );
      delete process.env.INNUNGSWISSEN_LIVE;
      setup(options);
      expect(warnings.join('\n')).toMatch(/Musterdaten in src\/guild\.config\.ts/);
    } finally {
      if (before === undefined) delete process.env.INNUNGSWISSEN_LIVE;
      else process.env.INNUNGSWISSEN_LIVE = before;
    }
  });

  it('`npm run check:release` exits 1 on the demo and the Munich config naming each key, 0 on a complete one', () => {
    const demo = run([]);
    expect(demo.status).toBe(1);
    expect(demo.stdout).toMatch(/noch Musterdaten/);
    expect(demo.stdout).toMatch(/^ {2}phone – ist eine Muster-Telefonnummer$/m);
    expect(demo.stdout).toMatch(/^ {2}name – ist noch der Musterwert „Berliner Innung“/m);
    const other = run(['--config', 'tests/fixtures/config/guild.munich.ts']);
    expect(other.status).toBe(1);
    expect(other.stdout).toMatch(/^ {2}supervisoryAuthority\.name – „Handwerkskammer Berlin“ ist für Berlin zuständig/m);
    const ok = run(['--config', 'tests/fixtures/config/guild.complete.ts']);
    expect(ok.stdout).toContain('keine Musterdaten mehr');
    expect(ok.status).toBe(0);
  });
});
