import { describe, expect, it } from 'vitest';
import { clerkProblems } from '@/lib/editor/clerk-errors';

describe('a refused publish in the clerk’s words', () => {
  const titles = new Map([
    ['posts/einladung', 'Einladung zum Innungstag'],
    ['messengers/element', 'Element (Matrix)'],
  ]);
  const titleOf = (collection: string, slug: string) => titles.get(`${collection}/${slug}`);

  it('names the entry by title and the field by its German label; no path, line number or YAML key', () => {
    const error = [
      'content/posts/einladung.mdx:4 – pubDate – erwartet ein Datum im Format JJJJ-MM-TT, z. B. 2019-03-01 – Schreiben Sie pubDate: 2026-12-10',
      'messengers/element.yaml:31 – facts.cost.source – unbekannte Quelle „Kuketz Messenger-Matrix“ – eine bestätigte Angabe braucht eine vorhandene Quelle – Wählen Sie eine Quelle',
      'posts/einladung.mdx:12 – Bild – Das Bild braucht eine Beschreibung. – Ergänzen Sie sie',
      'posts/unbekannt.mdx:2 – weirdKey – stimmt nicht – so',
    ].join('\n');
    const problems = clerkProblems(error, titleOf);
    expect(problems).toEqual([
      {
        collection: 'posts',
        slug: 'einladung',
        title: 'Einladung zum Innungstag',
        field: 'Erscheint am',
        message: 'erwartet ein Datum im Format JJJJ-MM-TT, z. B. 2019-03-01',
      },
      {
        collection: 'messengers',
        slug: 'element',
        title: 'Element (Matrix)',
        field: 'Kosten (kleiner Betrieb): Quelle',
        message: 'unbekannte Quelle „Kuketz Messenger-Matrix“ – eine bestätigte Angabe braucht eine vorhandene Quelle',
      },
      {
        collection: 'posts',
        slug: 'einladung',
        title: 'Einladung zum Innungstag',
        field: 'Bild',
        message: 'Das Bild braucht eine Beschreibung.',
      },
      { collection: 'posts', slug: 'unbekannt', title: 'unbekannt', field: 'weitere Angabe', message: 'stimmt nicht' },
    ]);
    expect(JSON.stringify(problems)).not.toMatch(/\.mdx|\.yaml|:\d+ –|pubDate|facts\.|weirdKey/);
  });

  it('a build that failed for another reason has no content problems', () => {
    expect(clerkProblems('Der Build wurde abgebrochen (SIGTERM). Die Seite bleibt unverändert.', titleOf)).toEqual([]);
  });
});
