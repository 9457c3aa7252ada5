/** Build id and package version, for /api/health. */
import { version as packageVersion } from '../../../package.json';

// Replaced at build time by Vite's `define` in astro.config.mjs (the build's time, or INNUNGSWISSEN_BUILD_ID).
declare const __INNUNGSWISSEN_BUILD__: string | undefined;

export const buildId: string = typeof __INNUNGSWISSEN_BUILD__ === 'string' ? __INNUNGSWISSEN_BUILD__ : 'dev';
export const version: string = packageVersion;

// Replaced at build time (astro.config.mjs): the kennung of the site of several guilds this build is for, '' for one guild.
declare const __INNUNGSWISSEN_SITE__: string | undefined;

export const buildSite: string = typeof __INNUNGSWISSEN_SITE__ === 'string' ? __INNUNGSWISSEN_SITE__ : '';
