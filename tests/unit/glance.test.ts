/** The comparison at a glance: symbols per fact, what a messenger suits, and the share picture's layout, key and rendering. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMessenger } from '@/lib/messengers/model';
import type { MessengerData } from '@/lib/messengers/schema';
import { markOf, neutralMarks, suitableFor } from '@/lib/messengers/profile';
import { CRITERIA, CRITERION_IDS } from '@/lib/messengers/criteria';
import { fitTitle, ogKey, ogTree, titleSize, type OgInput } from '@/lib/og/layout';
import { renderOgImageCached } from '@/adapters/og/draw';

const sources = { S: { title: 'Quelle', url: 'https://example.org/', date: new Date('2026-01-01') } };
type Levels = Record<(typeof CRITERION_IDS)[number], string>;
const good: Levels = {
  operator: 'eu',
  servers: 'eu',
  phone: 'no',
  addressBook: 'none',
  e2ee: 'default',
  metadata: 'minimal',
  openSource: 'full',
  selfHosting: 'yes',
  business: 'some',
  cost: 'subscription',
  avv: 'yes',
  reach: 'low',
};
function fixture(id: string, levels: Partial<Levels> = {}, features: string[] = []) {
  const all = { ...good, ...levels };
  const facts = Object.fromEntries(
    CRITERION_IDS.map((c) => [
      c,
      { value: `${c} ${all[c]}`, level: all[c], source: 'S', verified: true, ...(c === 'business' ? { features } : {}) },
    ]),
  );
  return buildMessenger(
    id,
    { name: id, aliases: [], category: 'Test', summary: 's', assessment: 'a', facts } as unknown as MessengerData,
    sources,
  );
}

describe('marks', () => {
  it('gives data-protection levels a tone and a symbol, never colour alone', () => {
    const m = fixture('x', { phone: 'yes', addressBook: 'optional' });
    expect(markOf(m.facts.phone)).toEqual({ tone: 'bad', symbol: '✗' });
    expect(markOf(m.facts.addressBook)).toEqual({ tone: 'fair', symbol: '~' });
    expect(markOf(m.facts.e2ee)).toEqual({ tone: 'good', symbol: '✓' });
  });

  it('marks criteria that are no data-protection question in grey, distinct per level', () => {
    for (const c of CRITERIA.filter((c) => Object.values(c.levels).every((l) => l.score === null))) {
      const marks = neutralMarks(c.id as (typeof CRITERION_IDS)[number]);
      expect(marks.map((m) => m.level).sort(), c.id).toEqual(Object.keys(c.levels).sort());
      expect(new Set(marks.map((m) => m.symbol)).size, c.id).toBe(marks.length);
    }
    expect(markOf(fixture('x', { cost: 'free' }).facts.cost)).toEqual({ tone: 'neutral', symbol: '0' });
  });
});

describe('suitableFor', () => {
  it('follows the decision aid: customers reach the business without a new app, any use needs an AVV and no forced address book', () => {
    expect(suitableFor(fixture('work', {}, ['adminConsole']))).toEqual(['team']);
    expect(suitableFor(fixture('cloud', { reach: 'high' }))).toEqual(['team', 'kunden']);
    expect(suitableFor(fixture('no-avv', { avv: 'no' }, ['adminConsole']))).toEqual([]);
    expect(suitableFor(fixture('upload', { addressBook: 'mandatory' }))).toEqual([]);
  });
});

const input: OgInput = {
  title: 'WhatsApp im Unternehmen – was der Datenschutz dazu sagt',
  kind: 'Datenschutz',
  siteName: 'Berliner Innung',
  host: 'innung.example.org',
  colors: { primary: '#1d4ed8', primaryDark: '#1e3a8a', accent: '#b45309' },
  logo: `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" fill="#1e3a8a"/></svg>').toString('base64')}`,
};

describe('share picture layout', () => {
  it('shrinks long titles and cuts only what would not fit at the smallest size', () => {
    expect(titleSize('Kurz')).toBeGreaterThan(titleSize('x'.repeat(120)));
    expect(fitTitle('kurz')).toBe('kurz');
    const long = fitTitle(`${'Wort '.repeat(60)}Ende`);
    expect(long.length).toBeLessThanOrEqual(171);
    expect(long.endsWith(' …')).toBe(true);
  });

  it("puts kind, title and the guild into the picture, in the guild's colours", () => {
    const text = JSON.stringify(ogTree(input));
    for (const part of [input.title, input.kind, input.siteName, input.host, input.colors.primaryDark, input.colors.accent])
      expect(text).toContain(part);
  });

  it('keys the cache by everything that changes the picture', () => {
    expect(ogKey(input, 'f1')).toBe(ogKey({ ...input }, 'f1'));
    expect(ogKey({ ...input, title: 'Anders' }, 'f1')).not.toBe(ogKey(input, 'f1'));
    expect(ogKey({ ...input, colors: { ...input.colors, accent: '#000000' } }, 'f1')).not.toBe(ogKey(input, 'f1'));
    expect(ogKey(input, 'f2')).not.toBe(ogKey(input, 'f1'));
  });

  it('draws a 1200 × 630 PNG once and takes it from the cache the second time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-'));
    const first = await renderOgImageCached(input, dir);
    expect(first.cached).toBe(false);
    expect(first.png.readUInt32BE(16)).toBe(1200);
    expect(first.png.readUInt32BE(20)).toBe(630);
    const second = await renderOgImageCached(input, dir);
    expect(second.cached).toBe(true);
    expect(second.png.equals(first.png)).toBe(true);
    expect(readdirSync(dir)).toHaveLength(1);
  });
});

describe('bench: share-picture figures from the build log', () => {
  it('reads the line the drawing process prints when every picture is in og/', async () => {
    const { ogStep } = await import('../../scripts/bench/og');
    const log = [
      '12:00:09 [build] Complete!',
      '[build] Seiten, Suchindex und komprimierte Kopien fertig nach 31.4 s',
      '[og] 1014 Teilbilder in og/, 12 gezeichnet, 1002 aus dem Cache, in 2.5 s',
    ].join('\n');
    expect(ogStep(log)).toEqual({ count: 1014, drawn: 12, seconds: 2.5, pagesSeconds: 31.4 });
    expect(ogStep('no pictures')).toEqual({ count: 0, drawn: 0, seconds: 0, pagesSeconds: 0 });
  });
});

describe('share pictures drawn after the build, from a queue', () => {
  it('queues every requested picture; the drawing process draws each once, then copies it from the cache', async () => {
    const { requestOgImage, writeOgQueue } = await import('@/adapters/og/registry');
    const cache = mkdtempSync(join(tmpdir(), 'og-cache-'));
    const build = () => {
      const out = mkdtempSync(join(tmpdir(), 'og-site-'));
      requestOgImage('startseite', { ...input, title: 'Startseite' });
      requestOgImage('beitraege/a', { ...input, title: 'Beitrag A' });
      // Same picture for a second page: drawn once.
      requestOgImage('beitraege/b', { ...input, title: 'Beitrag A' });
      return { out, client: join(out, 'client'), queued: writeOgQueue(out, join(out, 'client'), cache) };
    };
    const draw = (out: string) =>
      execFileSync(process.execPath, [join(process.cwd(), 'src/adapters/og/draw-queue.mjs'), out], { encoding: 'utf8' });
    const first = build();
    expect(first.queued).toEqual({ pictures: 3, missing: 2 });
    expect(draw(first.out)).toContain('[og] 3 Teilbilder in og/, 2 gezeichnet, 1 aus dem Cache');
    const a = readFileSync(join(first.client, 'og', 'beitraege', 'a.png'));
    expect([a.readUInt32BE(16), a.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(readFileSync(join(first.client, 'og', 'beitraege', 'b.png')).equals(a)).toBe(true);
    expect(readdirSync(cache).filter((f) => f.endsWith('.png'))).toHaveLength(2);
    const second = build();
    expect(second.queued).toEqual({ pictures: 3, missing: 0 });
    expect(draw(second.out)).toContain('[og] 3 Teilbilder in og/, 0 gezeichnet, 3 aus dem Cache');
    expect(readFileSync(join(second.client, 'og', 'startseite.png')).equals(readFileSync(join(first.client, 'og', 'startseite.png')))).toBe(
      true,
    );
  });
});

describe('bench: a failed memory budget fails CI', () => {
  it('fails --smoke on a memory budget, not on a time budget', async () => {
    const { add, addMemory, exitCode, failures } = await import('../../scripts/bench/report');
    add('Build 100 Beiträge', 'Zeit', '3.0x', '≤ 1.4x', false);
    expect(exitCode(failures(), true)).toBe(0);
    expect(exitCode(failures(), false)).toBe(1);
    addMemory('Build 100 Beiträge', 'Spitzenspeicher', '2100 MB', '< 2048 MB', false);
    expect(exitCode(failures(), true)).toBe(1);
  });
});
