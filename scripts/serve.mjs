#!/usr/bin/env node
/**
 * Production server: the built static pages plus the on-demand routes (comments API,
 * moderation) from Astro's Node adapter, behind one set of security headers.
 * PORT (default 4321) and HOST (default localhost) override where it listens.
 */
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const distDir = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : fileURLToPath(new URL('../dist', import.meta.url));
const entry = join(distDir, 'server', 'entry.mjs');
if (!existsSync(entry)) {
  console.error('Kein Build gefunden. Bitte zuerst „npm run build“ ausführen (oder „npm start“, das baut und startet).');
  process.exit(1);
}
if (!existsSync(join(distDir, 'client', 'pagefind'))) {
  console.warn('Hinweis: Dieser Build hat keinen Suchindex. Bitte mit „npm run build“ bauen (nicht nur „astro build“).');
}
const { handler } = await import(pathToFileURL(entry).href);
const { securityHeaders } = await import('./security-headers.mjs');
const { compressedStatic } = await import('./static-files.mjs');
const serveCompressed = compressedStatic(join(distDir, 'client'));

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';

const server = createServer((req, res) => {
  // No request may take the server down: a failure here answers 500 and the server goes on.
  try {
    for (const [name, value] of securityHeaders(req.url ?? '/')) res.setHeader(name, value);
    if (serveCompressed(req, res)) return;
    Promise.resolve(handler(req, res)).catch((error) => fail(res, error));
  } catch (error) {
    fail(res, error);
  }
});

function fail(res, error) {
  console.error('Fehler bei einer Anfrage:', error);
  if (!res.headersSent) {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Interner Fehler');
  } else res.destroy();
}

server.listen(port, host, () => {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const lines = [
    `Innungswissen läuft auf http://${shown}:${port}/`,
    `Kommentare: ${process.env.COMMENTS_DB || './data/comments.db'} · Moderation ${process.env.COMMENTS_MODERATION === 'post' ? 'nachträglich (post)' : 'vor Veröffentlichung (pre)'}`,
    process.env.COMMENTS_ADMIN_TOKEN
      ? `Moderation: http://${shown}:${port}/admin/kommentare/`
      : 'Moderation ist ausgeschaltet. Zum Einschalten den Server mit COMMENTS_ADMIN_TOKEN=<langer geheimer Schlüssel> starten.',
  ];
  console.log(lines.join('\n'));
  // Open the comment database now (creating it and running migrations), not on the first reader's request.
  fetch(`http://${host.includes(':') ? `[${host}]` : host}:${port}/api/comments/counts?threads=`).catch((error) => {
    console.error('Die Kommentar-Datenbank konnte nicht geöffnet werden:', error);
  });
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
