/** The rules of Leichte Sprache that a program can check, on the page's text for both moderation modes. */
import { describe, expect, it } from 'vitest';
import guildConfig from '@/guild.config';
import { parseGuildConfig } from '@/lib/config/schema';
import { easyLanguage, HARD_WORDS, type EasySection } from '@/lib/config/easy-language';
import { EDIT_WINDOW_MS } from '@/lib/comments/rules';

const routes = { posts: '/beitraege/', comparison: '/messenger-vergleich/', privacy: '/datenschutz/', accessibility: '/barrierefreiheit/' };
const page = (moderation: 'pre' | 'post') => {
  const config = parseGuildConfig(guildConfig);
  return easyLanguage({
    config: { ...config, comments: { ...config.comments, moderation } },
    routes,
    editMinutes: EDIT_WINDOW_MS / 60_000,
  });
};

/** Every checked text in reading order: headings, sentences with their link label, steps. */
function texts(sections: EasySection[]): Array<{ text: string; explains?: string }> {
  return sections.flatMap((s) => [
    { text: s.heading },
    ...s.blocks.flatMap((b) =>
      'steps' in b
        ? b.steps.map((text) => ({ text }))
        : 'contact' in b
          ? []
          : [{ text: b.link ? `${b.text} ${b.link.label}` : b.text, explains: b.explains }],
    ),
  ]);
}

const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter(Boolean);
const words = (sentence: string) => sentence.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w));

/** Conjunctions that start a subordinate clause. */
const SUBORDINATING = [
  'dass',
  'weil',
  'obwohl',
  'wenn',
  'falls',
  'ob',
  'nachdem',
  'bevor',
  'sobald',
  'sodass',
  'damit',
  'während',
  'indem',
  'wie',
  'wo',
  'als',
  'solange',
  'bis',
];
/** A form of "werden" with a past participle: the passive. */
const PASSIVE = /\b(wird|werden|wurde|wurden|worden)\b[^.!?:]*\bge\p{L}+(t|en)\b/iu;
/** Compounds that Leichte Sprache splits (Daten-Schutz), and words that were replaced by simpler ones. */
const FORBIDDEN = ['Datenschutz', 'Barrierefreiheit', 'Zusammenschluss', 'Konto'];

describe.each(['pre', 'post'] as const)('Leichte Sprache (moderation %s)', (moderation) => {
  const all = texts(page(moderation));

  it('has no sentence longer than 15 words', () => {
    const long = all.flatMap((t) => sentences(t.text)).filter((s) => words(s).length > 15);
    expect(long).toEqual([]);
  });

  it('uses main clauses only: no subordinating conjunction', () => {
    const found = all
      .flatMap((t) => sentences(t.text))
      .filter((s) => words(s).some((w) => SUBORDINATING.includes(w.toLowerCase().replace(/[^\p{L}]/gu, ''))));
    expect(found).toEqual([]);
  });

  it('has no passive', () => {
    expect(all.map((t) => t.text).filter((t) => PASSIVE.test(t))).toEqual([]);
  });

  it('splits compounds and avoids the replaced words', () => {
    expect(all.map((t) => t.text).filter((t) => FORBIDDEN.some((w) => new RegExp(`\\b${w}\\b`).test(t)))).toEqual([]);
  });

  it('uses a hard word only after the sentence that explains it', () => {
    const explained = new Set<string>();
    const early: string[] = [];
    for (const t of all) {
      if (t.explains) explained.add(t.explains);
      for (const word of HARD_WORDS) if (new RegExp(`\\b${word}`).test(t.text) && !explained.has(word)) early.push(`${word}: ${t.text}`);
    }
    expect(early).toEqual([]);
    expect([...explained].sort()).toEqual([...HARD_WORDS].sort());
  });
});

describe('Leichte Sprache follows the settings', () => {
  it('says what moderation does in each mode and takes its numbers from the constants', () => {
    const text = (m: 'pre' | 'post') =>
      texts(page(m))
        .map((t) => t.text)
        .join(' ');
    expect(text('pre')).toContain('Die Innung liest Ihren Kommentar zuerst.');
    expect(text('post')).toContain('Alle können Ihren Kommentar sofort lesen.');
    expect(text('post')).not.toContain('zuerst');
    expect(text('pre')).toContain(`${EDIT_WINDOW_MS / 60_000} Minuten lang`);
    expect(text('pre')).toContain(`nach ${guildConfig.comments.purgeRejectedAfterDays} Tagen`);
  });
});
