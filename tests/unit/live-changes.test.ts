import { describe, expect, it } from 'vitest';
import { whatGoesLive } from '@/lib/editor/live-changes';

const post = (title: string, extra = '', body = 'Erster Absatz.\n\nZweiter Absatz.\n') =>
  `---\ntitle: ${title}\ndescription: Eine Beschreibung, die lang genug ist.\npubDate: 2026-01-10\ncategory: Betrieb\ntags: [innung]\n${extra}---\n\n${body}`;
const messenger = (level: string, value: string) =>
  `name: Sicher Work\naliases: []\ncategory: Messenger\nsummary: Kurz.\nfacts:\n  cost:\n    value: ${value}\n    level: ${level}\n    source: T1\nassessment: Lang.\n`;
const TODAY = '2026-12-03';

describe('what goes live: saved content against the live content', () => {
  const live = new Map([
    ['posts/a.mdx', post('Alter Titel')],
    ['posts/weg.mdx', post('Gelöschter Beitrag')],
    ['messengers/sicher.yaml', messenger('subscription', 'Lizenz pro Person')],
    ['sources/T1.yaml', 'title: Preisliste des Anbieters\nurl: https://example.org\n'],
  ]);

  it('names entries by title and fields by their German label, old → new, with the text as a line diff', () => {
    const saved = new Map([
      ['posts/a.mdx', post('Neuer Titel', '', 'Erster Absatz.\n\nZweiter Absatz, ergänzt.\n')],
      ['posts/geplant.mdx', post('Einladung zum Innungstag').replace('2026-01-10', '2026-12-10')],
      ['posts/entwurf.mdx', post('Halb fertig', 'draft: true\n')],
      ['messengers/sicher.yaml', messenger('free', 'Kostenlos')],
      ['sources/T1.yaml', 'title: Preisliste des Anbieters\nurl: https://example.org\n'],
    ]);
    const { changes, scheduled, token } = whatGoesLive(live, saved, TODAY);
    const a = changes.find((c) => c.slug === 'a')!;
    expect(a).toMatchObject({ kind: 'changed', title: 'Neuer Titel', post: { state: 'live' } });
    expect(a.fields).toEqual([{ label: 'Titel', before: 'Alter Titel', after: 'Neuer Titel' }]);
    expect(a.body).toEqual([
      { kind: 'same', text: 'Erster Absatz.' },
      { kind: 'removed', text: 'Zweiter Absatz.' },
      { kind: 'added', text: 'Zweiter Absatz, ergänzt.' },
    ]);
    expect(changes.find((c) => c.slug === 'geplant')).toMatchObject({ kind: 'new', post: { state: 'scheduled', day: '10.12.2026' } });
    expect(changes.find((c) => c.slug === 'entwurf')).toMatchObject({ kind: 'new', post: { state: 'draft' } });
    expect(changes.find((c) => c.slug === 'weg')).toMatchObject({ kind: 'removed', title: 'Gelöschter Beitrag' });
    const fact = changes.find((c) => c.collection === 'messengers')!;
    expect(fact.title).toBe('Sicher Work');
    expect(fact.fields).toEqual([
      { label: 'Kosten (kleiner Betrieb): Angabe', before: 'Lizenz pro Person', after: 'Kostenlos' },
      { label: 'Kosten (kleiner Betrieb): Einstufung', before: expect.any(String), after: expect.any(String) },
    ]);
    expect(fact.fields[1]!.before).not.toBe('subscription');
    // Posts first, then messengers; no path, key or YAML anywhere in what the clerk reads.
    expect(changes.map((c) => c.collection)).toEqual(['posts', 'posts', 'posts', 'posts', 'messengers']);
    const shown = JSON.stringify(changes.map((c) => [c.title, c.fields]));
    expect(shown).not.toMatch(/\.mdx|\.yaml|posts\/|facts\.|pubDate|level/);
    expect(scheduled).toEqual([{ slug: 'geplant', title: 'Einladung zum Innungstag', pubDate: '2026-12-10', day: '10.12.2026' }]);
    // The token follows the list: another save gives another token.
    saved.set('posts/a.mdx', post('Noch ein Titel'));
    expect(whatGoesLive(live, saved, TODAY).token).not.toBe(token);
  });

  it('nothing saved since the last publish: an empty list; a file saved again in another form is no change', () => {
    const saved = new Map(live);
    saved.delete('posts/weg.mdx');
    saved.set('posts/weg.mdx', live.get('posts/weg.mdx')!.replace('title: Gelöschter Beitrag', "title: 'Gelöschter Beitrag'"));
    expect(whatGoesLive(live, saved, TODAY).changes).toEqual([]);
  });
});
