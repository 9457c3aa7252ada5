/**
 * `npm run content:changes -- [--since <git ref>] [--date JJJJ-MM-TT]`: appends to content/aenderungen.yaml one
 * entry per messenger fact whose value, level, source or quote differs between the committed state (default
 * HEAD) and the files now in content/messengers/. A re-check that only changes the check date adds nothing.
 * The log is part of the content, so the live site never needs .git to show it.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../src/adapters/content-dir';
import { CHANGE_LOG_FILE, changeLogAppendix, diffFacts, factsOfText, type DataState } from '../src/lib/messengers/changes';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const since = arg('--since') ?? 'HEAD';
const date = new Date(`${arg('--date') ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const dir = join(contentDir(), 'messengers');

const after: DataState = {};
const before: DataState = {};
for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
  const id = name.slice(0, -'.yaml'.length);
  after[id] = factsOfText(readFileSync(join(dir, name), 'utf8')) ?? {};
  const old = spawnSync('git', ['show', `${since}:content/messengers/${name}`], { encoding: 'utf8' });
  if (old.status === 0) before[id] = factsOfText(old.stdout) ?? {};
}
const entries = diffFacts(before, after, date);
const file = join(contentDir(), CHANGE_LOG_FILE);
if (entries.length === 0) {
  console.log('Keine Änderung an Wert, Einstufung, Quelle oder Beleg – nichts eingetragen.');
} else {
  appendFileSync(file, changeLogAppendix(entries, existsSync(file) ? readFileSync(file, 'utf8') : ''));
  console.log(`${entries.length} Einträge an ${file} angehängt.`);
}
