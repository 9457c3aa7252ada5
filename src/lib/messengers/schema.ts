import { z } from 'astro/zod';
import { CRITERIA } from './criteria';
import { isoDate, period, webAddress } from '../posts/schema';

/** The longest quote a fact may carry: a few words of the source, not a copy of it. */
export const QUOTE_MAX = 300;

/** Language tags of a quote: "de", "en", "de-CH". */
export const QUOTE_LANG = /^[a-z]{2}(?:-[A-Z]{2})?$/;

/**
 * A fact's evidence, like a reference on a Wikidata statement: the source's own words that support it,
 * their language, a German gloss where they are not German, the day someone read them there and who.
 */
export const evidenceShape = {
  quote: z.string().min(10, 'erwartet die Worte der Quelle (mindestens 10 Zeichen)').max(QUOTE_MAX, `höchstens ${QUOTE_MAX} Zeichen – zitieren Sie nur den Satz, der die Angabe trägt`).optional(),
  quoteLang: z.string().regex(QUOTE_LANG, 'erwartet ein Sprachkürzel wie „de“ oder „en“').optional(),
  gloss: z.string().min(10, 'erwartet eine deutsche Wiedergabe des Zitats').optional(),
  /** The day the quote was read at the source (never a copied or guessed date). */
  checked: isoDate.optional(),
  /** Who read it: an editor's name or "Redaktion". */
  checkedBy: z.string().min(2).optional(),
};

function fact(levels: string[]) {
  return z
    .object({
      value: z.string({ required_error: 'fehlt: der sichtbare Wert („value“)' }).min(2),
      level: z.enum(levels as [string, ...string[]], {
        errorMap: () => ({ message: `erwartet einen dieser Werte: ${levels.join(', ')}` }),
      }),
      source: z.string({ required_error: 'fehlt: Quelle („source“, der Dateiname einer Quelle in content/sources/ ohne .yaml)' }).min(1),
      /** true only with evidence (quote, source address, check date; see content-check/evidence.ts); else shown as "nicht bestätigt". */
      verified: z.boolean().default(false),
      note: z.string().optional(),
      ...evidenceShape,
    })
    .strict();
}

const factShape = Object.fromEntries(
  CRITERIA.map((c) => {
    const base = fact(Object.keys(c.levels));
    const features = Object.keys(c.features ?? {}) as [string, ...string[]];
    return [c.id, features.length > 0 ? base.extend({ features: z.array(z.enum(features)).default([]) }) : base];
  }),
);

export const messengerSchema = z
  .object({
    name: z.string().min(2),
    aliases: z.array(z.string()).default([]),
    category: z.string().min(2),
    summary: z.string().min(20).max(200, 'höchstens 200 Zeichen'),
    facts: z.object(factShape, { required_error: 'fehlt: die Fakten („facts“)' }).strict(),
    assessment: z.string({ required_error: 'fehlt: die Einschätzung („assessment“)' }).min(50, 'erwartet eine Einschätzung von mindestens 50 Zeichen'),
  })
  .strict();

/** One source, stored as content/sources/<key>.yaml; the key (file name) is what facts cite and stays stable. */
export const sourceSchema = z
  .object({
    title: z.string({ required_error: 'fehlt: Titel der Quelle („title“)' }).min(3, 'erwartet einen Titel von mindestens 3 Zeichen'),
    /** Absent only where no address could be confirmed; the source is then shown without a link. */
    url: webAddress().optional(),
    /** Who published it, e.g. "Threema GmbH". */
    publisher: z.string().min(2).optional(),
    /** The source's own date (publication, "Stand", "gültig ab"); absent = the source carries none ("undatiert"). Never guessed. */
    date: isoDate.optional(),
    /** Where the source names only a month or year ("Juni 2025"); then no `date`. */
    period: period.optional(),
    /** The day the facts citing this source were last checked against it; only a day a quote was read there. */
    checked: isoDate.optional(),
    /** Anything a reader or editor should know about the source (e.g. "nur Sekundärquelle"). */
    note: z.string().min(2).optional(),
  })
  .strict();

export const sourcesSchema = z.record(sourceSchema);

/** Source keys are file names: letters, digits and hyphens, e.g. T1, T2AVV, BNetzA. */
export const SOURCE_KEY = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

export type MessengerData = z.infer<typeof messengerSchema>;
export type SourceData = z.infer<typeof sourceSchema>;
