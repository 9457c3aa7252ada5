import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { messengerSchema, sourcesSchema } from '../../src/lib/messengers/schema';
import { buildMessenger, staleFacts, type Messenger } from '../../src/lib/messengers/model';
import { applyState, normalize, parseState, serializeState, toIndexItem, EMPTY_STATE } from '../../src/lib/messengers/search';
import { recommend, parseAnswers, DEFAULT_ANSWERS } from '../../src/lib/messengers/advice';
import { mentions } from '../../src/lib/messengers/mentions';
import { checkMessengerFiles } from '../../src/lib/messenger-check';
import { CRITERIA } from '../../src/lib/messengers/criteria';
import { ROOT } from '../helpers/paths';

const dir = join(ROOT, 'content/messengers');
const sourcesText = readFileSync(join(ROOT, 'content/sources.yaml'), 'utf8');
const sources = sourcesSchema.parse(parse(sourcesText));
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const messengers: Messenger[] = files.map((f) => buildMessenger(f.replace('.yaml', ''), messengerSchema.parse(parse(readFileSync(join(dir, f), 'utf8'))), sources));
const byId = (id: string) => messengers.find((m) => m.id === id)!;
const items = messengers.map(toIndexItem);
const criteria = CRITERIA.map((c) => ({ id: c.id, text: normalize(`${c.label} ${c.explanation}`) }));
const view = (query: string) => applyState(items, criteria, parseState(new URLSearchParams(query)));

describe('messenger data', () => {
  it('has the ten required messengers and the two German business alternatives, each criterion sourced and dated', () => {
    expect(messengers.map((m) => m.id).sort()).toEqual(
      ['element', 'ginlo-business', 'microsoft-teams', 'signal', 'teamwire', 'telegram', 'threema', 'threema-work', 'whatsapp', 'whatsapp-business', 'whatsapp-business-platform', 'wire'],
    );
    for (const m of messengers) {
      for (const c of CRITERIA) {
        const fact = m.facts[c.id as keyof typeof m.facts];
        expect(fact.source.url, `${m.id}.${c.id}`).toMatch(/^https:\/\//);
        expect(fact.checked.getTime(), `${m.id}.${c.id}`).not.toBeNaN();
      }
    }
  });

  it('keeps unverified facts marked as unverified', () => {
    expect(byId('threema-work').facts.cost.verified).toBe(false);
    expect(byId('threema').facts.e2ee.verified).toBe(true);
  });

  it('warns about facts older than 12 months', () => {
    const stale = staleFacts(messengers, new Date('2026-11-28T00:00:00Z'));
    expect(stale).toContainEqual(expect.objectContaining({ id: 'signal', criterion: 'phone' }));
    expect(stale).not.toContainEqual(expect.objectContaining({ id: 'threema', criterion: 'operator' }));
  });
});

describe('messenger files with mistakes', () => {
  const good = readFileSync(join(dir, 'threema.yaml'), 'utf8');
  const sourcesFile = { file: 'content/sources.yaml', source: sourcesText };
  const check = (text: string) => checkMessengerFiles([{ file: 'content/messengers/test.yaml', source: text }], sourcesFile);

  it('passes the shipped files', () => {
    expect(checkMessengerFiles(files.map((f) => ({ file: f, source: readFileSync(join(dir, f), 'utf8') })), sourcesFile)).toEqual([]);
  });

  it('names file, line and field of a fact without source', () => {
    const text = good.replace('phone: { value: "Nicht nötig – zufällige achtstellige Threema-ID", level: "no", source: T1 }', 'phone: { value: "Nicht nötig", level: "no" }');
    expect(check(text)).toEqual([expect.objectContaining({ file: 'content/messengers/test.yaml', line: 8, field: 'facts.phone.source', message: expect.stringContaining('fehlt: Quelle') })]);
  });

  it('names an unknown criterion value and the allowed ones', () => {
    const [problem] = check(good.replace('level: default, source: K }', 'level: immer, source: K }'));
    expect(problem).toMatchObject({ field: 'facts.e2ee.level', message: 'erwartet einen dieser Werte: default, partial, none' });
  });

  it('names an unknown source key', () => {
    expect(check(good.replace('source: T4 }', 'source: T99 }'))).toEqual([expect.objectContaining({ field: 'facts.operator.source', message: 'unbekannte Quelle „T99“' })]);
  });

  it('names a missing field and a malformed date', () => {
    expect(check(good.replace(/^assessment:[\s\S]*$/m, ''))).toEqual([expect.objectContaining({ field: 'assessment', message: expect.stringContaining('fehlt') })]);
    const [problem] = check(good.replace('source: K }', 'source: K, checked: 11.07.2024 }'));
    expect(problem).toMatchObject({ field: expect.stringMatching(/checked$/), message: expect.stringContaining('JJJJ-MM-TT') });
  });
});

describe('search and filters', () => {
  it('"schweiz" finds Threema, case- and umlaut-insensitively', () => {
    expect(view('q=schweiz').messengers).toEqual(expect.arrayContaining(['threema', 'threema-work']));
    expect(view('q=SCHWEIZ').messengers).toEqual(view('q=schweiz').messengers);
    expect(view('q=Verschlüsselung').messengers).toEqual(view('q=verschlusselung').messengers);
    expect(view('q=verschluesselung').messengers).toEqual(view('q=verschlusselung').messengers);
  });

  it('a query that names a criterion narrows the columns', () => {
    expect(view('q=adressbuch').criteria).toEqual(['addressBook']);
    expect(view('q=threema').criteria).toBe('all');
  });

  it('filters combine: without phone number and AVV available', () => {
    const result = view('filter=ohne-telefonnummer,avv').messengers;
    expect(result).toEqual(expect.arrayContaining(['threema-work', 'element', 'microsoft-teams']));
    expect(result).not.toContain('whatsapp');
    expect(result).not.toContain('threema'); // no AVV for the consumer app
  });

  it('shows only the chosen two or three for a side-by-side comparison', () => {
    expect(view('vergleich=signal,threema').messengers).toEqual(['signal', 'threema']);
  });

  it('sorts by data protection score and by cost', () => {
    const privacy = view('sortierung=datenschutz').messengers;
    expect(privacy.indexOf('threema')).toBeLessThan(privacy.indexOf('whatsapp'));
    expect(view('sortierung=kosten').messengers[0]).toMatch(/^(signal|telegram|whatsapp|whatsapp-business)$/);
  });

  it('round-trips the state through the URL and ignores unknown values', () => {
    const state = { ...EMPTY_STATE, q: 'schweiz', filters: ['avv' as const], sort: 'datenschutz' as const };
    expect(parseState(new URLSearchParams(serializeState(state)))).toEqual(state);
    expect(parseState(new URLSearchParams('filter=quatsch&sortierung=zufall'))).toEqual(EMPTY_STATE);
  });
});

describe('decision aid', () => {
  it('for a team with private phones and AVV: Threema Work first; WhatsApp excluded with its reason and source', () => {
    const results = recommend(messengers, DEFAULT_ANSWERS);
    expect(results[0]!.messenger.id).toBe('threema-work');
    const whatsapp = results.find((r) => r.messenger.id === 'whatsapp')!;
    expect(whatsapp.suitable).toBe(false);
    expect(whatsapp.reasons).toContainEqual(expect.objectContaining({ criterion: 'addressBook', positive: false, fact: expect.objectContaining({ source: expect.objectContaining({ url: 'https://faq.whatsapp.com/1191526044909364' }) }) }));
  });

  it('customers without a new app: only the WhatsApp Business Platform is suitable with an AVV', () => {
    const answers = parseAnswers(new URLSearchParams('use=kunden&ohneNeueApp=ja&privateHandys=nein&avvPflicht=ja&budget=egal'))!;
    const suitable = recommend(messengers, answers).filter((r) => r.suitable).map((r) => r.messenger.id);
    expect(suitable).toEqual(['whatsapp-business-platform']);
  });

  it('a budget of nothing excludes subscriptions', () => {
    const answers = { ...DEFAULT_ANSWERS, budget: 'kostenlos' as const, avvPflicht: false };
    const ids = recommend(messengers, answers).filter((r) => r.suitable).map((r) => r.messenger.id);
    expect(ids).not.toContain('threema-work');
    expect(ids).toContain('signal');
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
