import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { CRITERIA } from '@/lib/messengers/criteria';
import { freshness } from '@/lib/messengers/model';
import { sourceDates } from '@/adapters/content/source-dates';
import { isoDay } from '@/lib/posts/format';
import type { EvidenceItem } from '@/lib/messengers/evidence';
import { fixtureMessengers } from '../helpers/fixture-content';
import { ROOT, TEST_CLIENT, TEST_CONTENT } from '../helpers/paths';

const read = (path: string) => readFileSync(join(TEST_CLIENT, path), 'utf8');
const comparison = () => parse(read('messenger-vergleich/index.html'));
// The data the test build was made from (the real content plus test posts).
const messengers = fixtureMessengers(TEST_CONTENT);
const evidence = () => JSON.parse(read('messenger-vergleich/belege.json')) as Record<string, EvidenceItem>;

describe('evidence: every fact shown "bestätigt" rests on words read at its source', () => {
  it('each cell without "nicht bestätigt" has a quote and a check date between the day its source entered the repository and today', () => {
    const html = comparison();
    const quotes = evidence();
    const dates = sourceDates(ROOT);
    const today = isoDay(new Date());
    let confirmed = 0;
    for (const m of messengers) {
      for (const c of CRITERIA) {
        const cell = html.querySelector(`td#vergleich--${m.id}--${c.id}`)!;
        if (cell.querySelector('[data-unverified]')) continue;
        confirmed++;
        const item = quotes[`${m.id}/${c.id}`];
        expect(item?.q, `${m.id}.${c.id}`).toBeTruthy();
        expect(item!.c, `${m.id}.${c.id}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const source = m.facts[c.id as keyof typeof m.facts].source.key;
        expect(
          item!.c! >= isoDay(dates.addedOf(source)),
          `${m.id}.${c.id}: geprüft ${item!.c}, Quelle ${source} seit ${isoDay(dates.addedOf(source))}`,
        ).toBe(true);
        expect(item!.c! <= today, `${m.id}.${c.id}`).toBe(true);
        // Its "Beleg" is on the page, and without JavaScript leads to the messenger page, where the quote is in the HTML.
        expect(cell.querySelector(`details[data-evidence="${m.id}/${c.id}"] summary`)?.text).toContain('Beleg');
      }
    }
    expect(confirmed).toBeGreaterThan(0);
    // No check date of a copied table survives: 2026-04-23 was a snapshot date, not a day anyone read a source.
    expect(
      html
        .querySelectorAll('[data-source-checked]')
        .map((el) => el.text)
        .filter((t) => t.includes('23. April 2026')),
    ).toEqual([]);
  });

  it('a fact without quote reads "nicht bestätigt" and "nicht geprüft", never a borrowed check date', () => {
    const cell = comparison().querySelector('td#vergleich--teamwire--cost')!;
    expect(cell.querySelector('[data-unverified]')?.text).toBe('nicht bestätigt');
    expect(cell.querySelector('[data-source-unchecked]')?.text).toContain('nicht geprüft');
    expect(cell.querySelector('[data-source-checked]')).toBeNull();
    expect(cell.text).toContain('unbekannt');
  });

  it('the messenger page shows the quote in its language, the German gloss, the day it was read and by whom', () => {
    const page = parse(read('messenger/teamwire/index.html'));
    const fact = page.querySelector('#fakt-phone')!;
    const quote = fact.querySelector('details blockquote')!;
    expect(quote.getAttribute('lang')).toBe('en');
    expect(quote.text).toContain('Login by password');
    expect(fact.querySelector('details')!.text).toContain('Sinngemäß auf Deutsch:');
    expect(fact.querySelector('[data-evidence-checked]')?.text).toMatch(/^geprüft am \d+\. \S+ \d{4} von Redaktion$/);
  });

  it("the summary line's share of facts checked in the last 12 months and its oldest check match the data", () => {
    const line = comparison().querySelector('[data-freshness]')!;
    const expected = freshness(messengers, new Date());
    expect(Number(line.getAttribute('data-percent'))).toBe(expected.percent);
    expect(line.text).toContain(`${expected.percent} % der ${expected.total} Angaben`);
    expect(line.getAttribute('data-oldest')).toBe(expected.oldest ? isoDay(expected.oldest) : undefined);
  });
});

describe('the public change log', () => {
  const page = () => parse(read('messenger-vergleich/aenderungen/index.html'));
  const feed = () => parse(read('messenger-vergleich/aenderungen.xml'), { lowerCaseTagName: false });

  it('the Atom feed has the required elements (RFC 4287) and the same entries as the page, in the same order', () => {
    const xml = read('messenger-vergleich/aenderungen.xml');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const doc = feed();
    const root = doc.querySelector('feed')!;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
    for (const el of ['id', 'title', 'updated', 'author']) expect(root.querySelector(`:scope > ${el}`), el).not.toBeNull();
    expect(root.querySelector(':scope > author > name')?.text.trim().length).toBeGreaterThan(0);
    expect(root.querySelector('link[rel="self"]')?.getAttribute('href')).toMatch(/\/messenger-vergleich\/aenderungen\.xml$/);
    const entries = root.querySelectorAll('entry');
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      for (const el of ['id', 'title', 'updated', 'summary']) expect(e.querySelector(el)?.text.trim(), el).toBeTruthy();
      expect(e.querySelector('updated')!.text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
    }
    const pageIds = page()
      .querySelectorAll('[data-change]')
      .map((li) => li.getAttribute('id'));
    const feedIds = entries.map((e) => e.querySelector('id')!.text.split('#')[1]);
    expect(feedIds).toEqual(pageIds);
  });

  it("lists this round's corrections, each with old and new state and the source behind the new one", () => {
    const entry = page().querySelector('[data-change="2026-12-03-teamwire-phone"]')!;
    expect(entry.querySelector('[data-change-old]')?.text).toContain('ja');
    expect(entry.querySelector('[data-change-new]')?.text).toContain('nicht zwingend');
    expect(entry.querySelector('blockquote')?.getAttribute('lang')).toBe('en');
    // Each messenger page shows its own last changes.
    expect(parse(read('messenger/teamwire/index.html')).querySelector('[data-messenger-changes] [data-change]')).not.toBeNull();
  });

  it('stays within its budget: ≤ 30 kB HTML gzip', () => {
    expect(gzipSync(read('messenger-vergleich/aenderungen/index.html')).length).toBeLessThanOrEqual(30 * 1024);
  });
});
