import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { confirmFact, factVersion, factVersions } from '@/lib/editor/facts-recheck';
import { cleanNote, disputeText, parseDisputes, DISPUTE_NOTE_MAX } from '@/lib/editor/facts-disputes';
import { factsList, filterRows } from '@/lib/editor/facts-list';
import { refusalPage } from '@/lib/editor/facts-answer';
import { de } from '@/i18n/de';
import { ROOT } from '../helpers/paths';

const FIXTURES = join(ROOT, 'tests/fixtures/content');
const fixture = (id: string) => readFileSync(join(FIXTURES, 'messengers', `${id}.yaml`), 'utf8');

/** A messenger file in the block style of content/messengers/, with comments and a folded quote. */
const BLOCK = `# Geprüft gegen die Datenschutzhinweise von Anbieter A.
name: Sicher Work
facts:
  operator:
    value: Beispiel GmbH, Zürich (Schweiz)
    level: ch
    source: A # Anbieter A
    verified: true
    quote: >-
      Verantwortlich ist die Beispiel GmbH mit Sitz in Zürich; die Daten liegen auf eigenen Servern in
      der Schweiz.
    quoteLang: de
    checked: 2026-12-01
    checkedBy: Redaktion
  servers:
    value: "Eigene Server in der Schweiz"
    level: ch
    source: A
    verified: false
    quote: 'Die Daten liegen auf eigenen Servern in der Schweiz.'
    quoteLang: de

  # Noch nicht gelesen.
  phone:
    value: Nicht nötig
    level: 'no'
    source: A
assessment: >-
  Ein langer Text, der über mehrere Zeilen gefaltet ist und beim erneuten Schreiben der ganzen Datei
  anders umbrochen werden könnte.
`;

/** Lines of `after` that differ from `before` (same length assumed where lines were only replaced). */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

const request = { by: 'Anna Beispiel', today: '2026-12-03' };

describe('"Stimmt noch": the YAML update', () => {
  it('replaces only the fact’s check date and checker, keeping comments, folding and quoting of the whole file', () => {
    const result = confirmFact(BLOCK, { ...request, criterion: 'operator' });
    expect(result.ok).toBe(true);
    const text = (result as { text: string }).text;
    expect(changedLines(BLOCK, text)).toEqual({
      removed: ['    checked: 2026-12-01', '    checkedBy: Redaktion'],
      added: ['    checked: 2026-12-03', '    checkedBy: Anna Beispiel'],
    });
    const data = parse(text);
    expect(data.facts.operator).toMatchObject({ checked: '2026-12-03', checkedBy: 'Anna Beispiel', verified: true });
    expect(data.facts.servers).toEqual(parse(BLOCK).facts.servers);
  });

  it('adds the two fields at the end of a fact that had none, in its indentation, before the blank line and comment', () => {
    const result = confirmFact(BLOCK, { ...request, criterion: 'servers' });
    const text = (result as { text: string }).text;
    expect(text).toContain('    quoteLang: de\n    checked: 2026-12-03\n    checkedBy: Anna Beispiel\n\n  # Noch nicht gelesen.\n  phone:');
    expect(changedLines(BLOCK, text).removed).toEqual([]);
    // verified stays as it was: a re-check confirms the words were read again, the web person decides the rest.
    expect(parse(text).facts.servers.verified).toBe(false);
  });

  it('edits a fact written as a flow map in place (the fixture style) and quotes a name YAML would misread', () => {
    const source = fixture('sicher-work');
    const result = confirmFact(source, { criterion: 'e2ee', by: 'Müller: Anna', today: '2026-12-03' });
    const text = (result as { text: string }).text;
    const line = text.split('\n').find((l) => l.startsWith('  e2ee:'))!;
    expect(line).toContain('checked: 2026-12-03, checkedBy: "Müller: Anna"');
    expect(parse(text).facts.e2ee.checkedBy).toBe('Müller: Anna');
    expect(text.split('\n').filter((l) => !l.startsWith('  e2ee:'))).toEqual(source.split('\n').filter((l) => !l.startsWith('  e2ee:')));
  });

  it('refuses a fact without the source’s own words, with a German reason, and changes nothing', () => {
    const result = confirmFact(BLOCK, { ...request, criterion: 'phone' });
    expect(result).toEqual({ ok: false, status: 422, reason: de.factsReview.noQuote });
    expect(de.factsReview.noQuote).toMatch(/^Nicht gespeichert: .*Worte der Quelle/);
  });

  it('refuses with 409 and the current state when the fact changed since the list was shown', () => {
    const version = factVersions(BLOCK).operator!;
    expect(confirmFact(BLOCK, { ...request, criterion: 'operator', version }).ok).toBe(true);
    const edited = BLOCK.replace('value: Beispiel GmbH, Zürich (Schweiz)', 'value: Beispiel AG, Zürich (Schweiz)');
    const result = confirmFact(edited, { ...request, criterion: 'operator', version });
    expect(result).toMatchObject({
      ok: false,
      status: 409,
      reason: de.factsReview.changed,
      current: { value: 'Beispiel AG, Zürich (Schweiz)' },
    });
  });

  it('refuses an unknown criterion (404) and an unreadable file (422)', () => {
    expect(confirmFact(BLOCK, { ...request, criterion: 'nichts' })).toMatchObject({ ok: false, status: 404 });
    expect(confirmFact('facts: [a, b\n', { ...request, criterion: 'operator' })).toMatchObject({
      ok: false,
      status: 422,
      reason: de.factsReview.unreadableFile,
    });
  });

  it('gives every fact a version that changes with any of its fields', () => {
    const versions = factVersions(BLOCK);
    expect(Object.keys(versions)).toEqual(['operator', 'servers', 'phone']);
    expect(factVersion({ a: 1 })).not.toBe(factVersion({ a: 2 }));
    expect(versions.operator).toBe(factVersion(parse(BLOCK).facts.operator));
  });
});

describe('"Stimmt nicht mehr": notes for the web person', () => {
  it('appends a note with a header to a new file, and reads it back', () => {
    const entry = {
      date: '2026-12-03',
      messenger: 'sicher-work',
      criterion: 'cost',
      by: 'Anna Beispiel',
      note: 'Die Preisseite nennt jetzt 4 € pro Person.',
      version: 'abc',
    };
    const text = disputeText(entry, '');
    expect(text.startsWith('# ')).toBe(true);
    const both = text + disputeText({ ...entry, criterion: 'avv' }, text);
    expect(parseDisputes(both).map((d) => d.criterion)).toEqual(['cost', 'avv']);
    expect(parseDisputes('kein: yaml: [')).toEqual([]);
  });

  it('accepts a note of sensible length only', () => {
    expect(cleanNote('  zu kurz ')).toBeUndefined();
    expect(cleanNote('x'.repeat(DISPUTE_NOTE_MAX + 1))).toBeUndefined();
    expect(cleanNote(' Die Quelle sagt jetzt etwas anderes. ')).toBe('Die Quelle sagt jetzt etwas anderes.');
  });
});

describe('the facts list', () => {
  const messengers = ['offen', 'plauder', 'plauder-api', 'sicher-work'].map((id) => ({ id, text: fixture(id) }));
  const sources = Object.fromEntries(['A', 'B', 'V'].map((k) => [k, parse(readFileSync(join(FIXTURES, 'sources', `${k}.yaml`), 'utf8'))]));
  const now = new Date('2026-12-03T10:00:00Z');

  it('orders by need: unconfirmed first, confirmed facts after, oldest check first', () => {
    const older = fixture('sicher-work').replace(
      /checked: 2026-12-01, checkedBy: Redaktion, gloss/,
      'checked: 2025-06-01, checkedBy: Redaktion, gloss',
    );
    const { rows, unreadable } = factsList({
      messengers: [...messengers.slice(0, 3), { id: 'sicher-work', text: older }],
      sources,
      disputes: [],
      now,
    });
    expect(unreadable).toEqual([]);
    expect(rows).toHaveLength(48);
    const confirmed = rows.filter((r) => r.confirmed);
    expect(rows.slice(-confirmed.length)).toEqual(confirmed);
    expect(confirmed.map((r) => `${r.criterion} ${r.checked}`)).toEqual(['e2ee 2025-06-01', 'operator 2026-12-01', 'avv 2026-12-01']);
    expect(confirmed[0]).toMatchObject({ stale: true, checkedBy: 'Redaktion', source: { key: 'V' } });
    expect(confirmed[1]).toMatchObject({
      stale: false,
      criterionLabel: 'Anbieter und Sitz',
      source: { title: expect.stringContaining('Anbieter A'), url: 'https://a.example.org/datenschutz' },
    });
    expect(filterRows(rows, { messenger: 'sicher-work', staleOnly: true }).map((r) => r.criterion)).not.toContain('operator');
    expect(filterRows(rows, { criterion: 'avv' })).toHaveLength(4);
  });

  it('shows a note while the fact is unchanged, and no longer once the fact was changed', () => {
    const version = factVersions(fixture('sicher-work')).cost!;
    const note = {
      date: new Date('2026-12-02T00:00:00Z'),
      messenger: 'sicher-work',
      criterion: 'cost',
      by: 'Anna Beispiel',
      note: 'Preis ist gestiegen.',
      version,
    };
    const open = factsList({ messengers, sources, disputes: [note], now }).rows.find(
      (r) => r.messengerId === 'sicher-work' && r.criterion === 'cost',
    )!;
    expect(open.disputes).toHaveLength(1);
    const fixed = fixture('sicher-work').replace('Lizenz pro Person und Monat', 'Lizenz pro Person und Monat, 4 €');
    const closed = factsList({ messengers: [{ id: 'sicher-work', text: fixed }], sources, disputes: [note], now }).rows.find(
      (r) => r.criterion === 'cost',
    )!;
    expect(closed.disputes).toEqual([]);
  });

  it('names a messenger file it cannot read instead of failing', () => {
    expect(factsList({ messengers: [{ id: 'kaputt', text: 'name: [' }], sources, disputes: [], now }).unreadable).toEqual(['kaputt']);
  });
});

describe('the answer to a refused action', () => {
  it('is German, escapes what it shows and links back to the list', () => {
    const page = refusalPage(de.factsReview.changed, '/redaktion/fakten/', { value: '<b>neu</b>', checkedBy: 'Anna', level: 'ch' });
    expect(page).toContain('lang="de"');
    expect(page).toContain('&#60;b&#62;neu&#60;/b&#62;');
    expect(page).toContain(`<dt>${de.factsReview.checkedByLabel}</dt><dd>Anna</dd>`);
    expect(page).not.toContain('level');
    expect(page).toContain('href="/redaktion/fakten/"');
  });
});
