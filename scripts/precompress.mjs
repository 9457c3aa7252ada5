// @ts-check
/**
 * Writes a .gz beside every text file of the static build, so the server (scripts/serve.mjs)
 * sends compressed bytes without compressing on each request. Runs last, after the search index.
 */
import { readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback, constants } from 'node:zlib';

const gzip = promisify(gzipCallback);
const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|svg|txt)$/;

/**
 * @param {string} dir
 * @returns {Promise<number>} how many files were compressed
 */
export async function precompress(dir) {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((file) => {
      if (!COMPRESSIBLE.test(file)) return false;
      const stat = statSync(file);
      return stat.isFile() && stat.size > 512;
    });
  // zlib works on libuv's thread pool: a few files at a time keep every core busy.
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = /** @type {string} */ (files[next++]);
      await writeFile(`${file}.gz`, await gzip(await readFile(file), { level: constants.Z_DEFAULT_COMPRESSION }));
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return files.length;
}
