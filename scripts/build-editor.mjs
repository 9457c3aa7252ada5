#!/usr/bin/env node
// @ts-check
/**
 * `npm run build:editor`: builds the browser editor (editor/astro.config.mjs) into dist-editor/,
 * but only when its inputs changed since the last build (a hash of the editor's files, the
 * schemas it shares and the lock file). The editor is 2.8 MB of React; a publish never rebuilds it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist-editor');
const stamp = join(out, '.inputs-hash');
const FIXED_INPUTS = ['editor', 'package-lock.json', 'patches'];
const IMPORT = /(?:from|import)\s*\(?\s*['"]((?:\.{1,2}|@)\/[^'"]+)['"]/g;

/** @param {string} path @returns {string[]} */
function files(path) {
  if (!existsSync(path)) return [];
  return statSync(path).isDirectory()
    ? readdirSync(path)
        .sort()
        .flatMap((name) => (name === 'node_modules' ? [] : files(join(path, name))))
    : [path];
}

/** The project files the editor's code imports (the shared schemas, followed through every import), so a changed rule rebuilds it. */
/** @param {string[]} start @returns {string[]} */
function importedFiles(start) {
  /** @type {Set<string>} */
  const seen = new Set();
  const queue = [...start];
  while (queue.length) {
    const file = /** @type {string} */ (queue.pop());
    if (seen.has(file) || !/\.(ts|tsx|mjs|js|astro)$/.test(file)) continue;
    seen.add(file);
    for (const [, spec = ''] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const base = spec.startsWith('@/') ? join(root, 'src', spec.slice(2)) : join(dirname(file), spec);
      const found = ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts']
        .map((ext) => base + ext)
        .find((p) => existsSync(p) && statSync(p).isFile());
      if (found) queue.push(found);
    }
  }
  return [...seen];
}

const inputs = [
  ...new Set([...FIXED_INPUTS.flatMap((input) => files(join(root, input))), ...importedFiles(files(join(root, 'editor')))]),
].sort();
const hash = createHash('sha256');
for (const file of inputs) hash.update(relative(root, file)).update(readFileSync(file));
const digest = hash.digest('hex');

if (
  !process.argv.includes('--force') &&
  existsSync(stamp) &&
  readFileSync(stamp, 'utf8') === digest &&
  existsSync(join(out, 'keystatic', 'index.html'))
) {
  console.log('[editor] Editor unverändert, kein neuer Build nötig.');
  process.exit(0);
}
console.log('[editor] Baue den Browser-Editor (einmalig, dauert etwa eine Minute) …');
const started = Date.now();
const result = spawnSync(process.execPath, [join(root, 'node_modules/astro/astro.js'), 'build', '--config', 'editor/astro.config.mjs'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (result.status !== 0) {
  process.stdout.write(result.stdout);
  process.exit(result.status ?? 1);
}
const thirdParty = files(out).filter(
  (file) => /\.(js|html|css)$/.test(file) && /fonts\.(googleapis|gstatic)\.com/.test(readFileSync(file, 'utf8')),
);
if (thirdParty.length > 0) {
  console.error(`[editor] Der Editor würde Schriften von Google laden: ${thirdParty.map((f) => relative(root, f)).join(', ')}`);
  process.exit(1);
}
writeFileSync(stamp, digest);
console.log(`[editor] Editor gebaut in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
