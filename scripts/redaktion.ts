#!/usr/bin/env node
/**
 * `npm run redaktion -- konto anlegen <Name>`: creates an editor account; the password is asked
 * for without echo in a terminal, or read from standard input (a pipe in a script).
 * `npm run redaktion -- konto passwort <Name>` sets a new one (open sessions end),
 * `npm run redaktion -- konto löschen <Name>` and `npm run redaktion -- konto liste`.
 * Several guilds (issue 26): `konto anlegen <Name> --innung <Kennung> [--innung …] [--verwaltung]`,
 * `konto innungen <Name> <Kennung> …` (the sites it belongs to) and `konto rolle <Name> redaktion|verwaltung`.
 * DATA_DIR chooses the data folder (default ./data), as for the server.
 */
import { createInterface } from 'node:readline';
import { readServerSettings } from '../server/settings';
import { EditorStore } from '../server/editor/store';
import { editorDbPath } from '@/lib/config/data-paths';
import { NAME_PATTERN, accountNameKey, hashPassword, passwordProblem } from '../server/editor/passwords';
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';
import { kennungProblem } from '@/lib/sites/sites';

// The account database (password hashes, sessions) is for the server's user only.
process.umask(0o077);

const USAGE = de.siteEditors.cliUsage;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** In a terminal: typed without echo (Enter ends, Backspace deletes, Ctrl+C stops). */
function readHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stdout.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  let password = '';
  return new Promise((resolve) => {
    const onData = (text: string) => {
      for (const char of text) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stdout.write('\n');
          return resolve(password);
        }
        if (char === '\u0003') {
          input.setRawMode(false);
          process.stdout.write('\n');
          fail('Abgebrochen.');
        }
        if (char === '\u007f' || char === '\b') password = password.slice(0, -1);
        else if (char >= ' ') password += char;
      }
    };
    input.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) return readHidden('Passwort (mindestens 10 Zeichen, wird nicht angezeigt): ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function newPassword(): Promise<string> {
  const password = await readPassword();
  const problem = passwordProblem(password);
  if (problem) fail(problem);
  return hashPassword(password);
}

const [area, action, ...words] = process.argv.slice(2).filter((a) => a !== '--');
/** `--innung <Kennung>` (repeatable) and `--verwaltung`; everything else is the name (which may hold spaces). */
const sites: string[] = [];
const rest: string[] = [];
for (let i = 0; i < words.length; i++) {
  if (words[i] === '--innung') sites.push(words[++i] ?? '');
  else if (words[i] !== '--verwaltung') rest.push(words[i]!);
}
const verwaltung = words.includes('--verwaltung');
for (const kennung of sites) {
  const problem = kennungProblem(kennung);
  if (problem) fail(problem);
}
const name = rest.join(' ').trim();
const shownSites = (list: string[]) => list.map((k) => k || de.siteEditors.cliSingleSite).join(', ');
if (area !== 'konto') fail(USAGE);
const store = new EditorStore(editorDbPath(readServerSettings().dataDir));
try {
  if (action === 'anlegen') {
    if (!NAME_PATTERN.test(name)) fail('Bitte einen Namen mit 2 bis 40 Buchstaben, Ziffern, Leerzeichen, Punkt oder Bindestrich angeben.');
    const existing = store.accounts().find((a) => accountNameKey(a.name) === accountNameKey(name));
    if (existing?.name.toLowerCase() === name.toLowerCase()) {
      fail(
        `Ein Konto „${existing.name}“ gibt es schon; es bleibt unverändert. Ein neues Passwort setzen Sie mit: npm run redaktion -- konto passwort ${existing.name}`,
      );
    }
    if (existing)
      fail(
        `„${name}“ unterscheidet sich vom bestehenden Konto „${existing.name}“ nur in Groß-/Kleinschreibung, Leerzeichen oder Punkten. Bitte wählen Sie einen deutlich anderen Namen.`,
      );
    store.setAccount(name, await newPassword());
    if (sites.length > 0) store.setSites(name, sites);
    if (verwaltung) store.setRole(name, 'verwaltung');
    console.log(`Konto „${name}“ angelegt. Anmelden unter /redaktion/anmelden/`);
    if (sites.length > 0 || verwaltung) console.log(format(de.siteEditors.cliSitesSet, { name, sites: shownSites(store.sitesOf(name)) }));
  } else if (action === 'innungen') {
    // The name is the first word here, the sites follow: `konto innungen Anna nord sued`.
    const [who = '', ...kennungen] = rest;
    if (!store.passwordHash(who)) fail(format(de.siteEditors.cliNoAccount, { name: who }));
    for (const kennung of kennungen) {
      const problem = kennungProblem(kennung);
      if (problem) fail(problem);
    }
    if (kennungen.length === 0) fail(de.siteEditors.accountNoSite);
    store.setSites(who, kennungen);
    console.log(format(de.siteEditors.cliSitesSet, { name: who, sites: shownSites(kennungen) }));
  } else if (action === 'rolle') {
    const role = rest.at(-1);
    const who = rest.slice(0, -1).join(' ');
    if (role !== 'redaktion' && role !== 'verwaltung') fail(USAGE);
    if (!store.setRole(who, role)) fail(format(de.siteEditors.cliNoAccount, { name: who }));
    console.log(format(de.siteEditors.cliRoleSet, { name: who, role }));
  } else if (action === 'passwort') {
    const account = store.passwordHash(name);
    if (!account) fail(`Ein Konto „${name}“ gibt es nicht. Neue Konten legen Sie mit „konto anlegen“ an.`);
    store.setAccount(account.name, await newPassword());
    console.log(`Passwort für „${account.name}“ geändert; offene Sitzungen sind beendet.`);
  } else if (action === 'löschen' || action === 'loeschen') {
    if (!store.deleteAccount(name)) fail(`Ein Konto „${name}“ gibt es nicht.`);
    console.log(`Konto „${name}“ gelöscht.`);
  } else if (action === 'liste') {
    const accounts = store.accounts();
    console.log(
      accounts.length === 0
        ? 'Noch kein Konto angelegt.'
        : accounts
            .map(
              (a) =>
                `${a.name} (angelegt ${new Date(a.createdAt).toLocaleDateString('de-DE')}; ${a.role}; ${a.role === 'verwaltung' ? de.siteEditors.accountAllSites : shownSites(a.sites)})`,
            )
            .join('\n'),
    );
  } else fail(USAGE);
} finally {
  store.close();
}
