/**
 * The environment for a child `astro build` or server started by a script or test. Vitest and
 * vite-node add NODE_ENV, DEV, PROD, MODE, …: passed on, they make the child build run in
 * development mode, where drafts are visible. Telemetry stays off (no request to another host).
 */
const TOOL_VARIABLES = [
  'NODE_ENV',
  'DEV',
  'PROD',
  'SSR',
  'MODE',
  'BASE_URL',
  'TEST',
  'VITEST',
  'VITEST_MODE',
  'VITEST_POOL_ID',
  'VITEST_WORKER_ID',
];

export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const key of TOOL_VARIABLES) delete env[key];
  return { ...env, ...extra };
}

/** What a build (publish or preview) may read from the server's environment: the system basics and the build's settings. */
const BUILD_NAMES = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TMP',
  'TEMP',
  'NODE_OPTIONS',
  'SystemRoot',
  'INNUNGSWISSEN_CONTENT_DIR',
  'INNUNGSWISSEN_PREVIEW',
  'INNUNGSWISSEN_BUILD_ID',
  'INNUNGSWISSEN_LIVE',
  'OG_IMAGES',
  'OG_CACHE_DIR',
]);
/** Named above on purpose although their names look like paths: the content folder and the share pictures' cache. */
const BUILD_PATHS = new Set(['INNUNGSWISSEN_CONTENT_DIR', 'OG_CACHE_DIR']);
const BUILD_PREFIXES = ['LC_', 'PUBLIC_', 'COMMENTS_'];
/** Never to a build, whatever the prefix: secrets and the paths of databases and backups. */
const NEVER_TO_A_BUILD = /TOKEN|SECRET|PASSW|CREDENTIAL|PRIVATE|(^|_)KEY$|_DB$|_DIR$|^COMMENTS_ALLOWED_ORIGINS$/;

/**
 * The environment of a publish or preview build: an allow-list, so the moderation token, the
 * databases' paths and anything else in /etc/innungswissen.env never reach code a build runs.
 * NODE_ENV is kept only as "production" (the release check reads it); `extra` wins.
 */
export function buildEnv(source: NodeJS.ProcessEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ASTRO_TELEMETRY_DISABLED: '1' };
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined || (NEVER_TO_A_BUILD.test(key) && !BUILD_PATHS.has(key))) continue;
    if (BUILD_NAMES.has(key) || BUILD_PREFIXES.some((prefix) => key.startsWith(prefix))) env[key] = value;
  }
  if (source.NODE_ENV === 'production') env.NODE_ENV = 'production';
  return { ...env, ...extra };
}
