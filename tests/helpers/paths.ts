import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TEST_RUN = join(ROOT, '.tmp', 'test-run');
export const TEST_DIST = join(TEST_RUN, 'dist');
export const TEST_CLIENT = join(TEST_DIST, 'client');
export const TEST_CONTENT = join(TEST_RUN, 'content');
