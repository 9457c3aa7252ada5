/**
 * Sentences of the Datenschutzerklärung, the comment form and the accessibility statement that depend on a
 * setting: built from it, and tied to the deploy files and test files that keep them.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import guildConfig from '@/guild.config';
import { parseGuildConfig } from '@/lib/config/schema';
import { backupSentences, facebookPageText, moderationSentence, proxyLogSentence, retentionSentence } from '@/lib/config/notice';
import { AUTOMATED_CHECKS } from '@/lib/config/accessibility';
import { de } from '@/i18n/de';
import { EDIT_WINDOW_MS } from '@/lib/comments/rules';
import { ROOT } from '../helpers/paths';

const config = parseGuildConfig(guildConfig);
const c = config.comments;

describe('moderation mode changes every text that describes it', () => {
  it('pre: checked before publication, in the consent, the notice and the form note', () => {
    expect(de.comments.consent('pre')).toContain('nach Freigabe veröffentlicht');
    expect(moderationSentence({ moderation: 'pre' })).toContain('vor der Veröffentlichung von der Innung geprüft');
    expect(retentionSentence({ ...c, moderation: 'pre' })).toContain(`nach ${c.purgePendingAfterDays} Tagen noch nicht entschieden`);
    expect(de.comments.privacyNote({ ...c, moderation: 'pre' })).toContain(`Ungeprüfte Kommentare nach ${c.purgePendingAfterDays} Tagen`);
  });

  it('post: shown at once; nothing says "vor der Veröffentlichung geprüft" or "nach Freigabe"', () => {
    const texts = [
      de.comments.consent('post'),
      moderationSentence({ moderation: 'post' }),
      retentionSentence({ ...c, moderation: 'post' }),
      de.comments.privacyNote({ ...c, moderation: 'post' }),
    ];
    expect(texts[0]).toContain('sofort veröffentlicht');
    expect(texts[1]).toContain('erscheinen sofort');
    for (const text of texts) expect(text).not.toMatch(/vor der Veröffentlichung|nach Freigabe|Ungeprüfte/);
  });

  it('the edit-window error names the minutes of EDIT_WINDOW_MS', () => {
    expect(de.apiErrors.edit_window_closed).toContain(`in den ersten ${EDIT_WINDOW_MS / 60_000} Minuten`);
  });

  it('the form note takes its days from the config, not a typed 30', () => {
    expect(de.comments.privacyNote({ ...c, purgeRejectedAfterDays: 45 })).toContain('abgelehnte Kommentare nach 45 Tagen');
  });
});

describe('Facebook page (Art. 26 DSGVO)', () => {
  it('links the page information, or states the decision, or says it is missing', () => {
    expect(facebookPageText({ jointControllerInfo: 'https://www.facebook.com/legal/terms/page_controller_addendum' })).toEqual({
      text: expect.stringContaining('gemeinsam verantwortlich (Art. 26 DSGVO)'),
      link: {
        href: 'https://www.facebook.com/legal/terms/page_controller_addendum',
        label: 'Informationen nach Art. 26 DSGVO zur Facebook-Seite',
      },
    });
    expect(facebookPageText({ decision: 'Der Vorstand hat am 15.01.2027 beschlossen, keine Insights zu nutzen.' }).text).toBe(
      'Zu unserer Facebook-Seite hat die Innung entschieden: Der Vorstand hat am 15.01.2027 beschlossen, keine Insights zu nutzen.',
    );
    expect(facebookPageText({}).text).toContain('fehlen noch (Entwurf)');
  });
});

describe('backups as they run', () => {
  it('promises daily copies only when they run, and the retention always', () => {
    const on = backupSentences({ ...c, backupDaily: true }).join(' ');
    const off = backupSentences({ ...c, backupDaily: false }).join(' ');
    expect(on).toContain('einmal täglich');
    expect(off).not.toContain('täglich');
    for (const text of [on, off])
      expect(text).toContain(`spätestens nach ${c.backupKeep} Tagen auch aus den Sicherungskopien verschwunden`);
    expect(on).toContain('Die dabei ersetzte Datenbank löschen wir sofort.');
    expect(backupSentences({ ...c, restoreKeepDays: 3 }).join(' ')).toContain('3 Tage auf');
    expect(backupSentences({ ...c, offsiteBackup: { processor: 'Speicher AG', retentionDays: 30 } }).join(' ')).toMatch(
      /Speicher AG.*Art\. 28 DSGVO.*nach 30 Tagen/,
    );
  });
});

describe('proxy logs: the notice and the shipped deploy files say the same days', () => {
  const days = config.hosting.proxyLogDays;
  it('the notice says: access log without IP, error log with IP, both deleted after hosting.proxyLogDays days', () => {
    expect(proxyLogSentence(config.hosting)).toContain('protokolliert Zugriffe ohne IP-Adresse');
    expect(proxyLogSentence(config.hosting)).toContain(`Beide Protokolle werden nach ${days} Tagen gelöscht`);
  });

  it('logrotate for nginx and Caddy rotates daily and keeps exactly that many days; Caddy rolls after the same hours', () => {
    for (const file of ['deploy/nginx/logrotate', 'deploy/caddy-logrotate']) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text, file).toMatch(/^\s+daily$/m);
      expect(
        [...text.matchAll(/^\s+rotate (\d+)$/gm)].map((m) => Number(m[1])),
        file,
      ).toEqual([days]);
      expect(text).toMatch(/innungswissen\.access\.log .*innungswissen\.error\.log \{/);
    }
    const caddy = readFileSync(join(ROOT, 'deploy/Caddyfile'), 'utf8');
    const keeps = [...caddy.matchAll(/roll_keep_for (\d+)h/g)].map((m) => Number(m[1]));
    expect(keeps).toEqual([days * 24, days * 24]);
    // The access logs as shipped hold no IP address.
    expect(readFileSync(join(ROOT, 'deploy/nginx/innungswissen.conf'), 'utf8')).toMatch(
      /log_format innungswissen_ohne_ip '(?![^']*\$remote_addr)[^']*'/,
    );
    expect(caddy).toContain('request>remote_ip delete');
  });
});

describe('accessibility statement: the method names only checks that exist', () => {
  it.each(AUTOMATED_CHECKS.map((check) => [check.file, check] as const))('%s runs what the statement says', (_file, check) => {
    const path = join(ROOT, check.file);
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain(check.marker);
  });
});
