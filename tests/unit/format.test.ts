import { describe, expect, it } from 'vitest';
import { formatDate, readingTime } from '@/lib/posts/format';
import { relatedPostsByPost, sortByDate } from '@/lib/posts/listing';
import { inlineSources, mergeSources, sourceId } from '@/lib/posts/sources';

describe('dates and reading time', () => {
  it('writes dates the German way', () => {
    expect(formatDate(new Date('2019-03-01T00:00:00Z'))).toBe('1. März 2019');
  });

  it('counts about 200 words a minute and ignores markup', () => {
    const body = `${'Wort '.repeat(600)}<Hinweis titel="x">kurz</Hinweis> [Link](https://example.org/${'a'.repeat(50)})`;
    expect(readingTime(body)).toBe(3);
    expect(readingTime('')).toBe(1);
  });
});

const entry = (id: string, date: string, tags: string[]) => ({
  id,
  data: { title: id, pubDate: new Date(`${date}T00:00:00Z`), tags },
});

describe('listings', () => {
  it('sorts newest first', () => {
    const sorted = sortByDate([entry('alt', '2019-01-01', []), entry('neu', '2026-01-01', [])]);
    expect(sorted.map((p) => p.id)).toEqual(['neu', 'alt']);
  });

  it('relates posts by shared tags, most shared first, never the post itself', () => {
    const a = entry('a', '2026-01-01', ['whatsapp', 'datenschutz']);
    const all = sortByDate([
      a,
      entry('b', '2026-02-01', ['datenschutz']),
      entry('c', '2025-01-01', ['whatsapp', 'datenschutz']),
      entry('d', '2026-03-01', ['backen']),
      entry('e', '2026-01-15', ['datenschutz']),
    ]);
    expect(
      relatedPostsByPost(all)
        .get('a')!
        .map((p) => p.id),
    ).toEqual(['c', 'b', 'e']);
    expect(
      relatedPostsByPost(all, 2)
        .get('a')!
        .map((p) => p.id),
    ).toEqual(['c', 'b']);
    expect(relatedPostsByPost(all).get('d')).toEqual([]);
  });

  it('relates by shared tags exactly as comparing every pair would', () => {
    const tags = ['a', 'b', 'c', 'd', 'e', 'f'];
    const posts = sortByDate(
      Array.from({ length: 200 }, (_, i) =>
        entry(`p${i}`, `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`, [tags[i % 6]!, tags[(i * 7) % 6]!, tags[(i * 13) % 5]!]),
      ),
    );
    const pairwise = (post: (typeof posts)[number]) =>
      posts
        .map((other, position) => ({
          other,
          position,
          shared: other.data.tags.filter((t, i, list) => list.indexOf(t) === i && post.data.tags.includes(t)).length,
        }))
        .filter(({ other, shared }) => other !== post && shared > 0)
        .sort((x, y) => y.shared - x.shared || x.position - y.position)
        .slice(0, 3)
        .map(({ other }) => other.id);
    const related = relatedPostsByPost(posts);
    for (const post of posts) expect(related.get(post.id)!.map((p) => p.id)).toEqual(pairwise(post));
  });
});

describe('sources', () => {
  it('collects inline <Quelle> references and lists each URL once', () => {
    const body =
      'Text <Quelle title="Threema FAQ" url="https://threema.ch/de/faq/addressbook_data" date="2025-02-21" /> und <Quelle title="Doppelt" url="https://a.example/" />';
    const merged = mergeSources([{ title: 'Doppelt', url: 'https://a.example/' }], inlineSources(body));
    expect(merged.map((s) => s.url)).toEqual(['https://a.example/', 'https://threema.ch/de/faq/addressbook_data']);
    expect(merged[1]?.date?.toISOString().slice(0, 10)).toBe('2025-02-21');
    expect(sourceId('https://a.example/')).toMatch(/^quelle-[a-z0-9]+$/);
  });
});
