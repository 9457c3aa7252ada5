import { z } from 'astro/zod';
import { CRITERIA } from './criteria';
import { isoDate, sourceSchema } from '../posts/schema';

/** The longest quote a fact may carry: a few words of the source, not a copy of it. */
export const QUOTE_MAX = 300;

/** Length rules of a messenger file, shared with the browser editor's fields (editor/keystatic.config.ts). */
export const MESSENGER_LIMITS = {
  nameMin: 2,
  categoryMin: 2,
  summaryMin: 20,
  summaryMax: 200,
  assessmentMin: 50,
  valueMin: 2,
  quoteMin: 10,
  quoteMax: QUOTE_MAX,
  glossMin: 10,
  checkedByMin: 2,
} as const;
const L = MESSENGER_LIMITS;

/** Source keys are file names: letters, digits and hyphens, e.g. T1, T2AVV, BNetzA. */
export const SOURCE_KEY = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/** Language tags of a quote: "de", "en", "de-CH". */
export const QUOTE_LANG = /^[a-z]{2}(?:-[A-Z]{2})?$/;

/**
 * A fact's evidence, like a reference on a Wikidata statement: the source's own words that support it,
 * their language, a German gloss where they are not German, the day someone read them there and who.
 */
export const evidenceShape = {
  quote: z
    .string()
    .min(L.quoteMin, `erwartet die Worte der Quelle (mindestens ${L.quoteMin} Zeichen)`)
    .max(L.quoteMax, `höchstens ${L.quoteMax} Zeichen – zitieren Sie nur den Satz, der die Angabe trägt`)
    .optional(),
  quoteLang: z.string().regex(QUOTE_LANG, 'erwartet ein Sprachkürzel wie „de“ oder „en“').optional(),
  gloss: z.string().min(L.glossMin, 'erwartet eine deutsche Wiedergabe des Zitats').optional(),
  /** The day the quote was read at the source (never a copied or guessed date). */
  checked: isoDate.optional(),
  /** Who read it: an editor's name or "Redaktion". */
  checkedBy: z.string().min(L.checkedByMin).optional(),
};

function fact(levels: string[]) {
  return z
    .object({
      value: z.string({ required_error: 'fehlt: der sichtbare Wert („value“)' }).min(L.valueMin),
      level: z.enum(levels as [string, ...string[]], {
        errorMap: () => ({ message: `erwartet einen dieser Werte: ${levels.join(', ')}` }),
      }),
      source: z
        .string({ required_error: 'fehlt: Quelle („source“, der Dateiname einer Quelle in content/sources/ ohne .yaml)' })
        .regex(SOURCE_KEY, 'erwartet den Dateinamen einer Quelle in content/sources/ ohne .yaml, z. B. T1'),
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
    name: z.string().min(L.nameMin),
    aliases: z.array(z.string()).default([]),
    category: z.string().min(L.categoryMin),
    summary: z.string().min(L.summaryMin).max(L.summaryMax, `höchstens ${L.summaryMax} Zeichen`),
    facts: z.object(factShape, { required_error: 'fehlt: die Fakten („facts“)' }).strict(),
    assessment: z
      .string({ required_error: 'fehlt: die Einschätzung („assessment“)' })
      .min(L.assessmentMin, `erwartet eine Einschätzung von mindestens ${L.assessmentMin} Zeichen`),
  })
  .strict();

/** One source, stored as content/sources/<key>.yaml; the key (file name) is what facts cite and stays stable. */
export { sourceSchema };

export const sourcesSchema = z.record(sourceSchema);

export type MessengerData = z.infer<typeof messengerSchema>;
export type SourceData = z.infer<typeof sourceSchema>;
