import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { messengerSchema, sourcesSchema } from '@/lib/messengers/schema';
import { buildMessenger, type Messenger } from '@/lib/messengers/model';
import { ROOT } from './paths';

/** The made-up content folder of the unit tests (tests/fixtures/content). */
export const FIXTURE_CONTENT = join(ROOT, 'tests/fixtures/content');

export function fixtureSources() {
  const dir = join(FIXTURE_CONTENT, 'sources');
  return sourcesSchema.parse(
    Object.fromEntries(readdirSync(dir).map((f) => [f.replace('.yaml', ''), parse(readFileSync(join(dir, f), 'utf8'))])),
  );
}

export function fixtureMessengers(): Messenger[] {
  const dir = join(FIXTURE_CONTENT, 'messengers');
  const sources = fixtureSources();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => buildMessenger(f.replace('.yaml', ''), messengerSchema.parse(parse(readFileSync(join(dir, f), 'utf8'))), sources));
}
