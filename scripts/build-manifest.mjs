// @ts-check
/**
 * The seal on a build's server code. The publisher starts `scripts/build.mjs` with a fresh random
 * nonce on its standard input (read and drained before Astro starts, so no code a build runs can
 * read it from there) and a private pipe as file descriptor 3. When Astro has finished — the
 * moment `server/` is final; the steps after it write only `client/` — build.mjs hashes every
 * file under `server/` and sends the list, with an HMAC under the nonce, through that pipe. The
 * seal never lies in the build folder, and without the nonce nobody can forge one. The publisher
 * checks the HMAC, and hashes the files again right before it switches the server to the build:
 * a file changed, added or removed after the build's own hashing is refused.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { closeSync, lstatSync, readFileSync, readSync, readdirSync, writeSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Set by the publisher: stdin carries the nonce, fd 3 takes the seal. */
export const SEAL_ENV = 'INNUNGSWISSEN_BUILD_SEAL';
const SEAL_FD = 3;

/**
 * sha256 of every file below `dir` (paths relative, with "/"), sorted. A symbolic link or anything
 * that is not a plain file or folder makes the tree unsealable.
 * @param {string} dir
 * @returns {Record<string, string>}
 */
export function hashTree(dir) {
  /** @type {Record<string, string>} */
  const files = {};
  const walk = (/** @type {string} */ folder) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile())
        files[relative(dir, path).split(sep).join('/')] = createHash('sha256').update(readFileSync(path)).digest('hex');
      else throw new Error(`${relative(dir, path)} ist weder Datei noch Ordner`);
    }
  };
  walk(dir);
  return files;
}

/** @param {string} nonce @param {Record<string, string>} files */
function mac(nonce, files) {
  return createHmac('sha256', nonce)
    .update(JSON.stringify(Object.entries(files)))
    .digest('hex');
}

/**
 * In build.mjs, at the start: the nonce, when the publisher started this build (else undefined).
 * Reads standard input to its end, so nothing started later finds it there.
 * @returns {string | undefined}
 */
export function readSealNonce() {
  if (process.env[SEAL_ENV] !== '1') return undefined;
  delete process.env[SEAL_ENV];
  const chunks = [];
  const buffer = Buffer.alloc(256);
  for (;;) {
    let n = 0;
    try {
      n = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EAGAIN') continue;
      throw error;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  const nonce = Buffer.concat(chunks).toString('utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(nonce)) throw new Error('[build] Kein gültiges Siegel-Nonce auf der Standardeingabe.');
  return nonce;
}

/**
 * In build.mjs, once Astro has finished: hashes `<outDir>/server` and sends the sealed list on fd 3.
 * @param {string} outDir
 * @param {string} nonce
 */
export function sendSeal(outDir, nonce) {
  const files = hashTree(join(outDir, 'server'));
  writeSync(SEAL_FD, `${JSON.stringify({ files, mac: mac(nonce, files) })}\n`);
  closeSync(SEAL_FD);
}

/**
 * In the publisher: the sealed file list from what arrived on fd 3, or undefined when it is
 * missing, malformed or not made with this nonce.
 * @param {string} text
 * @param {string} nonce
 * @returns {Record<string, string> | undefined}
 */
export function openSeal(text, nonce) {
  try {
    const seal = /** @type {{ files?: unknown; mac?: unknown }} */ (JSON.parse(text.trim()));
    if (typeof seal.mac !== 'string' || !seal.files || typeof seal.files !== 'object') return undefined;
    const files = /** @type {Record<string, string>} */ (seal.files);
    if (Object.values(files).some((h) => typeof h !== 'string')) return undefined;
    const expected = Buffer.from(mac(nonce, files), 'hex');
    const given = Buffer.from(seal.mac, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected) ? files : undefined;
  } catch {
    return undefined;
  }
}

/**
 * In the publisher, right before the switch: the first difference between `<outDir>/server` now and
 * its seal, or undefined when every file is exactly as the build hashed it.
 * @param {string} outDir
 * @param {Record<string, string>} sealed
 * @returns {string | undefined}
 */
export function sealDifference(outDir, sealed) {
  let now;
  try {
    now = hashTree(join(outDir, 'server'));
  } catch (error) {
    return /** @type {Error} */ (error).message;
  }
  for (const [file, hash] of Object.entries(now))
    if (sealed[file] !== hash) return `server/${file} ${sealed[file] ? 'geändert' : 'hinzugefügt'}`;
  for (const file of Object.keys(sealed)) if (!(file in now)) return `server/${file} entfernt`;
  return undefined;
}
