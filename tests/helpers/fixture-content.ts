import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { messengerSchema, sourcesSchema } from '@/lib/messengers/schema';
import { buildMessenger, type Messenger } from '@/lib/messengers/model';
import { ROOT } from './paths';

/** The made-up content folder of the unit tests (tests/fixtures/content). */
export const FIXTURE_CONTENT = join(ROOT, 'tests/fixtures/content');

export function fixtureSources(content = FIXTURE_CONTENT) {
  const dir = join(content, 'sources');
  return sourcesSchema.parse(
    Object.fromEntries(readdirSync(dir).map((f) => [f.replace('.yaml', ''), parse(readFileSync(join(dir, f), 'utf8'))])),
  );
}

/** The messengers of a content folder, resolved as the build does (default: the made-up fixtures). */
export function fixtureMessengers(content = FIXTURE_CONTENT): Messenger[] {
  const dir = join(content, 'messengers');
  const sources = fixtureSources(content);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => buildMessenger(f.replace('.yaml', ''), messengerSchema.parse(parse(readFileSync(join(dir, f), 'utf8'))), sources));
}
