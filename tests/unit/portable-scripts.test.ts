import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths';

/**
 * Every npm script runs under Windows' default shell (cmd.exe) as well as sh: editors and web people
 * on Windows use `npm start`, `npm run dev` and `npm run redaktion` too. cmd.exe knows `&&` but not
 * `VAR=value command`, `$VAR`, single quotes, `rm`/`cp`/`export` or a trailing `&`.
 */
const NOT_PORTABLE: Array<[RegExp, string]> = [
  [/(^|&&\s*|\s)[A-Z_][A-Z0-9_]*=\S/, 'VAR=value vor einem Befehl'],
  [/\$[A-Za-z_{]/, 'Umgebungsvariable mit $'],
  [/'/, 'einfache Anführungszeichen'],
  [/(^|&&\s*|;\s*)(rm|cp|mv|export|cat|mkdir -p)\s/, 'Unix-Befehl'],
  [/(^|[^&])&\s*$/, 'Hintergrund mit &'],
  [/;/, 'Befehle mit ; getrennt'],
];

describe('npm scripts run under Windows’ default shell', () => {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  it('has the scripts the README names', () => {
    for (const name of ['start', 'test', 'dev', 'build', 'bench', 'redaktion']) expect(scripts).toHaveProperty(name);
  });
  for (const [name, command] of Object.entries(scripts)) {
    it(`${name}: ${command}`, () => {
      const found = NOT_PORTABLE.filter(([pattern]) => pattern.test(command)).map(([, what]) => what);
      expect(found).toEqual([]);
    });
  }
});
