#!/usr/bin/env node
/**
 * `npm run build:editor`: builds the browser editor (editor/astro.config.mjs) into dist-editor/,
 * but only when its inputs changed since the last build (a hash of the editor's files, the
 * schemas it shares and the lock file). The editor is 2.8 MB of React; a publish never rebuilds it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist-editor');
const stamp = join(out, '.inputs-hash');
const INPUTS = ['editor', 'src/lib/posts/schema.ts', 'src/lib/messengers/criteria.ts', 'src/lib/messengers/schema.ts', 'package-lock.json'];

function files(path) {
  if (!existsSync(path)) return [];
  return statSync(path).isDirectory() ? readdirSync(path).sort().flatMap((name) => files(join(path, name))) : [path];
}

const hash = createHash('sha256');
for (const file of INPUTS.flatMap((input) => files(join(root, input)))) hash.update(relative(root, file)).update(readFileSync(file));
const digest = hash.digest('hex');

if (!process.argv.includes('--force') && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest && existsSync(join(out, 'keystatic', 'index.html'))) {
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
const thirdParty = files(out).filter((file) => /\.(js|html|css)$/.test(file) && /fonts\.(googleapis|gstatic)\.com/.test(readFileSync(file, 'utf8')));
if (thirdParty.length > 0) {
  console.error(`[editor] Der Editor würde Schriften von Google laden: ${thirdParty.map((f) => relative(root, f)).join(', ')}`);
  process.exit(1);
}
writeFileSync(stamp, digest);
console.log(`[editor] Editor gebaut in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
