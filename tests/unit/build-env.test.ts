import { describe, expect, it } from 'vitest';
import { buildEnv } from '../../scripts/child-env';

describe('the environment of a publish or preview build', () => {
  const server = {
    PATH: '/usr/bin',
    HOME: '/srv/innungswissen',
    LANG: 'de_DE.UTF-8',
    LC_ALL: 'de_DE.UTF-8',
    NODE_ENV: 'production',
    COMMENTS_ADMIN_TOKEN: 'geheimer-moderations-schluessel-1234567890',
    COMMENTS_DB: '/var/lib/innungswissen/comments.db',
    COMMENTS_BACKUP_DIR: '/var/lib/innungswissen/backups',
    COMMENTS_BACKUP_KEEP: '14',
    COMMENTS_MODERATION: 'pre',
    COMMENTS_API_ORIGIN: 'https://kommentare.example',
    DATA_DIR: '/srv/innungswissen/data',
    BUILDS_DIR: '/srv/innungswissen/data/builds',
    TRUSTED_PROXIES: '127.0.0.1',
    SMTP_PASSWORD: 'x',
    AWS_SECRET_ACCESS_KEY: 'y',
    PUBLIC_SITE_KEY: 'z',
    SOMETHING_ELSE: 'w',
  };

  it('lacks the moderation token, the database and backup paths and anything not on the list', () => {
    const env = buildEnv(server, { INNUNGSWISSEN_CONTENT_DIR: '/srv/innungswissen/content' });
    expect(env).toEqual({
      ASTRO_TELEMETRY_DISABLED: '1',
      PATH: '/usr/bin',
      HOME: '/srv/innungswissen',
      LANG: 'de_DE.UTF-8',
      LC_ALL: 'de_DE.UTF-8',
      NODE_ENV: 'production',
      COMMENTS_BACKUP_KEEP: '14',
      COMMENTS_MODERATION: 'pre',
      COMMENTS_API_ORIGIN: 'https://kommentare.example',
      INNUNGSWISSEN_CONTENT_DIR: '/srv/innungswissen/content',
    });
    expect(JSON.stringify(env)).not.toContain('geheimer-moderations-schluessel');
  });

  it('keeps NODE_ENV only as production', () => {
    expect(buildEnv({ NODE_ENV: 'test' }).NODE_ENV).toBeUndefined();
  });

  it("passes live mode on (a publish in live mode refuses demo data too) and the share pictures' cache folder", () => {
    const env = buildEnv({ ...server, INNUNGSWISSEN_LIVE: '1', OG_CACHE_DIR: '/var/cache/innungswissen/og' });
    expect(env.INNUNGSWISSEN_LIVE).toBe('1');
    expect(env.OG_CACHE_DIR).toBe('/var/cache/innungswissen/og');
    expect(env.COMMENTS_BACKUP_DIR).toBeUndefined();
  });
});
