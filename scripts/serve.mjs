#!/usr/bin/env node
// @ts-check
/**
 * `npm run serve`: starts the production server (TypeScript loaded through tsx): server/main.ts for one guild,
 * server/many-sites.ts when sites/ holds guild folders (issue 26) and no fixed build (DIST_DIR) is asked for.
 */
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig (for the `@/` import alias), whatever folder the server is started from.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { hasSites } = await import('../src/adapters/sites/read-sites.ts');
const { sitesDir } = await import('../src/lib/config/data-paths.ts');
const root = fileURLToPath(new URL('..', import.meta.url));
if (!process.env.DIST_DIR && hasSites(sitesDir(root, process.env))) await import('../server/many-sites.ts');
else await import('../server/main.ts');
