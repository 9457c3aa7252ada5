#!/usr/bin/env node
/** `npm run serve`: starts the production server (server/main.ts, TypeScript loaded through tsx). */
import { register } from 'tsx/esm/api';

register();
await import('../server/main.ts');
