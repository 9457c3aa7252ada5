/**
 * Serves the build's precompressed files (.gz written by scripts/precompress.mjs) to clients
 * that accept gzip. Everything else goes to Astro's handler.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export function compressedStatic(clientDir) {
  return (req, res) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) return false;
    let path;
    try {
      path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    } catch {
      return false; // malformed escape: let Astro answer it
    }
    const relative = normalize(path).replace(/^(\.\.[/\\])+/, '');
    let file = join(clientDir, relative);
    if (path.endsWith('/')) file = join(file, 'index.html');
    if (!file.startsWith(clientDir) || !TYPES[extname(file)] || !existsSync(`${file}.gz`)) return false;
    const stat = statSync(`${file}.gz`);
    res.setHeader('Content-Type', TYPES[extname(file)]);
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', stat.size);
    res.setHeader('Vary', 'Accept-Encoding');
    // Hashed assets never change; pages and the search index are revalidated.
    if (!res.hasHeader('Cache-Control')) {
      res.setHeader('Cache-Control', path.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate');
    }
    res.setHeader('Last-Modified', stat.mtime.toUTCString());
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    createReadStream(`${file}.gz`).pipe(res);
    return true;
  };
}
