/**
 * One line per start-up event or request error; never an IP address or comment text.
 * LOG_FORMAT=json writes JSON lines for a log collector.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type Log = (level: LogLevel, message: string, fields?: Record<string, string | number | boolean | undefined>) => void;

const toStream = (level: LogLevel, line: string) => (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);

export function createLog(format: 'text' | 'json', write: (level: LogLevel, line: string) => void = toStream): Log {
  return (level, message, fields = {}) => {
    if (format === 'json') {
      write(level, JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
      return;
    }
    const extra = Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    write(level, `${level === 'info' ? '' : `${level === 'warn' ? 'Warnung' : 'Fehler'}: `}${message}${extra ? ` (${extra})` : ''}`);
  };
}
