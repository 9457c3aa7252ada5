/**
 * Adapter: reads and writes the content files behind /redaktion/fakten/ (the file system of the editor's content
 * folder): the messenger files, the sources, the notes file. Each change is read, decided and written in one
 * synchronous step, so two requests of this server never interleave on a file; the write goes to a temporary
 * file that replaces the old one, so a reader never sees half a file.
 */
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { sourceSchema, type SourceData } from '@/lib/messengers/schema';
import { DISPUTES_FILE, disputeText, parseDisputes, type Dispute } from '@/lib/editor/facts-disputes';
import { de } from '@/i18n/de';
import { confirmFact, factVersions, type ConfirmRequest, type RecheckRefusal } from '@/lib/editor/facts-recheck';

/** Messenger ids are file names: lower-case letters, digits, hyphens. */
const ID = /^[a-z0-9][a-z0-9-]*$/;

function yamlFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort() : [];
}

export function readMessengerFiles(contentDir: string): Array<{ id: string; text: string }> {
  const dir = join(contentDir, 'messengers');
  return yamlFiles(dir).map((name) => ({ id: name.slice(0, -'.yaml'.length), text: readFileSync(join(dir, name), 'utf8') }));
}

export function readSources(contentDir: string): Record<string, SourceData> {
  const dir = join(contentDir, 'sources');
  const sources: Record<string, SourceData> = {};
  for (const name of yamlFiles(dir)) {
    try {
      const result = sourceSchema.safeParse(parse(readFileSync(join(dir, name), 'utf8')));
      if (result.success) sources[name.slice(0, -'.yaml'.length)] = result.data;
    } catch {
      // An unreadable source shows its key instead of its title; the content check reports it at the next build.
    }
  }
  return sources;
}

export function readDisputes(contentDir: string): Dispute[] {
  const path = join(contentDir, DISPUTES_FILE);
  return existsSync(path) ? parseDisputes(readFileSync(path, 'utf8')) : [];
}

function messengerPath(contentDir: string, id: string): string | undefined {
  if (!ID.test(id)) return undefined;
  const path = join(contentDir, 'messengers', `${id}.yaml`);
  return existsSync(path) ? path : undefined;
}

function writeWhole(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

const unknown: RecheckRefusal = { ok: false, status: 404, reason: de.factsReview.unknownFact };

/** "Stimmt noch": sets checked/checkedBy of one fact in its file; the refusal's reason is German. */
export function confirmFactInFile(contentDir: string, id: string, request: ConfirmRequest): { ok: true } | RecheckRefusal {
  const path = messengerPath(contentDir, id);
  if (!path) return unknown;
  const result = confirmFact(readFileSync(path, 'utf8'), request);
  if (!result.ok) return result;
  writeWhole(path, result.text);
  return { ok: true };
}

/** "Stimmt nicht mehr": appends a note; refused (404/409) when the fact is unknown or changed since the list was shown. */
export function addDispute(
  contentDir: string,
  entry: { messenger: string; criterion: string; by: string; note: string; date: string; version: string },
): { ok: true } | RecheckRefusal {
  const path = messengerPath(contentDir, entry.messenger);
  if (!path) return unknown;
  const current = factVersions(readFileSync(path, 'utf8'))[entry.criterion];
  if (current === undefined) return unknown;
  if (current !== entry.version) return { ok: false, status: 409, reason: de.factsReview.changed };
  const file = join(contentDir, DISPUTES_FILE);
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writeWhole(file, existing + disputeText(entry, existing));
  return { ok: true };
}
