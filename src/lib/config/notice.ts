/**
 * Sentences the site says about itself that depend on a setting: built here from the config and the
 * constants the code enforces, so the Datenschutzerklärung, the comment form and the Leichte-Sprache page
 * say the same thing and change together (e.g. comments.moderation "post").
 */
import { formatCount } from '@/i18n/format';
import type { GuildConfig } from './schema';

export type CommentConfig = GuildConfig['comments'];

/** "1 Tag" / "30 Tagen" (dative, as in "nach … Tagen"). */
export const afterDays = (n: number) => formatCount(n, 'Tag', 'Tagen');
/** "1 Tag" / "14 Tage" (accusative, as in "… Tage lang"). */
export const days = (n: number) => formatCount(n, 'Tag', 'Tage');

/** How moderation works, for the Datenschutzerklärung. */
export function moderationSentence(c: Pick<CommentConfig, 'moderation'>): string {
  return c.moderation === 'pre'
    ? 'Kommentare werden vor der Veröffentlichung von der Innung geprüft; erst nach der Freigabe sind sie für alle sichtbar.'
    : 'Kommentare erscheinen sofort nach dem Absenden für alle sichtbar. Die Innung prüft sie danach und kann sie ablehnen oder löschen.';
}

/** How long each kind of comment stays, for the Datenschutzerklärung. */
export function retentionSentence(c: Pick<CommentConfig, 'moderation' | 'purgeRejectedAfterDays' | 'purgePendingAfterDays'>): string {
  // Under "post" nothing waits for moderation (new and edited comments are shown at once).
  const pending =
    c.moderation === 'pre'
      ? ` Kommentare, über die die Innung nach ${afterDays(c.purgePendingAfterDays)} noch nicht entschieden hat, werden ungeprüft gelöscht.`
      : '';
  return `Freigegebene Kommentare bleiben sichtbar, bis Sie oder wir sie löschen; abgelehnte Kommentare werden nach ${afterDays(c.purgeRejectedAfterDays)} automatisch gelöscht.${pending}`;
}

/** Days until the last copy that can hold an erased comment is gone: local backups, or the off-site copy if it keeps longer. */
export function copyDays(c: Pick<CommentConfig, 'backupKeep' | 'offsiteBackup'>): number {
  return Math.max(c.backupKeep, c.offsiteBackup?.retentionDays ?? 0);
}

/** Erasure-log entries outlive every copy by a day, then go (src/adapters/ops/backup.ts pruneAll). */
export const erasureLogDays = (c: Pick<CommentConfig, 'backupKeep' | 'offsiteBackup'>) => copyDays(c) + 1;

/** What deleting does, and the backups as they actually run (comments.backupDaily, backupKeep, offsiteBackup). */
export function backupSentences(c: Pick<CommentConfig, 'backupDaily' | 'backupKeep' | 'restoreKeepDays' | 'offsiteBackup'>): string[] {
  const sentences = [
    'Gelöschte Kommentare werden in der Datenbank mit Nullen überschrieben, auch im Zwischenspeicher der Datenbank (Write-Ahead-Log).',
    c.backupDaily
      ? `Von der Datenbank wird einmal täglich eine Sicherungskopie angelegt. Sicherungskopien werden nach ${afterDays(c.backupKeep)} gelöscht.`
      : `Sicherungskopien der Datenbank legen wir nur bei Bedarf an (etwa vor einer Aktualisierung); sie werden nach ${afterDays(c.backupKeep)} gelöscht.`,
    `Ein gelöschter Kommentar ist daher spätestens nach ${afterDays(copyDays(c))} auch aus den Sicherungskopien verschwunden.`,
    `Müssen wir eine Sicherungskopie zurückspielen, entfernen wir vorher alle seit ihrer Anlage gelöschten Kommentare wieder; dazu führen wir ein Löschprotokoll, das nur die Nummer, den Zeitpunkt und einen Prüfwert (SHA-256) jedes gelöschten Kommentars enthält, nicht Name oder Text. Seine Einträge löschen wir nach ${afterDays(erasureLogDays(c))}.`,
    c.restoreKeepDays > 0
      ? `Die dabei ersetzte Datenbank bewahren wir ${days(c.restoreKeepDays)} auf und löschen sie dann.`
      : 'Die dabei ersetzte Datenbank löschen wir sofort.',
  ];
  if (c.offsiteBackup) {
    sentences.push(
      `Eine Kopie der Sicherungen liegt zusätzlich bei ${c.offsiteBackup.processor}, der sie nur in unserem Auftrag speichert (Auftragsverarbeitung nach Art. 28 DSGVO) und nach ${afterDays(c.offsiteBackup.retentionDays)} löscht.`,
    );
  }
  return sentences;
}

/** The proxy's logs as the shipped deploy files write them (deploy/nginx, deploy/Caddyfile, logrotate). */
export function proxyLogSentence(h: Pick<GuildConfig['hosting'], 'proxyLogDays'>): string {
  return h.proxyLogDays > 0
    ? `Der vorgeschaltete Webserver (Reverse-Proxy) protokolliert Zugriffe ohne IP-Adresse (Zeitpunkt, aufgerufene Adresse, Statuscode). In seinem Fehlerprotokoll kann bei Störungen die IP-Adresse des Geräts stehen, das die Störung ausgelöst hat. Beide Protokolle werden nach ${afterDays(h.proxyLogDays)} gelöscht.`
    : 'Der vorgeschaltete Webserver (Reverse-Proxy) protokolliert Zugriffe ohne IP-Adresse und führt kein Fehlerprotokoll mit IP-Adressen.';
}

/** The short "Auf einen Blick" line about IP addresses. */
export function ipAtAGlance(h: Pick<GuildConfig['hosting'], 'proxyLogDays'>): string {
  return h.proxyLogDays > 0
    ? `Nur das Fehlerprotokoll des vorgeschalteten Webservers kann sie enthalten, höchstens ${days(h.proxyLogDays)} lang.`
    : 'Auch der vorgeschaltete Webserver speichert keine IP-Adressen.';
}

/** Leichte Sprache: what happens after sending a comment (short main clauses, no passive). */
export function easyModeration(c: Pick<CommentConfig, 'moderation'>): string[] {
  return c.moderation === 'pre'
    ? ['Die Innung liest Ihren Kommentar zuerst.', 'Danach können ihn alle lesen.']
    : ['Alle können Ihren Kommentar sofort lesen.', 'Die Innung liest ihn danach.', 'Die Innung kann ihn auch löschen.'];
}

/** The Facebook page under Art. 26 DSGVO: a link to the page's information, the guild's decision, or a draft note. */
export function facebookPageText(f: GuildConfig['facebook']): { text: string; link?: { href: string; label: string } } {
  if (f.jointControllerInfo) {
    return {
      text: 'Für unsere Facebook-Seite sind wir mit Meta gemeinsam verantwortlich (Art. 26 DSGVO). Die Vereinbarung und die Informationen dazu finden Sie hier:',
      link: { href: f.jointControllerInfo, label: 'Informationen nach Art. 26 DSGVO zur Facebook-Seite' },
    };
  }
  if (f.decision) return { text: `Zu unserer Facebook-Seite hat die Innung entschieden: ${f.decision}` };
  return {
    text: 'Die Informationen zur gemeinsamen Verantwortung mit Meta für unsere Facebook-Seite (Art. 26 DSGVO) fehlen noch (Entwurf).',
  };
}
