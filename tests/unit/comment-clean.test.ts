import { describe, expect, it } from 'vitest';
import { cleanName, cleanText, MAX_COMBINING_MARKS } from '@/lib/comments/clean';
import { validateNewComment } from '@/lib/comments/validate';
import { format, formatParts } from '@/i18n/format';
import { de } from '@/i18n/de';
import { errorNotice, noticeFor } from '@/lib/comments/notices';

describe('cleanName', () => {
  it.each([
    ['\u202Eresu\u202C', 'resu'],
    ['Zero\u200BWidth\uFEFF', 'ZeroWidth'],
    ['Nul\u0000l', 'Null'],
    ['\u001b[31mRot\u001b[0m', 'Rot'],
    ['  Anna \n\t Müller  ', 'Anna Müller'],
    ['Jose\u0301', 'José'],
    ['👩‍🔧 Meisterin', '👩‍🔧 Meisterin'],
    ['\u200B\u2066\u200E', 'Gast'],
    ['\u0301\u0301', 'Gast'],
    ['', 'Gast'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanName(raw)).toBe(clean);
  });

  it(`caps combining marks at ${MAX_COMBINING_MARKS} per letter`, () => {
    // NFC first (a + ́ → á), then at most MAX_COMBINING_MARKS marks stay on it.
    expect(cleanName(`a${'\u0301'.repeat(79)}`)).toBe(`\u00e1${'\u0301'.repeat(MAX_COMBINING_MARKS)}`);
  });
});

describe('cleanText', () => {
  it('keeps line breaks and tabs, drops other control and format characters', () => {
    expect(cleanText('Zeile 1\r\nZeile\u0007 2\u2028drei\t4\u202E\u200B')).toBe('Zeile 1\nZeile 2\ndrei\t4');
  });

  it('is applied before the length check, so invisible padding does not count', () => {
    const result = validateNewComment({
      thread: 'x',
      text: `${'a'.repeat(5000)}${'\u200B'.repeat(50)}`,
      consent: true,
      website: '',
      author: '\u202E',
    });
    expect(result).toMatchObject({ ok: true, value: { author: 'Gast' } });
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(format('Kommentare: {n}', { n: 3 })).toBe('Kommentare: 3');
    expect(format('{n} Ergebnisse für „{q}“', { n: 0, q: '{n}' })).toBe('0 Ergebnisse für „{n}“');
    expect(format('{constructor}', {})).toBe('{constructor}');
    expect(formatParts(de.templates.replyTo, { name: 'Ann' })).toEqual([{ text: 'Antwort an ' }, { text: 'Ann', value: 'name' }]);
  });

  it('is what the dictionary functions use, so rewording a template changes every count', () => {
    expect(de.comments.count(7)).toBe(format(de.templates.commentCount, { n: 7 }));
    expect(de.search.results(2, 'avv')).toBe('2 Ergebnisse für „avv“');
    expect(de.search.results(1, 'avv')).toBe('1 Ergebnis für „avv“');
  });
});

describe('notices look up own properties only', () => {
  it.each(['valueOf', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])('?fehler=%s shows nothing', (code) => {
    expect(noticeFor(new URLSearchParams({ fehler: code }))).toBeUndefined();
  });

  it('a real code gives its German message and field', () => {
    expect(errorNotice('consent_required')).toEqual({ kind: 'error', message: de.apiErrors.consent_required, field: 'consent' });
  });
});
