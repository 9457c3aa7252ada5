/**
 * `npm run content:normalise`: rewrites every post, messenger and source file to exactly what the
 * browser editor would write for it unchanged (Keystatic's own serialiser, scripts/keystatic-save.ts).
 * Afterwards a save in the editor changes only what the editor changed. For files edited by hand.
 * It also names files the editor would not save as they are (e.g. a post without `author`).
 * A file whose data the editor would read differently from the build (e.g. a post without `draft`,
 * which the editor takes for a draft, or a picture the editor would turn into plain text) is left alone and reported: nothing here may change what a page says.
 * `-- --check` only lists the files that are not in that form (exit code 1 if any).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { contentDir } from '../src/adapters/content-dir';
import { editorRefusal, editorSave, filesIn } from './keystatic-save';
import { siteParser } from './keystatic-save/mdx-parser';
import { COLLECTIONS, changedBody, changedData, entryExtension, hasAlignedTable } from '../src/lib/editor/entry-diff';

const check = process.argv.includes('--check');
const root = resolve(contentDir());
const changed: string[] = [];
const failed: string[] = [];
const notes: string[] = [];
const files = filesIn(root);

for (const collection of COLLECTIONS) {
  const dir = join(root, collection);
  const extension = entryExtension(collection);
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(extension))
    .sort()) {
    const file = join(dir, name);
    const before = readFileSync(file);
    let after: Buffer;
    try {
      after = await editorSave(collection, name.slice(0, -extension.length), before, files);
    } catch (error) {
      failed.push(`${relative(process.cwd(), file)}: Der Editor kann die Datei nicht öffnen: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const shown = relative(process.cwd(), file);
    const refusal = await editorRefusal(collection, name.slice(0, -extension.length), before, files);
    if (refusal.length > 0)
      notes.push(`${shown}: Der Editor speichert die Datei erst, wenn diese Felder ausgefüllt sind: ${refusal.join('; ')}`);
    if (before.equals(after)) continue;
    const changes = changedData(collection, before.toString('utf8'), after.toString('utf8'));
    if (collection === 'posts') changes.push(...changedBody(before.toString('utf8'), after.toString('utf8'), await siteParser()));
    if (changes.length > 0) {
      failed.push(
        `${shown}: der Editor würde den Inhalt ändern (${changes.join('; ')}) – im Kopfbereich: tragen Sie den Wert ausdrücklich ein, z. B. „draft: false“; im Text: siehe docs/redaktion.md, „Was der Editor nicht erhält“.`,
      );
      continue;
    }
    if (hasAlignedTable(before.toString('utf8'))) notes.push(`${shown}: Die Ausrichtung der Tabellenspalten (:--, --:) geht verloren.`);
    changed.push(shown);
    if (!check) writeFileSync(file, after);
  }
}

for (const line of failed) console.error(`Nicht angeglichen: ${line}`);
for (const line of notes) console.log(`Hinweis: ${line}`);
if (check) {
  for (const file of changed) console.log(`Nicht in der Form des Editors: ${file}`);
  console.log(
    changed.length === 0
      ? 'Alle Dateien sind in der Form des Editors.'
      : `${changed.length} Datei(en) mit „npm run content:normalise“ angleichen.`,
  );
} else {
  for (const file of changed) console.log(`Angeglichen: ${file}`);
  console.log(changed.length === 0 ? 'Alle Dateien waren schon in der Form des Editors.' : `${changed.length} Datei(en) angeglichen.`);
}
process.exit(failed.length > 0 || (check && changed.length > 0) ? 1 : 0);
