import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ROOT } from '../helpers/paths';

/** Every file below `dir` (source files only). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.(ts|mjs|astro)$/.test(name) ? [full] : [];
  });
}

const rel = (file: string) => relative(ROOT, file).split(sep).join('/');

/** Specifiers a module loads at run time: static imports and re-exports (not `import type`) and literal dynamic imports. */
function runtimeImports(text: string): string[] {
  const fromClauses = [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  const bare = [...text.matchAll(/^import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  const dynamic = [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return [...fromClauses, ...bare, ...dynamic];
}

/** The file a relative specifier names (as Vite resolves it: with or without extension, or a folder's index). */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.mjs`, `${base}.js`, join(base, 'index.ts'), join(base, 'index.mjs')].find(
    (path) => existsSync(path) && statSync(path).isFile(),
  );
}

/**
 * What reaches the outside world: it belongs in src/adapters/ (or a caller passes it in), never in src/lib/.
 * Type-only imports are fine (they vanish in the build).
 */
const OUTSIDE =
  /^(?:astro:content|(?:node:)?fs(?:\/promises)?|(?:node:)?child_process|(?:node:)?worker_threads|better-sqlite3)$|(?:^|\/)adapters\//;
const HOLDS_DATABASE = /^import\s[^;]*?from\s+['"]better-sqlite3['"]/m;
const READS_ENVIRONMENT = /\bprocess\s*(?:\.\s*env\b|\[\s*['"]env['"]\s*\])/;

/** Known exceptions, each with the change that removes it. Keep this list short and explicit (empty today). */
const LIB_EXCEPTIONS: string[] = [];

/**
 * Files astro.config.mjs loads (directly or through other files) cannot use the `@/` alias: Astro loads its config
 * before the alias exists. So they, and only they, may reach across src/ with a relative import; the test finds them
 * from the config's imports, so a file that joins or leaves that set needs no edit here.
 */
function loadedByAstroConfig(): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeImports(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = resolveRelative(file, specifier);
      if (target && target.startsWith(join(ROOT, 'src')) && /\.(ts|mjs)$/.test(target)) visit(target);
    }
  };
  visit(join(ROOT, 'astro.config.mjs'));
  seen.delete(join(ROOT, 'astro.config.mjs'));
  return seen;
}

/** Relative imports allowed across src/ (a whole file, or one import as `file → specifier`); empty today, keep it so. */
const CLIMB_EXCEPTIONS: string[] = [];
const climbExcepted = (file: string, specifier: string) =>
  CLIMB_EXCEPTIONS.includes(rel(file)) || CLIMB_EXCEPTIONS.includes(`${rel(file)} → ${specifier}`);

/** Relative imports from a file in src/ to a file in another top-level folder of src/ (`../../lib/…` from src/adapters/x/). */
function climbingImports(file: string): string[] {
  const src = join(ROOT, 'src');
  const area = (path: string) => relative(src, path).split(sep)[0];
  const atTop = dirname(file) === src; // src/guild.config.ts importing ./lib/… climbs nowhere
  return runtimeImports(readFileSync(file, 'utf8'))
    .filter((specifier) => specifier.startsWith('../') && !atTop)
    .filter((specifier) => {
      const target = resolve(dirname(file), specifier);
      return target.startsWith(src + sep) && area(target) !== area(file);
    });
}

describe('house layout: src/lib/ is logic, src/adapters/ touches the outside world', () => {
  it('no module in src/lib/ imports an adapter, the content layer, the file system, a database driver, a child process or a worker at run time', () => {
    const offenders: string[] = [];
    for (const file of sources(join(ROOT, 'src/lib'))) {
      if (LIB_EXCEPTIONS.includes(rel(file))) continue;
      for (const specifier of runtimeImports(readFileSync(file, 'utf8'))) {
        if (OUTSIDE.test(specifier)) offenders.push(`${rel(file)} → ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no module in src/lib/ holds a database connection, not even by type: SQL lives in src/adapters/', () => {
    const holders = sources(join(ROOT, 'src/lib'))
      .filter((file) => !LIB_EXCEPTIONS.includes(rel(file)))
      .filter((file) => HOLDS_DATABASE.test(readFileSync(file, 'utf8')));
    expect(holders.map(rel)).toEqual([]);
  });

  it('no module in src/lib/ reads the environment: settings come in from an adapter or the caller', () => {
    const readers = sources(join(ROOT, 'src/lib'))
      .filter((file) => !LIB_EXCEPTIONS.includes(rel(file)))
      .filter((file) => READS_ENVIRONMENT.test(readFileSync(file, 'utf8')));
    expect(readers.map(rel)).toEqual([]);
  });

  it('the exceptions above still exist and still need their exception (a stale entry fails, so the list shrinks)', () => {
    for (const file of LIB_EXCEPTIONS) {
      const text = existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file), 'utf8') : '';
      expect(runtimeImports(text).some((s) => OUTSIDE.test(s)) || READS_ENVIRONMENT.test(text) || HOLDS_DATABASE.test(text), file).toBe(
        true,
      );
    }
    for (const entry of CLIMB_EXCEPTIONS) {
      const [file, specifier] = entry.split(' → ') as [string, string | undefined];
      const climbs = existsSync(join(ROOT, file)) ? climbingImports(join(ROOT, file)) : [];
      expect(specifier ? climbs.includes(specifier) : climbs.length > 0, entry).toBe(true);
    }
  });

  it('no file in src/ climbs into another part of src/ with a relative import (`@/lib/…` instead), except those astro.config.mjs loads', () => {
    const configLoaded = loadedByAstroConfig();
    const offenders = sources(join(ROOT, 'src'))
      .filter((file) => !configLoaded.has(file))
      .flatMap((file) =>
        climbingImports(file)
          .filter((specifier) => !climbExcepted(file, specifier))
          .map((specifier) => `${rel(file)} → ${specifier}`),
      );
    expect(offenders).toEqual([]);
  });

  it('no file astro.config.mjs loads uses the `@/` alias (the config is loaded before the alias exists)', () => {
    const configLoaded = [...loadedByAstroConfig()];
    expect(configLoaded.length).toBeGreaterThan(5); // the walk found the integrations and what they import
    const aliased = configLoaded.filter((file) => runtimeImports(readFileSync(file, 'utf8')).some((s) => s.startsWith('@/')));
    expect(aliased.map(rel)).toEqual([]);
  });

  it('no module made for the browser creates an Intl formatter when it is imported (the first one loads locale data: ~90 ms on every page load)', () => {
    // A line at the module's top level (not indented) that makes a formatter, unless it does so on first use (??=).
    const eagerLine = (line: string) => /^\S/.test(line) && /\bnew Intl\.|\bIntl\.\w+\(/.test(line) && !line.includes('??=');
    const eager = ['src/lib', 'src/components', 'src/i18n']
      .flatMap((dir) => sources(join(ROOT, dir)))
      .filter((file) => readFileSync(file, 'utf8').split('\n').some(eagerLine));
    expect(eager.map(rel)).toEqual([]);
  });

  it('every adapter says in its first comment what outside thing it touches', () => {
    const silent = sources(join(ROOT, 'src/adapters')).filter((file) => !/^\s*(\/\*\*|\/\/)/.test(readFileSync(file, 'utf8')));
    expect(silent.map(rel)).toEqual([]);
  });
});
