import { describe, expect, it } from 'vitest';
import {
  applyState,
  joinIndex,
  normalize,
  parseState,
  serializeState,
  splitIndex,
  toIndexItems,
  EMPTY_STATE,
} from '@/lib/messengers/search';
import { recommend, parseAnswers, DEFAULT_ANSWERS } from '@/lib/messengers/advice';
import { mentions } from '@/lib/messengers/mentions';
import { staleFacts, lastChecked, freshness } from '@/lib/messengers/model';
import { CRITERIA } from '@/lib/messengers/criteria';
import { fixtureMessengers } from '../helpers/fixture-content';

// Made-up messengers (tests/fixtures/content): an editor correcting a real fact never breaks these tests.
const messengers = fixtureMessengers();
const byId = (id: string) => messengers.find((m) => m.id === id)!;
const items = toIndexItems(messengers);
const criteria = CRITERIA.map((c) => ({ id: c.id, text: normalize(`${c.label} ${c.explanation}`) }));
const view = (query: string) => applyState(items, criteria, parseState(new URLSearchParams(query)));

describe('messenger model', () => {
  it("resolves every fact to its source with the source's own date and the check date", () => {
    const fact = byId('sicher-work').facts.operator;
    expect(fact.source).toMatchObject({ key: 'A', url: 'https://a.example.org/datenschutz' });
    expect(fact.source.date?.toISOString().slice(0, 10)).toBe('2025-03-01');
    expect(fact.checked?.toISOString().slice(0, 10)).toBe('2026-12-01');
    expect(fact).toMatchObject({
      verified: true,
      quote: 'Verantwortlich ist die Beispiel GmbH mit Sitz in Zürich.',
      quoteLang: 'de',
      checkedBy: 'Redaktion',
    });
    // An undated source stays undated: no date is made up for it.
    expect(byId('sicher-work').facts.addressBook.source.date).toBeUndefined();
    expect(byId('offen').facts.operator.source.period).toBe('Juni 2024');
  });

  it('keeps unverified facts marked as unverified', () => {
    expect(byId('sicher-work').facts.cost.verified).toBe(false);
    expect(byId('sicher-work').facts.e2ee.verified).toBe(true);
    // No quote, no "bestätigt": a fact without evidence is never shown as confirmed.
    expect(byId('sicher-work').facts.servers.verified).toBe(false);
    expect(byId('sicher-work').facts.servers.checked).toBeUndefined();
  });

  it('says how fresh the comparison is: share checked in the last 12 months and the oldest check', () => {
    const f = freshness(messengers, new Date('2026-12-03T00:00:00Z'));
    const all = messengers.flatMap((m) => Object.values(m.facts));
    expect(f.total).toBe(all.length);
    expect(f.recent).toBe(3); // sicher-work: operator, e2ee, avv read on 2026-12-01
    expect(f.percent).toBe(Math.floor((100 * 3) / all.length));
    expect(f.never).toBe(all.length - 3);
    expect(f.oldest?.toISOString().slice(0, 10)).toBe('2026-12-01');
    // Thirteen months later the same checks are no longer fresh.
    expect(freshness(messengers, new Date('2028-01-03T00:00:00Z')).recent).toBe(0);
  });

  it('warns about facts not checked for 12 months, and names the newest check date', () => {
    const stale = staleFacts(messengers, new Date('2026-12-03T00:00:00Z'));
    expect(stale).toContainEqual(expect.objectContaining({ id: 'offen', criterion: 'operator', checked: undefined })); // never checked
    expect(stale).not.toContainEqual(expect.objectContaining({ id: 'sicher-work', criterion: 'operator' }));
    expect(lastChecked(messengers)?.toISOString().slice(0, 10)).toBe('2026-12-01');
  });
});

describe('search and filters', () => {
  it('"schweiz" finds the Swiss messenger, case- and umlaut-insensitively', () => {
    expect(view('q=schweiz').messengers).toEqual(['sicher-work']);
    expect(view('q=SCHWEIZ').messengers).toEqual(view('q=schweiz').messengers);
    expect(view('q=Verschlüsselung').messengers).toEqual(view('q=verschlusselung').messengers);
    expect(view('q=verschluesselung').messengers).toEqual(view('q=verschlusselung').messengers);
  });

  it('a query that names a criterion narrows the columns', () => {
    expect(view('q=adressbuch').criteria).toEqual(['addressBook']);
    expect(view('q=plauder').criteria).toBe('all');
  });

  it('filters combine: without phone number and AVV available', () => {
    const result = view('filter=ohne-telefonnummer,avv').messengers;
    expect(result.sort()).toEqual(['offen', 'sicher-work']);
    expect(view('filter=avv').messengers).toContain('plauder-api');
    expect(view('filter=avv').messengers).not.toContain('plauder');
  });

  it('shows only the chosen two or three for a side-by-side comparison', () => {
    expect(view('vergleich=offen,plauder').messengers).toEqual(['offen', 'plauder']);
  });

  it('sorts by data protection score and by cost', () => {
    const privacy = view('sortierung=datenschutz').messengers;
    expect(privacy.indexOf('sicher-work')).toBeLessThan(privacy.indexOf('plauder'));
    expect(view('sortierung=kosten').messengers[0]).toMatch(/^(offen|plauder)$/);
  });

  it('sorts names in German order, worked out before the browser gets them (Ö with O, not after Z)', () => {
    const renamed = toIndexItems([
      { ...byId('plauder'), name: 'Öko' },
      { ...byId('offen'), name: 'Zett' },
      { ...byId('sicher-work'), name: 'Oase' },
    ]);
    const ids = (sort: string) => applyState(renamed, criteria, parseState(new URLSearchParams(sort))).messengers;
    expect(ids('')).toEqual(['sicher-work', 'plauder', 'offen']);
    // Equal scores keep name order.
    const tied = renamed.map((item) => ({ ...item, privacyScore: 50 }));
    expect(applyState(tied, criteria, parseState(new URLSearchParams('sortierung=datenschutz'))).messengers).toEqual([
      'sicher-work',
      'plauder',
      'offen',
    ]);
  });

  it('splits the search text off the page index and joins it back unchanged', () => {
    const { items: onPage, texts } = splitIndex(items);
    expect(onPage.every((item) => !('text' in item))).toBe(true);
    expect(joinIndex(onPage, texts)).toEqual(items);
    // Before the text is there (or if it cannot be loaded) a query finds names.
    const namesOnly = joinIndex(onPage, {});
    expect(applyState(namesOnly, criteria, parseState(new URLSearchParams('q=schweiz'))).messengers).toEqual([]);
    expect(applyState(namesOnly, criteria, parseState(new URLSearchParams(`q=${byId('plauder').name}`))).messengers).toContain('plauder');
  });

  it('round-trips the state through the URL and ignores unknown values', () => {
    const state = { ...EMPTY_STATE, q: 'schweiz', filters: ['avv' as const], sort: 'datenschutz' as const };
    expect(parseState(new URLSearchParams(serializeState(state)))).toEqual(state);
    expect(parseState(new URLSearchParams('filter=quatsch&sortierung=zufall'))).toEqual(EMPTY_STATE);
  });
});

describe('decision aid', () => {
  it('for a team with private phones and AVV: the managed messenger first; the address-book uploader excluded with its reason and source', () => {
    const results = recommend(messengers, DEFAULT_ANSWERS);
    expect(results[0]!.messenger.id).toBe('sicher-work');
    const plauder = results.find((r) => r.messenger.id === 'plauder')!;
    expect(plauder.suitable).toBe(false);
    expect(plauder.reasons).toContainEqual(
      expect.objectContaining({
        criterion: 'addressBook',
        positive: false,
        fact: expect.objectContaining({ source: expect.objectContaining({ url: 'https://b.example.org/hilfe/adressbuch' }) }),
      }),
    );
  });

  it("customers without a new app: only the widespread app's business interface is suitable with an AVV", () => {
    const answers = parseAnswers(new URLSearchParams('use=kunden&ohneNeueApp=ja&privateHandys=nein&avvPflicht=ja&budget=egal'))!;
    const suitable = recommend(messengers, answers)
      .filter((r) => r.suitable)
      .map((r) => r.messenger.id);
    expect(suitable).toEqual(['plauder-api']);
  });

  it('a budget of nothing excludes subscriptions', () => {
    const answers = { ...DEFAULT_ANSWERS, budget: 'kostenlos' as const, avvPflicht: false };
    const ids = recommend(messengers, answers)
      .filter((r) => r.suitable)
      .map((r) => r.messenger.id);
    expect(ids).not.toContain('sicher-work');
    expect(ids).toContain('offen');
  });

  it('needs an answer to the first question to count as sent', () => {
    expect(parseAnswers(new URLSearchParams(''))).toBeNull();
  });
});

describe('mentions', () => {
  it('finds a messenger named in an article, whole words only', () => {
    expect(mentions('Wir nutzen Threema Work im Team.', ['Threema Work'])).toBe(true);
    expect(mentions('Signalwirkung für alle', ['Signal'])).toBe(false);
    expect(mentions('Element (Matrix) im Einsatz', ['Element (Matrix)', 'matrix'])).toBe(true);
  });
});
