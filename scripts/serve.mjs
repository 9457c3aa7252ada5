#!/usr/bin/env node
// @ts-check
/** `npm run serve`: starts the production server (server/main.ts, TypeScript loaded through tsx). */
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig (for the `@/` import alias), whatever folder the server is started from.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../server/main.ts');
