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
  TAG_PATTERN,
  TAGS_MAX,
  TITLE_MAX,
  TITLE_MIN,
} from '../src/lib/posts/schema';
import { BUSINESS_FEATURES, CRITERIA } from '../src/lib/messengers/criteria';
import { QUOTE_MAX, SOURCE_KEY } from '../src/lib/messengers/schema';

const titel = (defaultValue: string) => fields.text({ label: 'Überschrift des Kastens', defaultValue });
/** Keystatic stores a post's images in a folder named like the post and writes ./<slug>/name.png (the content check warns about any other place). */
export const postImages = { directory: 'posts', publicPath: './' };

const sourceFields = fields.object({
  title: fields.text({ label: 'Titel der Quelle', validation: { length: { min: 2 } } }),
  url: fields.url({ label: 'Adresse (https://…)', validation: { isRequired: true } }),
  date: fields.date({ label: 'Eigenes Datum der Quelle (leer = undatiert, nie schätzen)' }),
  period: fields.text({ label: 'Nur Monat oder Jahr (z. B. „Juni 2025“), statt eines Datums' }),
  checked: fields.date({ label: 'Aussage zuletzt daran geprüft am' }),
});

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
          slug: { label: 'Adresse (Teil nach /beitraege/)', description: 'Kleinbuchstaben und Bindestriche; nach der Veröffentlichung nicht mehr ändern.' },
        }),
        description: fields.text({
          label: 'Kurzbeschreibung',
          description: `${DESCRIPTION_MIN}–${DESCRIPTION_MAX} Zeichen, für Vorschau, Suchmaschinen und Facebook.`,
          multiline: true,
          validation: { length: { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX } },
        }),
        pubDate: fields.date({ label: 'Erscheint am', description: 'Ein Datum in der Zukunft: Der Beitrag erscheint an diesem Tag von selbst.', validation: { isRequired: true } }),
        updatedDate: fields.date({ label: 'Aktualisiert am (optional)' }),
        author: fields.text({ label: 'Autor oder Autorin', defaultValue: 'Redaktion', validation: { length: { min: 2 } } }),
        category: fields.select({
          label: 'Kategorie',
          options: CATEGORIES.map((c) => ({ label: c, value: c })),
          defaultValue: CATEGORIES[0],
        }),
        tags: fields.array(
          fields.text({ label: 'Thema', validation: { pattern: { regex: TAG_PATTERN, message: 'Kleinbuchstaben mit Bindestrichen, z. B. datenschutz' } } }),
          { label: 'Themen', itemLabel: (props) => props.value || 'neues Thema', validation: { length: { min: 1, max: TAGS_MAX } } },
        ),
        draft: fields.checkbox({ label: 'Entwurf (nicht veröffentlichen)', defaultValue: true }),
        cover: fields.object(
          {
            src: fields.image({ label: 'Titelbild (optional)', ...postImages }),
            alt: fields.text({ label: 'Bildbeschreibung (Alternativtext)', description: `Pflicht, wenn ein Titelbild gewählt ist: mindestens ${ALT_MIN} Zeichen, was auf dem Bild zu sehen ist.` }),
          },
          { label: 'Titelbild' },
        ),
        keywords: fields.array(fields.text({ label: 'Suchwort' }), { label: 'Zusätzliche Suchwörter (optional)', itemLabel: (props) => props.value || 'neues Suchwort' }),
        sources: fields.array(sourceFields, { label: 'Quellen', itemLabel: (props) => props.fields.title.value || 'neue Quelle' }),
        content: fields.mdx({
          label: 'Text',
          options: { image: postImages },
          components: contentComponents,
        }),
      },
    }),
    messengers: collection({
      label: 'Messenger',
      path: 'messengers/*',
      slugField: 'name',
      format: { data: 'yaml' },
      schema: {
        name: fields.slug({ name: { label: 'Name' }, slug: { label: 'Kennung (Dateiname)' } }),
        aliases: fields.array(fields.text({ label: 'Anderer Name' }), { label: 'Andere Namen (für die Suche)' }),
        category: fields.text({ label: 'Art' }),
        summary: fields.text({ label: 'Kurzfassung', multiline: true }),
        facts: fields.object(
          Object.fromEntries(
            CRITERIA.map((c) => [
              c.id,
              fields.object(
                {
                  value: fields.text({ label: 'Angabe', multiline: true }),
                  level: fields.select({ label: 'Einstufung', options: Object.entries(c.levels).map(([value, level]) => ({ value, label: level.label })), defaultValue: Object.keys(c.levels)[0]! }),
                  ...(c.id === 'business'
                    ? { features: fields.multiselect({ label: 'Funktionen', options: Object.entries(BUSINESS_FEATURES).map(([value, label]) => ({ value, label: String(label) })) }) }
                    : {}),
                  source: fields.text({ label: 'Quelle (Schlüssel, z. B. T1)' }),
                  verified: fields.checkbox({ label: 'Von der Quelle bestätigt (nur mit Zitat)', defaultValue: false }),
                  quote: fields.text({ label: `Beleg: Worte der Quelle (höchstens ${QUOTE_MAX} Zeichen)`, multiline: true, validation: { length: { max: QUOTE_MAX } } }),
                  quoteLang: fields.text({ label: 'Sprache des Zitats (z. B. de, en)' }),
                  gloss: fields.text({ label: 'Deutsche Wiedergabe (bei fremdsprachigem Zitat)', multiline: true }),
                  checked: fields.date({ label: 'Zitat an der Quelle gelesen am' }),
                  checkedBy: fields.text({ label: 'Gelesen von (Name oder „Redaktion“)' }),
                  note: fields.text({ label: 'Hinweis zur Angabe (optional)', multiline: true }),
                },
                { label: c.label },
              ),
            ]),
          ),
          { label: 'Angaben' },
        ),
        assessment: fields.text({ label: 'Einschätzung', multiline: true }),
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
          name: { label: 'Titel der Quelle', validation: { length: { min: 3 } } },
          slug: {
            label: 'Schlüssel (Dateiname, z. B. T1)',
            description: 'Messenger-Angaben nennen diesen Schlüssel; nach dem ersten Speichern nicht mehr ändern.',
            validation: { pattern: { regex: SOURCE_KEY, message: 'Buchstaben, Ziffern und Bindestriche, z. B. T1 oder BNetzA' } },
          },
        }),
        url: fields.text({ label: 'Adresse (https://…; leer, wenn keine bestätigt ist)' }),
        publisher: fields.text({ label: 'Herausgeber' }),
        date: fields.date({ label: 'Eigenes Datum der Quelle (leer = undatiert, nie schätzen)' }),
        period: fields.text({ label: 'Nur Monat oder Jahr (z. B. „Juni 2025“), statt eines Datums' }),
        checked: fields.date({ label: 'Angaben zuletzt daran geprüft am' }),
        note: fields.text({ label: 'Hinweis zur Quelle', multiline: true }),
      },
    }),
  },
});
