/**
 * The HTTP server around a request handler: slow-client limits, malformed requests answered without the
 * handler, and a clean stop on SIGINT/SIGTERM (running requests may finish). Used by the server for several
 * guild (main.ts) and for several guilds (many-sites.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Log } from './log';
import type { ServerSettings } from './settings';

export interface ListenHooks {
  /** Lines to print once listening, before the ready line (gets the address, e.g. http://localhost:4321). */
  ready?: (base: string) => void;
  /** Called as soon as a stop begins, before running requests finish (stop schedulers, builds). */
  stopping?: () => void;
  /** Called after the last request: close databases, wait for backups. */
  close: () => Promise<void> | void;
}

export function listen(
  settings: ServerSettings,
  log: Log,
  handle: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
  hooks: ListenHooks,
): void {
  let inFlight = 0;
  let stopping = false;
  // Slow clients may not hold a connection for minutes: whole request 30 s, headers 10 s, checked every 2 s.
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000, connectionsCheckingInterval: 2_000 }, (req, res) => {
    inFlight++;
    res.once('close', () => inFlight--);
    // While stopping, keep-alive connections end after their current answer.
    if (stopping) res.setHeader('Connection', 'close');
    void handle(req, res);
  });
  server.keepAliveTimeout = 5_000;
  server.maxConnections = 1_000;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code?.startsWith('ECONN')) return void socket.destroy();
    // Too slow (headers or body past their timeout) is 408; anything unparsable is 400.
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  server.listen(settings.port, settings.host, () => {
    const shown = settings.host === '0.0.0.0' || settings.host === '::' ? 'localhost' : settings.host;
    const base = `http://${shown.includes(':') ? `[${shown}]` : shown}:${settings.port}`;
    hooks.ready?.(base);
    // Last: scripts and tests wait for this line, and everything above is printed by then.
    log('info', `Innungswissen läuft auf ${base}/`);
  });

  async function stop(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    log(
      'info',
      `${signal} erhalten: nehme keine neuen Anfragen an, laufende dürfen noch ${settings.shutdownGraceMs / 1000} s fertig werden.`,
    );
    server.close();
    server.closeIdleConnections();
    hooks.stopping?.();
    const deadline = Date.now() + settings.shutdownGraceMs;
    while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    if (inFlight > 0) log('warn', `${inFlight} Anfragen nach ${settings.shutdownGraceMs / 1000} s abgebrochen`);
    server.closeAllConnections();
    await hooks.close();
    log('info', 'Server sauber beendet.');
    process.exit(0);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));
}
