/** Build id and package version, for /api/health. */
import { version as packageVersion } from '../../../package.json';

// Replaced at build time by Vite's `define` in astro.config.mjs (the build's time, or INNUNGSWISSEN_BUILD_ID).
declare const __INNUNGSWISSEN_BUILD__: string | undefined;

export const buildId: string = typeof __INNUNGSWISSEN_BUILD__ === 'string' ? __INNUNGSWISSEN_BUILD__ : 'dev';
export const version: string = packageVersion;
