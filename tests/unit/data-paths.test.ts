/** The data folder's paths come from one module; nothing else spells out their defaults. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildsDir, commentsDbPath, dataDir, DEFAULT_COMMENTS_DB, editorDbPath, liveBuildPointer } from '@/lib/config/data-paths';
import { readSettings } from '@/lib/comments/settings';
import { readServerSettings, ROOT as SERVER_ROOT } from '../../server/settings';
import { ROOT } from '../helpers/paths';
import { sourceFiles } from '../helpers/source-files';

describe('data paths', () => {
  it('default to the data folder and follow COMMENTS_DB, DATA_DIR and BUILDS_DIR', () => {
    expect(commentsDbPath({})).toBe(DEFAULT_COMMENTS_DB);
    expect(commentsDbPath({ COMMENTS_DB: '/srv/c.db' })).toBe('/srv/c.db');
    expect(dataDir('/app', {})).toBe(resolve('/app/data'));
    expect(dataDir('/app', { DATA_DIR: '/var/lib/x' })).toBe('/var/lib/x');
    expect(buildsDir('/app', {})).toBe(resolve('/app/data/builds'));
    expect(editorDbPath('/var/lib/x')).toBe(join('/var/lib/x', 'redaktion.db'));
    expect(liveBuildPointer('/app/data/builds')).toBe(join('/app/data/builds', 'current.json'));
  });

  it('the comment settings and the server settings read them from there', () => {
    expect(readSettings({}, 30).dbPath).toBe(DEFAULT_COMMENTS_DB);
    const server = readServerSettings({});
    expect(server.dataDir).toBe(dataDir(SERVER_ROOT, {}));
    expect(server.buildsDir).toBe(buildsDir(SERVER_ROOT, {}));
  });

  it('no other file spells out a default data path', () => {
    const files = sourceFiles('src', 'server', 'scripts').filter((f) => f !== join('src', 'lib', 'config', 'data-paths.ts'));
    const spelled = /data\/comments\.db|'redaktion\.db'|'current\.json'|'data', 'builds'/;
    const code = (file: string) =>
      readFileSync(join(ROOT, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
    expect(files.filter((file) => spelled.test(code(file)))).toEqual([]);
  });
});
