#!/usr/bin/env node
/**
 * `npm run redaktion -- konto anlegen <Name>`: creates (or resets) an editor account; the password
 * is read from standard input, so it can be typed or piped in a script.
 * `npm run redaktion -- konto löschen <Name>` and `npm run redaktion -- konto liste`.
 * DATA_DIR chooses the data folder (default ./data), as for the server.
 */
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { readServerSettings } from '../server/settings';
import { EditorStore } from '../server/editor/store';
import { NAME_PATTERN, hashPassword, passwordProblem } from '../server/editor/passwords';

const USAGE = `Verwendung:
  npm run redaktion -- konto anlegen <Name>    (Passwort wird abgefragt bzw. von der Standardeingabe gelesen)
  npm run redaktion -- konto löschen <Name>
  npm run redaktion -- konto liste`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stdout.write('Passwort (mindestens 10 Zeichen): ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

const [area, action, ...rest] = process.argv.slice(2);
const name = rest.join(' ').trim();
if (area !== 'konto') fail(USAGE);
const store = new EditorStore(join(readServerSettings().dataDir, 'redaktion.db'));
try {
  if (action === 'anlegen') {
    if (!NAME_PATTERN.test(name)) fail('Bitte einen Namen mit 2 bis 40 Buchstaben, Ziffern, Leerzeichen, Punkt oder Bindestrich angeben.');
    const password = await readPassword();
    const problem = passwordProblem(password);
    if (problem) fail(problem);
    const result = store.setAccount(name, await hashPassword(password));
    console.log(result === 'created' ? `Konto „${name}“ angelegt. Anmelden unter /redaktion/anmelden/` : `Passwort für „${name}“ geändert; offene Sitzungen sind beendet.`);
  } else if (action === 'löschen' || action === 'loeschen') {
    if (!store.deleteAccount(name)) fail(`Ein Konto „${name}“ gibt es nicht.`);
    console.log(`Konto „${name}“ gelöscht.`);
  } else if (action === 'liste') {
    const accounts = store.accounts();
    console.log(accounts.length === 0 ? 'Noch kein Konto angelegt.' : accounts.map((a) => `${a.name} (angelegt ${new Date(a.createdAt).toLocaleDateString('de-DE')})`).join('\n'));
  } else fail(USAGE);
} finally {
  store.close();
}
