/**
 * The environment for a child `astro build` or server started by a script or test. Vitest and
 * vite-node add NODE_ENV, DEV, PROD, MODE, …: passed on, they make the child build run in
 * development mode, where drafts are visible. Telemetry stays off (no request to another host).
 */
const TOOL_VARIABLES = ['NODE_ENV', 'DEV', 'PROD', 'SSR', 'MODE', 'BASE_URL', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID'];

export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const key of TOOL_VARIABLES) delete env[key];
  return { ...env, ...extra };
}
