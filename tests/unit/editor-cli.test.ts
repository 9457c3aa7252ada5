/**
 * `npm run redaktion -- konto …`: the password is not echoed in a terminal and
 * still read from a pipe; an existing name, or one differing only by case, spaces or dots, is
 * refused (a separate `konto passwort` resets); the database is readable by its owner only.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv } from '../../scripts/child-env';
import { EditorStore } from '../../server/editor/store';
import { ROOT } from '../helpers/paths';

const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const CLI = join(ROOT, 'scripts/redaktion.ts');

function konto(dataDir: string, args: string[], input = '') {
  const result = spawnSync(process.execPath, [TSX, CLI, 'konto', ...args], {
    cwd: ROOT,
    env: childEnv({ DATA_DIR: dataDir }),
    input,
    encoding: 'utf8',
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

function hashOf(dataDir: string, name: string): string | undefined {
  const store = new EditorStore(join(dataDir, 'redaktion.db'));
  try {
    return store.passwordHash(name)?.hash;
  } finally {
    store.close();
  }
}

describe('konto anlegen and konto passwort', () => {
  it('read the password from a pipe, refuse an existing or look-alike name, reset only through konto passwort; files 0600', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'innungswissen-cli-'));
    expect(konto(dataDir, ['anlegen', 'Anna Beispiel'], 'erstes-passwort-123\n')).toMatchObject({ status: 0 });
    const first = hashOf(dataDir, 'Anna Beispiel');
    expect(first).toMatch(/^scrypt\$/);
    expect(statSync(join(dataDir, 'redaktion.db')).mode & 0o777).toBe(0o600);

    const again = konto(dataDir, ['anlegen', 'Anna Beispiel'], 'zweites-passwort-123\n');
    expect(again.status).toBe(1);
    expect(again.out).toContain('gibt es schon');
    expect(again.out).toContain('konto passwort Anna Beispiel');
    for (const lookAlike of ['anna beispiel', 'Anna.Beispiel', 'ANNA  BEISPIEL', 'AnnaBeispiel']) {
      const refused = konto(dataDir, ['anlegen', lookAlike], 'zweites-passwort-123\n');
      expect(refused.status, lookAlike).toBe(1);
      expect(refused.out, lookAlike).toMatch(/gibt es schon|nur in Groß-\/Kleinschreibung, Leerzeichen oder Punkten/);
    }
    expect(hashOf(dataDir, 'Anna Beispiel')).toBe(first);

    expect(konto(dataDir, ['passwort', 'Niemand Da'], 'neues-passwort-123\n')).toMatchObject({ status: 1 });
    expect(konto(dataDir, ['passwort', 'Anna Beispiel'], 'neues-passwort-123\n')).toMatchObject({ status: 0 });
    expect(hashOf(dataDir, 'Anna Beispiel')).not.toBe(first);
  });

  it.skipIf(!existsSync('/usr/bin/script'))(
    'do not echo the password typed in a terminal',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'innungswissen-cli-'));
      const secret = 'sichtbar-waere-schlecht-42';
      // script(1) gives the command a real terminal; what we write is typed into it.
      const child = spawn('script', ['-qfec', `"${process.execPath}" "${TSX}" "${CLI}" konto anlegen "Bert Tipper"`, '/dev/null'], {
        cwd: ROOT,
        env: childEnv({ DATA_DIR: dataDir }),
      });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (out += chunk));
      const deadline = Date.now() + 20_000;
      while (!out.includes('Passwort') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      child.stdin.write(`${secret}\r`);
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(out).toContain('angelegt');
      expect(out).not.toContain(secret);
      expect(code).toBe(0);
      expect(hashOf(dataDir, 'Bert Tipper')).toMatch(/^scrypt\$/);
    },
    30_000,
  );
});
