/**
 * The browser editor's model of our content (Keystatic, local storage: it writes the files in
 * content/ on our own server). Every rule comes from the same constants as the content schema
 * (src/lib/posts/schema.ts, src/lib/messengers/criteria.ts), so the editor and the build agree.
 * Paths are relative to the content folder, which the server hands Keystatic as its base.
 */
import { collection, config, fields } from '@keystatic/core';
import { block, inline, wrapper } from '@keystatic/core/content-components';
import {
  ALT_MIN,
  CATEGORIES,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  PERIOD,
  SOURCE_TEXT_MIN,
  SOURCE_TITLE_MIN,
  TAG_PATTERN,
  TAGS_MAX,
  TITLE_MAX,
  TITLE_MIN,
  WEB_ADDRESS_PATTERN,
} from '../src/lib/posts/schema';
import { CRITERIA } from '../src/lib/messengers/criteria';
import { MESSENGER_LIMITS as L, QUOTE_LANG, SOURCE_KEY } from '../src/lib/messengers/schema';
import { slugify } from '../src/lib/posts/slug';
import { PUB_DATE_MAX_YEARS_AHEAD, PUB_DATE_MIN_YEAR, pubDateBounds, scheduledDay } from '../src/lib/posts/pub-date';
import { de } from '../src/i18n/de';
import { format } from '../src/i18n/format';

const t = de.editorApp;

/** The same pattern, or nothing: Keystatic leaves an empty text field out of the file, as the schema's optional(). */
const orEmpty = (pattern: RegExp) => new RegExp(`^(?:${pattern.source.replace(/^\^/, '').replace(/\$$/, '')})?$`);
/** At least `min` characters, or nothing (an optional field with a minimum length in the schema). */
const atLeastOrEmpty = (min: number) => new RegExp(`^(?:[\\s\\S]{${min},})?$`);
const webAddress = { regex: WEB_ADDRESS_PATTERN, message: 'Eine vollständige Adresse mit https:// (oder http://)' };
const optionalWebAddress = { ...webAddress, regex: orEmpty(WEB_ADDRESS_PATTERN) };
const period = { regex: orEmpty(PERIOD), message: 'Monat und Jahr wie „Juni 2025“, „Anfang 2022“ oder nur das Jahr' };
const minimum = (min: number) => ({ regex: atLeastOrEmpty(min), message: `Leer lassen oder mindestens ${min} Zeichen` });

/**
 * "Erscheint am": today for a new post, no year before PUB_DATE_MIN_YEAR (a typed "26" is 0026),
 * at most PUB_DATE_MAX_YEARS_AHEAD years ahead; a later day is named at the field. The description
 * is a function of the value (our Keystatic patch, scripts/keystatic-german.mjs), typed as its string.
 */
function pubDateDescription(value: string | null): string {
  const hint = format(t.pubDateHint, { minYear: PUB_DATE_MIN_YEAR, maxYears: PUB_DATE_MAX_YEARS_AHEAD });
  const day = scheduledDay(value, new Date());
  return day ? `${format(t.pubDateScheduled, { day })} ${hint}` : hint;
}
export const pubDateField = fields.date({
  label: 'Erscheint am',
  description: pubDateDescription as unknown as string,
  defaultValue: { kind: 'today' },
  validation: { isRequired: true, ...pubDateBounds(new Date()) },
});

const titel = (defaultValue: string) => fields.text({ label: 'Überschrift des Kastens', defaultValue });
/** Keystatic stores a post's images in a folder named like the post and writes ./<slug>/name.png (the content check warns about any other place). */
export const postImages = { directory: 'posts', publicPath: './' };

/** A post's source: the fields of postSourceSchema (src/lib/posts/schema.ts). */
const sourceFields = fields.object({
  title: fields.text({ label: 'Titel der Quelle', validation: { length: { min: SOURCE_TITLE_MIN } } }),
  url: fields.text({ label: 'Adresse (https://…)', validation: { isRequired: true, pattern: webAddress } }),
  date: fields.date({ label: 'Eigenes Datum der Quelle (leer = undatiert, nie schätzen)' }),
  period: fields.text({ label: 'Nur Monat oder Jahr (z. B. „Juni 2025“), statt eines Datums', validation: { pattern: period } }),
  checked: fields.date({ label: 'Aussage zuletzt daran geprüft am' }),
});

/**
 * The cover: a picture needs its description (the content schema's ALT_MIN). The two fields depend on
 * each other, so the check sits on the object: `check` is our Keystatic patch (scripts/keystatic-german.mjs),
 * which refuses the save and shows the message below the two fields.
 */
export function coverProblem(value: { src?: unknown; alt?: unknown }): string | undefined {
  if (!value.src) return undefined;
  return typeof value.alt === 'string' && value.alt.trim().length >= ALT_MIN ? undefined : format(t.coverAltMissing, { min: ALT_MIN });
}
const coverField = Object.assign(
  fields.object(
    {
      src: fields.image({ label: 'Titelbild (optional)', ...postImages }),
      alt: fields.text({
        label: 'Bildbeschreibung (Alternativtext)',
        description: `Pflicht, wenn ein Titelbild gewählt ist: mindestens ${ALT_MIN} Zeichen, was auf dem Bild zu sehen ist.`,
      }),
    },
    { label: 'Titelbild' },
  ),
  { check: coverProblem },
);

/** What Keystatic's text value offers the check: its ProseMirror document. */
interface TextValue {
  doc: { descendants: (visit: (node: { type: { name: string }; attrs: Record<string, unknown> }) => boolean | void) => void };
}
/**
 * Pictures in the text whose description is missing or too short, named by file: a picture inserted
 * with "/" → Bild gets its description in a dialog the clerk may never open. `check` on fields.mdx is
 * our Keystatic patch: it refuses the save and shows this at the text.
 */
export function picturesWithoutAlt(value: TextValue): string | undefined {
  const missing: string[] = [];
  value.doc.descendants((node) => {
    if (node.type.name !== 'image') return;
    const alt = typeof node.attrs.alt === 'string' ? node.attrs.alt.trim() : '';
    if (alt.length < ALT_MIN) missing.push(String(node.attrs.filename ?? ''));
  });
  return missing.length ? missing.map((file) => format(t.pictureAltMissing, { file, min: ALT_MIN })).join(' ') : undefined;
}

/** The building blocks an editor can insert from the menu (the same names as src/components/blocks/index.ts). */
export const contentComponents = {
  Hinweis: wrapper({ label: 'Hinweis (Kasten)', schema: { titel: titel('Hinweis') } }),
  Warnung: wrapper({ label: 'Warnung (Kasten)', schema: { titel: titel('Warnung') } }),
  Checkliste: wrapper({ label: 'Checkliste', schema: { titel: titel('Checkliste') } }),
  Quelle: inline({
    label: 'Quelle (im Satz)',
    schema: {
      title: fields.text({ label: 'Titel der Quelle', validation: { length: { min: 2 } } }),
      url: fields.url({ label: 'Adresse', validation: { isRequired: true } }),
      date: fields.text({ label: 'Datum der Quelle (JJJJ-MM-TT, optional)' }),
    },
  }),
  MessengerComparison: block({
    label: 'Messenger-Vergleich',
    schema: {
      only: fields.array(fields.text({ label: 'Messenger (Dateiname ohne .yaml, z. B. threema)' }), { label: 'Nur diese Messenger' }),
      titel: fields.text({ label: 'Überschrift' }),
    },
  }),
  FacebookHinweis: block({ label: 'Facebook-Einladung', schema: {} }),
};

export default config({
  storage: { kind: 'local' },
  locale: 'de-DE',
  ui: { brand: { name: 'Innungswissen – Redaktion' } },
  collections: {
    posts: collection({
      label: 'Beiträge',
      path: 'posts/*',
      slugField: 'title',
      entryLayout: 'content',
      format: { contentField: 'content' },
      columns: ['title', 'pubDate'],
      schema: {
        title: fields.slug({
          name: { label: 'Titel', validation: { length: { min: TITLE_MIN, max: TITLE_MAX } } },
          slug: {
            label: 'Adresse (Teil nach /beitraege/)',
            description: 'Kleinbuchstaben und Bindestriche; nach der Veröffentlichung nicht mehr ändern.',
            // Our slugify (also behind `npm run new`): "WhatsApp-Gruppen" → whatsapp-gruppen, ä → ae, ß → ss.
            generate: slugify,
          },
        }),
        description: fields.text({
          label: 'Kurzbeschreibung',
          description: `${DESCRIPTION_MIN}–${DESCRIPTION_MAX} Zeichen, für Vorschau, Suchmaschinen und Facebook.`,
          multiline: true,
          validation: { length: { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX } },
        }),
        pubDate: pubDateField,
        updatedDate: fields.date({ label: 'Aktualisiert am (optional)' }),
        author: fields.text({ label: 'Autor oder Autorin', defaultValue: 'Redaktion', validation: { length: { min: 2 } } }),
        category: fields.select({
          label: 'Kategorie',
          options: CATEGORIES.map((c) => ({ label: c, value: c })),
          defaultValue: CATEGORIES[0],
        }),
        tags: fields.array(
          fields.text({
            label: 'Thema',
            validation: { pattern: { regex: TAG_PATTERN, message: 'Kleinbuchstaben mit Bindestrichen, z. B. datenschutz' } },
          }),
          { label: 'Themen', itemLabel: (props) => props.value || 'neues Thema', validation: { length: { min: 1, max: TAGS_MAX } } },
        ),
        draft: fields.checkbox({ label: 'Entwurf (nicht veröffentlichen)', defaultValue: true }),
        cover: coverField,
        keywords: fields.array(fields.text({ label: 'Suchwort' }), {
          label: 'Zusätzliche Suchwörter (optional)',
          itemLabel: (props) => props.value || 'neues Suchwort',
        }),
        sources: fields.array(sourceFields, { label: 'Quellen', itemLabel: (props) => props.fields.title.value || 'neue Quelle' }),
        content: fields.mdx({
          label: 'Text',
          // A picture's description is required in its dialog ("Bildangaben"), with the content schema's ALT_MIN.
          options: {
            image: {
              ...postImages,
              schema: {
                alt: fields.text({
                  label: 'Bildbeschreibung (Alternativtext)',
                  description: `Pflicht: mindestens ${ALT_MIN} Zeichen, was auf dem Bild zu sehen ist; Screenreader lesen es vor.`,
                  validation: { length: { min: ALT_MIN } },
                }),
              },
            },
          },
          components: contentComponents,
          check: picturesWithoutAlt,
        } as Parameters<typeof fields.mdx>[0]),
      },
    }),
    messengers: collection({
      label: 'Messenger',
      path: 'messengers/*',
      slugField: 'name',
      format: { data: 'yaml' },
      // The list shows each messenger's name ("Threema Work"), not only its file key (threema-work).
      columns: ['name'],
      schema: {
        name: fields.slug({ name: { label: 'Name', validation: { length: { min: L.nameMin } } }, slug: { label: 'Kennung (Dateiname)' } }),
        aliases: fields.array(fields.text({ label: 'Anderer Name' }), { label: 'Andere Namen (für die Suche)' }),
        category: fields.text({ label: 'Art', validation: { length: { min: L.categoryMin } } }),
        summary: fields.text({
          label: 'Kurzfassung',
          description: `${L.summaryMin}–${L.summaryMax} Zeichen.`,
          multiline: true,
          validation: { length: { min: L.summaryMin, max: L.summaryMax } },
        }),
        facts: fields.object(
          Object.fromEntries(
            CRITERIA.map((c) => [
              c.id,
              fields.object(
                {
                  value: fields.text({ label: 'Angabe', multiline: true, validation: { length: { min: L.valueMin } } }),
                  level: fields.select({
                    label: 'Einstufung',
                    options: Object.entries(c.levels).map(([value, level]) => ({ value, label: level.label })),
                    defaultValue: Object.keys(c.levels)[0]!,
                  }),
                  ...(c.features
                    ? {
                        features: fields.multiselect({
                          label: 'Funktionen',
                          options: Object.entries(c.features).map(([value, label]) => ({ value, label })),
                        }),
                      }
                    : {}),
                  // Chosen from the sources that exist, never typed: the file keeps the source's key.
                  source: fields.relationship({
                    label: t.factSource,
                    description: t.factSourceHint,
                    collection: 'sources',
                    validation: { isRequired: true },
                  }),
                  verified: fields.checkbox({ label: 'Von der Quelle bestätigt (nur mit Zitat)', defaultValue: false }),
                  quote: fields.text({
                    label: `Beleg: Worte der Quelle (${L.quoteMin} bis ${L.quoteMax} Zeichen)`,
                    multiline: true,
                    validation: { length: { max: L.quoteMax }, pattern: minimum(L.quoteMin) },
                  }),
                  quoteLang: fields.text({
                    label: 'Sprache des Zitats (z. B. de, en)',
                    validation: { pattern: { regex: orEmpty(QUOTE_LANG), message: 'Ein Sprachkürzel wie „de“ oder „en“' } },
                  }),
                  gloss: fields.text({
                    label: 'Deutsche Wiedergabe (bei fremdsprachigem Zitat)',
                    multiline: true,
                    validation: { pattern: minimum(L.glossMin) },
                  }),
                  checked: fields.date({ label: 'Zitat an der Quelle gelesen am' }),
                  checkedBy: fields.text({
                    label: 'Gelesen von (Name oder „Redaktion“)',
                    validation: { pattern: minimum(L.checkedByMin) },
                  }),
                  note: fields.text({ label: 'Hinweis zur Angabe (optional)', multiline: true }),
                },
                { label: c.label },
              ),
            ]),
          ),
          { label: 'Angaben' },
        ),
        assessment: fields.text({
          label: 'Einschätzung',
          description: `Mindestens ${L.assessmentMin} Zeichen.`,
          multiline: true,
          validation: { length: { min: L.assessmentMin } },
        }),
      },
    }),
    sources: collection({
      label: 'Quellen',
      path: 'sources/*',
      slugField: 'title',
      format: { data: 'yaml' },
      columns: ['title'],
      schema: {
        title: fields.slug({
          name: { label: 'Titel der Quelle', validation: { length: { min: SOURCE_TITLE_MIN } } },
          slug: {
            label: 'Schlüssel (Dateiname, z. B. T1)',
            description: 'Messenger-Angaben nennen diesen Schlüssel; nach dem ersten Speichern nicht mehr ändern.',
            validation: { pattern: { regex: SOURCE_KEY, message: 'Buchstaben, Ziffern und Bindestriche, z. B. T1 oder BNetzA' } },
          },
        }),
        url: fields.text({ label: 'Adresse (https://…; leer, wenn keine bestätigt ist)', validation: { pattern: optionalWebAddress } }),
        publisher: fields.text({ label: 'Herausgeber', validation: { pattern: minimum(SOURCE_TEXT_MIN) } }),
        date: fields.date({ label: 'Eigenes Datum der Quelle (leer = undatiert, nie schätzen)' }),
        period: fields.text({ label: 'Nur Monat oder Jahr (z. B. „Juni 2025“), statt eines Datums', validation: { pattern: period } }),
        checked: fields.date({ label: 'Angaben zuletzt daran geprüft am' }),
        note: fields.text({ label: 'Hinweis zur Quelle', multiline: true, validation: { pattern: minimum(SOURCE_TEXT_MIN) } }),
      },
    }),
  },
});
