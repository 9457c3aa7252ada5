import { describe, expect, it } from 'vitest';
import { createLog } from '../../server/log';

describe('server log lines', () => {
  it('escape control characters in fields and messages: a name with a newline cannot forge a line', () => {
    const lines: string[] = [];
    const log = createLog('text', (_level, line) => lines.push(line));
    log('info', 'Anmeldung fehlgeschlagen', { name: 'x\nAnmeldung (name=admin ergebnis=ok)\u202e\u0007', ergebnis: 'falsch' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/[\n\r\u0007\u202e]/);
    expect(lines[0]).toBe('Anmeldung fehlgeschlagen (name=x\\u000aAnmeldung (name=admin ergebnis=ok)\\u202e\\u0007 ergebnis=falsch)');
    const json: string[] = [];
    createLog('json', (_l, line) => json.push(line))('info', 'a\nb', { name: 'c\nd' });
    expect(json[0]).not.toContain('\n');
  });
});
