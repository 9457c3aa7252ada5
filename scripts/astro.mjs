#!/usr/bin/env node
// @ts-check
/**
 * Runs the Astro CLI with telemetry off (no request to another host), the same way on every
 * operating system: `VAR=value command` prefixes in package.json do not work in Windows' shell.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const astro = fileURLToPath(new URL('../node_modules/astro/astro.js', import.meta.url));
const result = spawnSync(process.execPath, [astro, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
process.exit(result.status ?? 1);
