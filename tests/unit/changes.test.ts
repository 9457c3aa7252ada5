import { describe, expect, it } from 'vitest';
import { changedParts, diffFacts, entryIds, newestFirst, type DataState } from '@/lib/messengers/changes';
import { checkChangeLog } from '@/lib/content-check/changes';
import { atomFeed } from '@/lib/messengers/atom';

const DAY = new Date('2026-12-03T00:00:00Z');
const base: DataState = {
  sicher: {
    phone: { value: 'Nicht nötig', level: 'no', source: 'A' },
    cost: { value: 'Lizenz pro Person', level: 'subscription', source: 'A' },
  },
};
const clone = (s: DataState): DataState => JSON.parse(JSON.stringify(s));

describe('change log: diff of two data states', () => {
  it('gives no entry when nothing a reader sees changed – a re-check that only moves the check date is not public', () => {
    const after = clone(base);
    // A re-check moves only the check date and the checker; the public log follows neither.
    Object.assign(after.sicher!.phone!, { checked: '2026-12-03', checkedBy: 'Anna Beispiel' });
    expect(diffFacts(base, after, DAY)).toEqual([]);
  });

  it('records a level and value change with old and new state', () => {
    const after = clone(base);
    after.sicher!.cost = { value: 'Preis nicht bestätigt', level: 'unknown', source: 'A' };
    const [entry, ...rest] = diffFacts(base, after, DAY);
    expect(rest).toEqual([]);
    expect(entry).toEqual({
      date: DAY,
      messenger: 'sicher',
      criterion: 'cost',
      old: { value: 'Lizenz pro Person', level: 'subscription', source: 'A' },
      new: { value: 'Preis nicht bestätigt', level: 'unknown', source: 'A' },
    });
    expect(changedParts(entry!)).toEqual(['value', 'level']);
  });

  it('records a source change and a new quote, carrying the quote, its language and gloss', () => {
    const after = clone(base);
    after.sicher!.phone = {
      value: 'Nicht nötig',
      level: 'no',
      source: 'B',
      quote: 'No phone number needed.',
      quoteLang: 'en',
      gloss: 'Keine Telefonnummer nötig.',
    };
    const [entry] = diffFacts(base, after, DAY);
    expect(entry!.new).toEqual({
      value: 'Nicht nötig',
      level: 'no',
      source: 'B',
      quote: 'No phone number needed.',
      quoteLang: 'en',
      gloss: 'Keine Telefonnummer nötig.',
    });
    expect(changedParts(entry!)).toEqual(['source', 'quote']);
    // Only the quote changed: still an entry, and it says so.
    const quoteOnly = clone(base);
    quoteOnly.sicher!.phone = { ...base.sicher!.phone!, quote: 'Keine Telefonnummer nötig.', quoteLang: 'de' };
    const [q] = diffFacts(base, quoteOnly, DAY);
    expect(changedParts(q!)).toEqual(['quote']);
  });

  it('records a fact that did not exist before without an old side', () => {
    const [entry] = diffFacts({}, base, DAY);
    expect(entry).toMatchObject({ messenger: 'sicher', criterion: 'phone' });
    expect(entry!.old).toBeUndefined();
  });

  it('lists newest first and gives each entry a stable id, repeated ones numbered', () => {
    const older = { ...diffFacts({}, base, new Date('2026-12-01T00:00:00Z'))[0]! };
    const newer = { ...older, date: DAY };
    expect(newestFirst([older, newer])[0]).toBe(newer);
    expect(entryIds([older, older])).toEqual(['2026-12-01-sicher-phone', '2026-12-01-sicher-phone-2']);
  });
});

describe('change log: content check', () => {
  const file = (text: string) => ({ file: 'content/aenderungen.yaml', source: text });
  const entry =
    'date: 2026-12-03\n  messenger: sicher\n  criterion: cost\n  old: { value: "Lizenz", level: subscription, source: A }\n  new: { value: "Unbekannt", level: unknown, source: A }\n';
  const check = (text: string) => checkChangeLog(file(text), new Set(['A']), new Set(['sicher']), new Date('2026-12-03T12:00:00Z'));

  it('passes a valid entry', () => {
    expect(check(`- ${entry}`)).toEqual([]);
  });

  it('refuses an entry without source, naming file, line and field', () => {
    expect(
      check(`- ${entry.replace('new: { value: "Unbekannt", level: unknown, source: A }', 'new: { value: "Unbekannt", level: unknown }')}`),
    ).toEqual([
      expect.objectContaining({
        file: 'content/aenderungen.yaml',
        line: 5,
        field: '0.new.source',
        message: expect.stringContaining('fehlt: Quelle'),
      }),
    ]);
  });

  it('refuses an unknown source, an unknown messenger and a date in the future', () => {
    const problems = check(
      `- ${entry.replace('2026-12-03', '2026-12-09').replace('messenger: sicher', 'messenger: gibtsnicht').replace('level: unknown, source: A', 'level: unknown, source: Z9')}`,
    );
    expect(problems.map((p) => p.field).sort()).toEqual(['[1].date', '[1].messenger', '[1].new.source']);
    expect(problems.find((p) => p.field === '[1].new.source')).toMatchObject({ line: 5, message: 'unbekannte Quelle „Z9“' });
  });
});

describe('Atom feed', () => {
  it('has the elements RFC 4287 requires and escapes text', () => {
    const xml = atomFeed({
      id: 'https://x.example/a/',
      title: 'Änderungen',
      link: 'https://x.example/a/',
      self: 'https://x.example/a.xml',
      author: 'Innung',
      entries: [{ id: 'https://x.example/a/#e1', title: 'A & B', link: 'https://x.example/a/#e1', updated: DAY, summary: '<jetzt>' }],
    });
    for (const el of [
      '<id>https://x.example/a/</id>',
      '<title>Änderungen</title>',
      '<updated>2026-12-03T00:00:00.000Z</updated>',
      '<author><name>Innung</name></author>',
      'rel="self"',
    ])
      expect(xml).toContain(el);
    expect(xml).toContain('<title>A &amp; B</title>');
    expect(xml).toContain('<summary type="text">&lt;jetzt&gt;</summary>');
  });
});
