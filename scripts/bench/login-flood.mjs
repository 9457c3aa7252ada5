// @ts-check
/**
 * The login flood of the bench's login section, in a process of its own (200 clients sharing the
 * measuring process's event loop would measure the bench, not the server). Every request comes
 * from another address with another name. Usage: node login-flood.mjs <base URL> <seconds>;
 * prints the answers' status counts as JSON when done (or on SIGTERM).
 */
import autocannon from 'autocannon';

const [base, seconds = '60'] = process.argv.slice(2);
let n = 0;
const instance = autocannon(
  {
    url: `${base}/redaktion/anmelden/`,
    connections: 200,
    duration: Number(seconds),
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          n++;
          const body = new URLSearchParams({ name: `Flut ${n}`, passwort: 'falsches-passwort' }).toString();
          const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
          return {
            ...req,
            headers: { 'content-type': 'application/x-www-form-urlencoded', origin: String(base), 'x-forwarded-for': ip },
            body,
          };
        },
      },
    ],
  },
  (_error, result) => {
    const counts = Object.fromEntries(Object.entries(result?.statusCodeStats ?? {}).map(([status, { count }]) => [status, count]));
    process.stdout.write(`${JSON.stringify(counts)}\n`);
    process.exit(0);
  },
);
process.on('SIGTERM', () => instance.stop());
