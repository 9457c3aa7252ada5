/** German messages of the operations commands (backup, restore, health). */
import { DEFAULT_COMMENTS_DB } from '../config/data-paths';

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const kB = (bytes: number) => `${(bytes / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} kB`;

export const messages = {
  keepInvalid: (value: string) => `COMMENTS_BACKUP_KEEP muss eine ganze Zahl ≥ 1 sein, ist aber „${value}“.`,
  dirNotWritable: (dir: string) =>
    `Der Sicherungsordner ${dir} kann nicht angelegt oder beschrieben werden. Bitte Ordner und Rechte prüfen ` +
    `(oder mit COMMENTS_BACKUP_DIR einen anderen Ordner wählen).`,
  dbMissing: (path: string) => `Die Kommentar-Datenbank ${path} gibt es nicht. Bitte COMMENTS_DB prüfen.`,
  backupFailed: (error: unknown) => `Die Sicherung ist fehlgeschlagen: ${reason(error)}`,
  dailyFailed: (error: unknown) => `Tägliche Sicherung fehlgeschlagen (der Server läuft weiter): ${reason(error)}`,
  written: (path: string, bytes: number, removed: number) =>
    `Sicherung geschrieben: ${path} (${kB(bytes)}, geprüft)` + (removed ? `; ${removed} ältere gelöscht.` : '.'),
  pruned: (n: number) => `${n} alte Sicherung${n === 1 ? '' : 'en'} gelöscht (älter als comments.backupKeep Tage).`,
  erasuresApplied: (n: number) => `${n} gelöschte Kommentare aus dem Löschprotokoll wieder entfernt.`,
  oldRemoved: 'Die bisherige Datenbank wurde gelöscht.',
  notADatabase: (path: string, error: unknown) => `${path} ist keine lesbare SQLite-Datenbank (${reason(error)}).`,
  corrupt: (path: string, details: string) => `${path} ist beschädigt (integrity_check: ${details}).`,
  notOurSchema: (path: string, what: string) => `${path} ist keine Kommentar-Datenbank von Innungswissen (${what}).`,
  newerSchema: (path: string, version: number, known: number) =>
    `${path} stammt aus einer neueren Version von Innungswissen (Schema ${version}, diese Version kennt bis ${known}).`,
  restoreUsage: `Aufruf: npm run restore -- <Sicherungsdatei>   (Ziel: COMMENTS_DB, Standard ${DEFAULT_COMMENTS_DB})`,
  fileMissing: (path: string) => `Die Sicherungsdatei ${path} gibt es nicht.`,
  refused: (detail: string) => `Wiederherstellung abgelehnt, nichts wurde ersetzt: ${detail}`,
  serverRunning: (path: string) =>
    `Die Datenbank ${path} ist gerade geöffnet – vermutlich läuft der Server noch. Bitte den Server zuerst ` +
    `anhalten (z. B. „systemctl stop innungswissen“) und die Wiederherstellung dann erneut starten.`,
  restored: (target: string, from: string, comments: number) => `Wiederhergestellt: ${target} aus ${from} (${comments} Kommentare).`,
  keptOld: (path: string, days: number) =>
    `Die bisherige Datenbank liegt unter ${path}; sie wird nach ${days} ${days === 1 ? 'Tag' : 'Tagen'} gelöscht (comments.restoreKeepDays).`,
  health: {
    missing: 'Die Kommentar-Datenbank fehlt.',
    unreadable: 'Die Kommentar-Datenbank kann nicht gelesen werden.',
    unwritable: 'In die Kommentar-Datenbank kann nicht geschrieben werden.',
    newer: 'Die Kommentar-Datenbank stammt aus einer neueren Version; der Server schreibt nicht hinein.',
    notMigrated: 'Die Kommentar-Datenbank ist nicht eingerichtet.',
  },
};
