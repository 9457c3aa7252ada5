import { z } from 'astro/zod';
import { de } from '../../i18n/de';
import { isWebAddress } from '../safe-url';

/** Limits shared with the browser editor's fields (keystatic.config.ts). */
export const DESCRIPTION_MIN = 30;
export const DESCRIPTION_MAX = 160;
export const TITLE_MIN = 5;
export const TITLE_MAX = 100;
export const ALT_MIN = 5;
export const TAGS_MAX = 8;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const TAG_PATTERN = /^[a-z0-9äöüß]+(?:-[a-z0-9äöüß]+)*$/;

/** Editors write dates as 2019-03-01 (YAML turns that into a Date); anything else is refused. */
export const isoDate = z
  .union(
    [
      z.date(),
      z
        .string()
        .regex(DATE_PATTERN, 'erwartet ein Datum im Format JJJJ-MM-TT, z. B. 2019-03-01')
        .transform((value) => new Date(`${value}T00:00:00Z`)),
    ],
    { errorMap: () => ({ message: 'erwartet ein Datum im Format JJJJ-MM-TT, z. B. 2019-03-01' }) },
  )
  .refine((date) => !Number.isNaN(date.getTime()), 'erwartet ein gültiges Datum im Format JJJJ-MM-TT');

const tag = z.string().regex(TAG_PATTERN, 'erwartet Themen in Kleinbuchstaben mit Bindestrichen, z. B. datenschutz');

/**
 * A source's address: https:// or http:// only, by the one scheme rule of src/lib/safe-url.ts (zod's `.url()`
 * let javascript:, data: and vbscript: through). Used by every URL field of posts and sources.
 */
export function webAddress(base: z.ZodString = z.string()) {
  return base.refine(isWebAddress, de.contentSafety.webAddress);
}

/**
 * The editor's pattern for a web address (Keystatic validates fields by regex): the same answer as
 * isWebAddress for what an editor types; the save check runs isWebAddress itself on every saved file.
 */
export const WEB_ADDRESS_PATTERN = /^[Hh][Tt][Tt][Pp][Ss]?:\/\/[^\s<>"/?#\\]+[^\s<>"]*$/;

/** When a source names only a month or year: "Juni 2025", "Anfang 2022", "2019". */
export const PERIOD =
  /^(?:(?:Anfang|Mitte|Ende|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) )?\d{4}$/;
export const period = z.string().regex(PERIOD, 'erwartet Monat und Jahr wie „Juni 2025“, „Anfang 2022“ oder nur das Jahr');

/** Shortest title of a source; the editor's source fields use the same number. */
export const SOURCE_TITLE_MIN = 3;
/** Shortest publisher and note of a source. */
export const SOURCE_TEXT_MIN = 2;

/**
 * The one source schema (issue 22): a file in content/sources/<key>.yaml, and, with its address required
 * (postSourceSchema), an entry of a post's `sources`. Strict, so a misspelt key ("datum:") is an error
 * rather than silently dropped.
 */
export const sourceSchema = z
  .object({
    title: z
      .string({ required_error: 'fehlt: Titel der Quelle („title“)' })
      .min(SOURCE_TITLE_MIN, `erwartet einen Titel von mindestens ${SOURCE_TITLE_MIN} Zeichen`),
    /** Absent only where no address could be confirmed; the source is then shown without a link. */
    url: webAddress().optional(),
    /** Who published it, e.g. "Threema GmbH". */
    publisher: z.string().min(SOURCE_TEXT_MIN).optional(),
    /** The source's own date (publication, "Stand", "gültig ab"); absent = the source carries none ("undatiert"). Never guessed. */
    date: isoDate.optional(),
    /** Where the source names only a month or year ("Juni 2025"); then no `date`. */
    period: period.optional(),
    /** The day the facts citing this source were last checked against it; only a day a quote was read there. */
    checked: isoDate.optional(),
    /** Anything a reader or editor should know about the source (e.g. "nur Sekundärquelle"). */
    note: z.string().min(SOURCE_TEXT_MIN).optional(),
  })
  .strict();

/** A post lists its sources as links: the same schema, with the address required. */
export const postSourceSchema = sourceSchema.extend({ url: webAddress(z.string({ required_error: 'fehlt: Adresse der Quelle („url“)' })) });

export const CATEGORIES = ['Datenschutz', 'Digitales', 'Recht', 'Betrieb'] as const;

/**
 * The front matter of a post. `image` is Astro's image() helper inside the content
 * config; tests pass a plain string schema so the rest can be checked without Astro.
 */
export function postSchema<I extends z.ZodTypeAny>(image: I) {
  return z
    .object({
      title: z
        .string({ required_error: 'fehlt: Titel des Beitrags' })
        .min(TITLE_MIN, `erwartet mindestens ${TITLE_MIN} Zeichen`)
        .max(TITLE_MAX, `höchstens ${TITLE_MAX} Zeichen`),
      description: z
        .string({ required_error: 'fehlt: kurze Beschreibung für Vorschau und Suchmaschinen' })
        .min(DESCRIPTION_MIN, `erwartet mindestens ${DESCRIPTION_MIN} Zeichen`)
        .max(DESCRIPTION_MAX, `höchstens ${DESCRIPTION_MAX} Zeichen (Suchmaschinen und Facebook kürzen längere Texte)`),
      pubDate: isoDate,
      updatedDate: isoDate.optional(),
      author: z.string().min(2).default('Redaktion'),
      category: z.enum(CATEGORIES, {
        errorMap: () => ({ message: `erwartet eine dieser Kategorien: ${CATEGORIES.join(', ')}` }),
      }),
      tags: z.array(tag).min(1, 'erwartet mindestens ein Thema').max(TAGS_MAX, `höchstens ${TAGS_MAX} Themen`),
      draft: z.boolean().default(false),
      // The browser editor writes `cover: {}` when no picture is chosen: that is no cover.
      cover: z.preprocess(
        (value) => (value && typeof value === 'object' && !(value as { src?: unknown }).src ? undefined : value),
        z
          .object({
            src: image,
            alt: z
              .string({ required_error: 'fehlt: Alternativtext (alt) für das Titelbild' })
              .min(ALT_MIN, 'erwartet einen Alternativtext, der das Bild beschreibt'),
          })
          .optional(),
      ),
      sources: z.array(postSourceSchema).default([]),
      /** Extra search words, e.g. parts of compounds Pagefind cannot split ("Adressbuch" → "Telefonbuch, Kontakte"). */
      keywords: z.array(z.string().min(2)).default([]),
    })
    .strict();
}

export type PostData = z.infer<ReturnType<typeof postSchema<z.ZodString>>>;
