/**
 * One line per start-up event or request error; never an IP address or comment text.
 * LOG_FORMAT=json writes JSON lines for a log collector.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type Log = (level: LogLevel, message: string, fields?: Record<string, string | number | boolean | undefined>) => void;

const toStream = (level: LogLevel, line: string) => (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);

/** Line breaks, other control characters and bidi overrides in a value cannot forge or hide a log line. */
export function escapeLogText(value: string): string {
  return value.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function createLog(format: 'text' | 'json', write: (level: LogLevel, line: string) => void = toStream): Log {
  return (level, message, fields = {}) => {
    if (format === 'json') {
      write(level, JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
      return;
    }
    const extra = Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${escapeLogText(String(v))}`)
      .join(' ');
    write(
      level,
      `${level === 'info' ? '' : `${level === 'warn' ? 'Warnung' : 'Fehler'}: `}${escapeLogText(message)}${extra ? ` (${extra})` : ''}`,
    );
  };
}
