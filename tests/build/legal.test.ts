/**
 * Legal pages on the built site: the Datenschutzerklärung states what the code does and everything Art. 13 DSGVO asks,
 * the demo config shows "Musterdaten" everywhere, source dates are honest, and the accessibility statement
 * and the Leichte-Sprache page exist and are linked from every page.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import guildConfig from '@/guild.config';
import { RATE_LIMIT_WINDOW_MS } from '@/lib/comments/rate-limit';
import { EDIT_WINDOW_MS } from '@/lib/comments/api';
import { AUTOMATED_CHECKS } from '@/lib/config/accessibility';
import { LIMITS } from '@/lib/comments/rules';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '../../server/editor/store';
import { TEST_CLIENT } from '../helpers/paths';

const html = (path: string): HTMLElement => parse(readFileSync(join(TEST_CLIENT, path), 'utf8'));
const privacy = () => html('datenschutz/index.html');
const text = (page: HTMLElement, selector: string) => page.querySelector(selector)?.text.replace(/\s+/g, ' ').trim() ?? '';

function pages(dir = TEST_CLIENT): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? pages(full) : full.endsWith('.html') ? [full] : [];
  });
}

describe('Datenschutzerklärung (Art. 13 DSGVO)', () => {
  it('names controller, data protection officer, recipients, third countries and the date of the notice', () => {
    const page = privacy();
    expect(text(page, '#verantwortlich + p')).toContain(guildConfig.name);
    expect(text(page, '[data-dpo]')).toContain(guildConfig.dataProtectionOfficer!.email);
    expect(text(page, '[data-recipients]')).toContain(guildConfig.hosting.provider.name);
    expect(text(page, '[data-recipients]')).toContain('Art. 28 DSGVO');
    expect(text(page, '[data-third-countries]')).toContain('keine personenbezogenen Daten in Länder außerhalb der EU und des EWR');
    // The demo config has no adoption date: the notice says it is a draft instead of inventing one.
    expect(text(page, '[data-notice-date]')).toBe('Stand: Entwurf – noch nicht von der Innung beschlossen');
  });

  it('states the reverse proxy logs as the deploy files write them: access log without IP, error log deleted after the configured days', () => {
    const logs = text(privacy(), '[data-proxy-logs]');
    expect(logs).toContain('protokolliert Zugriffe ohne IP-Adresse');
    expect(logs).toContain(`Beide Protokolle werden nach ${guildConfig.hosting.proxyLogDays} Tagen gelöscht`);
    expect(logs).not.toMatch(/Zugriffe mit IP-Adresse/);
    expect(privacy().text).not.toMatch(/ist so einzustellen/);
  });

  it('states moderation (pre), the pending retention and the purge days from the config', () => {
    const c = guildConfig.comments;
    expect(text(privacy(), '[data-moderation]')).toContain('vor der Veröffentlichung von der Innung geprüft');
    expect(text(privacy(), '[data-retention]')).toContain(
      `abgelehnte Kommentare werden nach ${c.purgeRejectedAfterDays} Tagen automatisch gelöscht`,
    );
    expect(text(privacy(), '[data-retention]')).toContain(`nach ${c.purgePendingAfterDays} Tagen noch nicht entschieden`);
    const form = html('beitraege/whatsapp-im-unternehmen/index.html').querySelector('form[data-comment-form]')!.text.replace(/\s+/g, ' ');
    expect(form).toContain(`abgelehnte Kommentare nach ${c.purgeRejectedAfterDays} Tagen`);
    expect(form).toContain('gespeichert und nach Freigabe veröffentlicht werden');
  });

  it('has a section for editors: what is stored, for how long, how a leaving editor is removed, the legal basis', () => {
    const editors = text(privacy(), '[data-editors]');
    for (const fact of [
      'Kontoname',
      'Prüfwert des Passworts (scrypt',
      `${SESSION_IDLE_MS / 3_600_000} Stunden ohne Aktivität`,
      `spätestens ${SESSION_MAX_MS / 86_400_000} Tage nach der Anmeldung`,
      'ohne IP-Adresse und ohne Passwort',
      'Veröffentlichungsprotokoll',
      'Versionsgeschichte',
      'löschen wir das Konto',
      'schreiben die Versionsgeschichte nicht um',
    ]) {
      expect(editors).toContain(fact);
    }
    expect(editors).toContain('Rechtsgrundlage: noch nicht eingetragen (Entwurf).');
  });

  it('says what the Facebook page needs under Art. 26 DSGVO, as a draft while the config has neither', () => {
    expect(text(privacy(), '[data-facebook-page]')).toContain('(Art. 26 DSGVO) fehlen noch (Entwurf)');
  });

  it('describes the spam protection as the rate limiter does it, from its constant', () => {
    const minutes = RATE_LIMIT_WINDOW_MS / 60_000;
    const limiter = text(privacy(), '[data-rate-limit]');
    expect(limiter).toContain(`festen Zeitfenstern von ${minutes} Minuten`);
    expect(limiter).toContain('HMAC-SHA-256');
    expect(limiter).toContain('Schlüssel durch einen neuen ersetzt');
    expect(limiter).toContain(`kein Eintrag besteht also länger als ${minutes} Minuten`);
    expect(limiter).not.toMatch(/verschlüsselt/);
  });

  it('cites the TDDDG exemption for the edit key, mentions the copy of the text and its removal after the edit window', () => {
    const storage = text(privacy(), '[data-local-storage]');
    expect(storage).toContain('§ 25 Abs. 2 Nr. 2 TDDDG');
    expect(storage).toContain('Kopie Ihres Kommentartextes');
    expect(storage).toContain(`Nach Ablauf der ${EDIT_WINDOW_MS / 60_000} Minuten entfernt die Seite beide Einträge`);
    expect(storage).toContain('bleiben die Einträge in Ihrem Browser, bis Sie sie selbst löschen');
    expect(storage).not.toContain('kein Cookie');
  });

  it('says what happens to reports and how long deleted comments stay in backups', () => {
    expect(text(privacy(), '[data-reports]')).toMatch(/Grund .*wer gemeldet hat, speichern wir nicht/);
    expect(text(privacy(), '[data-reports]')).toContain(`höchstens ${LIMITS.reportReasonMax} Zeichen`);
    const backups = text(privacy(), '[data-backups]');
    expect(backups).toContain(`spätestens nach ${guildConfig.comments.backupKeep} Tagen auch aus den Sicherungskopien verschwunden`);
    expect(backups).toContain('einmal täglich'); // comments.backupDaily is on in the demo
    expect(backups).toContain('Löschprotokoll');
  });

  it('sets the right to object apart (Art. 21 Abs. 4) in its own section', () => {
    const section = privacy().querySelector('section#widerspruch[data-objection]');
    expect(section?.querySelector('h2')?.text).toBe('Ihr Widerspruchsrecht (Art. 21 DSGVO)');
    expect(section?.text).toContain('aus Gründen, die sich aus Ihrer besonderen Situation ergeben');
  });

  it('uses lit. e with the national basis for the public body and never lit. f', () => {
    const page = privacy().querySelector('main')!.text;
    expect(page).toContain('lit. e DSGVO in Verbindung mit');
    expect(page).not.toContain('lit. f');
    // Consent only for what the checkbox covers: name and text, not the spam protection.
    expect(text(privacy(), '[data-rate-limit]')).not.toContain('lit. a');
  });
});

describe('Impressum', () => {
  it('names the representation by the board (§ 66 Abs. 3 HwO) with every member and the supervising Handwerkskammer with its address', () => {
    const page = html('impressum/index.html');
    expect(text(page, '[data-representation]')).toContain('Die Innung wird durch ihren Vorstand vertreten (§ 66 Abs. 3 Handwerksordnung).');
    expect(text(page, '[data-representation]')).not.toContain('dieser vertreten durch');
    expect(page.querySelectorAll('[data-board] li').map((li) => li.text)).toEqual(
      guildConfig.representation.board.map((p) => `${p.name} (${p.role})`),
    );
    expect(text(page, '[data-supervision]')).toContain(guildConfig.supervisoryAuthority.address);
    expect(page.text).not.toContain('Abrufdatum');
  });
});

describe('demo data', () => {
  it('every page of the demo site shows the "Musterdaten" notice', () => {
    const all = pages();
    expect(all.length).toBeGreaterThan(20);
    const without = all.filter(
      (file) => !parse(readFileSync(file, 'utf8')).querySelector('[data-demo-notice]')?.text.includes('Musterdaten'),
    );
    expect(without).toEqual([]);
  });
});

describe('source dates', () => {
  it('article sources show the source\'s own date as "vom …" or "undatiert", never "abgerufen"', () => {
    const list = text(html('beitraege/whatsapp-im-unternehmen/index.html'), '[data-sources]');
    expect(list).toMatch(/vom \d+\. \w+ \d{4}/);
    expect(list).toContain('undatiert');
    expect(list).toContain('Stand November 2018');
    expect(list).not.toContain('abgerufen');
  });

  it('comparison facts show the source date and the check date', () => {
    const page = html('messenger-vergleich/index.html');
    const cells = page.querySelectorAll('[data-source-date]').map((e) => e.text.trim());
    expect(cells).toContain('undatiert');
    expect(cells.some((c) => /^vom \d+\. \w+ \d{4}$/.test(c))).toBe(true);
    expect(page.querySelector('[data-source-checked]')?.text).toMatch(/geprüft am \d+\. \w+ \d{4}/);
    // The summary says how fresh the facts are (share checked in the last 12 months, oldest check), never one date for all.
    expect(text(page, '[data-last-checked]')).toMatch(
      /^\d+ % der \d+ Angaben wurden in den letzten 12 Monaten an ihrer Quelle nachgelesen; die älteste Prüfung war am \d+\. \w+ \d{4}\./,
    );
  });
});

describe('accessibility statement and Leichte Sprache', () => {
  it('the statement follows the EU model: scope, status per EN 301 549 V3.2.1, gaps grouped with reasons, preparation, method, deadline, enforcement', () => {
    const page = html('barrierefreiheit/index.html');
    expect(page.querySelector('h1')?.text).toBe('Erklärung zur Barrierefreiheit');
    expect(text(page, '[data-scope]')).toMatch(/Kommentare, der Vorschaubilder für soziale Netzwerke und des Redaktionsbereichs/);
    expect(text(page, '[data-compliance-status]')).toMatch(/EN 301 549 V3\.2\.1 .*WCAG 2\.1.*teilweise vereinbar/);
    for (const group of ['noncompliance', 'burden', 'out-of-scope'])
      expect(page.querySelector(`[data-gap-group="${group}"]`), group).not.toBeNull();
    const gaps = page.querySelectorAll('[data-gap-group="noncompliance"] li').map((li) => li.text);
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    for (const gap of gaps) expect(gap).toContain('Grund:');
    expect(text(page, '[data-prepared]')).toContain('Entwurf'); // the demo has no accessibility.preparedOn
    expect(text(page, '[data-method]')).toContain('Selbstbewertung');
    expect(text(page, '[data-method]')).toContain('nicht bei jeder Veröffentlichung');
    expect(page.querySelectorAll('[data-automated-checks] li').map((li) => li.text)).toEqual(AUTOMATED_CHECKS.map((c) => `${c.text}.`));
    expect(page.text).not.toMatch(/bevor sie veröffentlicht wird/);
    expect(text(page, '[data-review-date]')).toContain('Eine Prüfung von Hand hat noch nicht stattgefunden');
    expect(text(page, '[data-feedback]')).toContain(guildConfig.accessibility.feedback.email);
    expect(text(page, '[data-feedback]')).toContain('spätestens innerhalb von einem Monat');
    expect(text(page, '[data-enforcement]')).toContain(guildConfig.accessibility.enforcement.name);
  });

  it('the Leichte-Sprache page explains offer, search (the phone button as it looks), comments, contact and the barriers', () => {
    const page = html('leichte-sprache/index.html');
    expect(page.querySelectorAll('[data-easy-language] h2').map((h) => h.text)).toEqual([
      'Wer wir sind',
      'Was es hier gibt',
      'So suchen Sie etwas',
      'So schreiben Sie Ihre Meinung',
      'So erreichen Sie uns',
      'Was noch nicht gut klappt',
      'Mehr Informationen',
    ]);
    expect(page.text).toContain('Auf dem Handy zeigt der Knopf nur eine Lupe.');
    expect(page.querySelectorAll('[data-easy-language] ol').length).toBeGreaterThanOrEqual(2);
    expect(page.text).toContain('Die Innung liest Ihren Kommentar zuerst.');
    expect(page.text).toContain(guildConfig.email);
  });

  it("both are linked from every page's footer, Leichte Sprache also from the home page", () => {
    const missing = pages().filter((file) => {
      const footer = parse(readFileSync(file, 'utf8')).querySelector('footer');
      return !footer?.querySelector('a[href="/barrierefreiheit/"]') || !footer.querySelector('a[href="/leichte-sprache/"]');
    });
    expect(missing).toEqual([]);
    expect(html('index.html').querySelector('main a[href="/leichte-sprache/"]')).not.toBeNull();
  });
});
